import { createCodeHook } from '../../../../handlers/router';
import { codeHookEvent, kitDeps, startConversation, testConfig, textOf } from '../../../kit';

const enabled = () => testConfig({ examples: { enabled: true } });

describe('ListOuAccounts (the worked example, read-only)', () => {
  it('lists the accounts of the OU in one conversation and records the request as succeeded', async () => {
    // Prepare
    const chat = await startConversation({ config: enabled() });

    // Act
    const reply = await chat.say('list the accounts in Security');

    // Assess
    expect(reply).toMatchObject({ intent: 'ListOuAccounts', dialogAction: 'Close', state: 'Fulfilled' });
    expect(reply.text).toContain('2 accounts in Security (ou-sec1-33333333):');
    expect(reply.text).toContain('• audit (333333333333) aws-audit@example.com');
    const [request] = await chat.requests();
    expect(request).toMatchObject({ intent: 'ListOuAccounts', status: 'SUCCEEDED' });
    const history = await chat.history(request?.id ?? '');
    expect(history.map((e) => e.toStatus)).toEqual(['RECEIVED', 'IN_PROGRESS', 'SUCCEEDED']);
  });

  it('asks for the OU with buttons when the utterance names none, then answers', async () => {
    // Prepare
    const chat = await startConversation({ config: enabled() });

    // Act
    const question = await chat.say('which accounts are in an organizational unit');
    const answer = await chat.say('Workloads');

    // Assess
    expect(question).toMatchObject({ dialogAction: 'ElicitSlot', slotToElicit: 'OrganizationalUnit' });
    expect(question.text).toContain('[Security]');
    expect(answer.text).toContain('There are no accounts directly in Workloads (ou-wkl1-22222222).');
  });

  it('asks again, naming the OUs that exist, for an OU the organization lacks', async () => {
    // Prepare
    const hook = createCodeHook(kitDeps({ config: enabled() }));
    const event = codeHookEvent('ListOuAccounts', {
      source: 'DialogCodeHook',
      slots: { OrganizationalUnit: 'Nowhere' },
    });

    // Act
    const response = await hook(event);

    // Assess
    expect(response.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'OrganizationalUnit',
    });
    expect(textOf(response)).toContain(
      'There is no organizational unit "Nowhere". Choose one of: Root / Sandbox',
    );
  });

  it('is not in the catalog while config leaves the example off (the default)', async () => {
    // Prepare
    const deps = kitDeps();

    // Act
    const spec = deps.catalog.get('ListOuAccounts');

    // Assess
    expect(spec).toBeUndefined();
    expect(deps.capabilities?.some((c) => c.intent === 'ListOuAccounts')).toBe(false);
  });
});
