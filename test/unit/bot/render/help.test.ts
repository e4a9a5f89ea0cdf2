import { helpMessage, USAGE_HINT } from '../../../../bot/render/help';
import { catalog } from '../../../../intents/catalog';

describe('helpMessage', () => {
  it('lists every intent but the fallback, with an example, and the slash sub-commands', () => {
    // Prepare
    const intents = catalog.list().filter((s) => !s.parentIntent);

    // Act
    const help = helpMessage(catalog);

    // Assess
    for (const spec of intents) expect(help.text).toContain(spec.examples[0]);
    expect(help.text).not.toContain(catalog.get('FallbackIntent')?.description ?? '(none)');
    expect(help.text).toContain('/chatops status REQ-…');
    expect(help.text).toContain('/chatops mine');
  });

  it('derives the usage hint from the sub-commands', () => {
    // Prepare / Act / Assess
    expect(USAGE_HINT).toBe('help | status | mine | anything you would say to me');
  });
});
