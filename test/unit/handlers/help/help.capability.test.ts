import { catalog } from '../../../../intents/catalog';
import { startConversation, testConfig } from '../../../kit';

describe('Help (through the test kit)', () => {
  it('answers with every intent of the catalog the caller may run, with examples', async () => {
    // Prepare
    const chat = await startConversation();

    // Act
    const reply = await chat.say('help');

    // Assess
    expect(reply).toMatchObject({ intent: 'Help', dialogAction: 'Close' });
    const config = testConfig();
    const forAnyone = catalog
      .list()
      .filter(
        (s) => !s.parentIntent && s.id !== 'Help' && !s.requiredRoles.length && !config.intents[s.id]?.roles,
      );
    expect(forAnyone.length).toBeGreaterThan(3);
    for (const spec of forAnyone) {
      expect(reply.text).toContain(spec.description);
    }
    expect(reply.text).not.toContain('List the AWS accounts in an organizational unit.');
  });
});
