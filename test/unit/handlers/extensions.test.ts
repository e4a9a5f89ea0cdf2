import { defineExtension } from '../../../handlers/extension';
import { capabilitiesFor, catalogFor } from '../../../handlers/extensions';
import { createCodeHook } from '../../../handlers/router';
import { defineIntent, type IntentSpec } from '../../../intents/define-intent';
import { helpIntent } from '../../../intents/help.intent';
import { kitDeps, testConfig } from '../../kit';

const spec = (overrides: Partial<IntentSpec>) =>
  defineIntent({
    id: 'OpenBreakGlass',
    description: 'Open a break-glass session.',
    examples: ['open break glass'],
    utterances: ['open break glass'],
    slots: [],
    slotTypes: [],
    confirmation: { prompt: 'Open it?', declined: 'Not opened.' },
    sideEffect: 'write',
    approval: 'always',
    requiredRoles: [],
    tracked: true,
    dialogHook: false,
    ...overrides,
  });

const extensionOf = (intent: Readonly<IntentSpec>, withExecutor: boolean) =>
  defineExtension({
    name: 'break-glass',
    intents: [intent],
    capabilities: [
      { intent: intent.id, ...(withExecutor ? { execute: async () => ({ message: 'Opened.' }) } : {}) },
    ],
    sandboxDeps: () => ({}),
    awsDeps: () => ({}),
  });

describe('extensions', () => {
  it('adds the worked example to the catalog and capabilities only when config enables it', () => {
    // Prepare
    const off = testConfig();
    const on = testConfig({ examples: { enabled: true } });

    // Act
    const ids = (config: typeof on) =>
      catalogFor(config)
        .list()
        .map((s) => s.id);

    // Assess
    expect(ids(off)).not.toContain('ListOuAccounts');
    expect(ids(on)).toContain('ListOuAccounts');
    expect(ids(on).at(-1)).toBe('FallbackIntent');
    expect(capabilitiesFor(on).map((c) => c.intent)).toContain('ListOuAccounts');
    expect(capabilitiesFor(off).map((c) => c.intent)).not.toContain('ListOuAccounts');
  });

  it('refuses an extension intent whose id a built-in intent already has', () => {
    // Prepare
    const clash = extensionOf(spec({ id: helpIntent.id }), true);

    // Act
    const build = () => catalogFor(testConfig(), [clash]);

    // Assess
    expect(build).toThrow('Intent "Help" is registered twice.');
  });

  it('refuses at start-up a write intent of an extension without an executor', () => {
    // Prepare
    const deps = kitDeps({ extensions: [extensionOf(spec({}), false)] });

    // Act
    const start = () => createCodeHook(deps);

    // Assess
    expect(start).toThrow('The write intent "OpenBreakGlass" has no executor');
  });
});
