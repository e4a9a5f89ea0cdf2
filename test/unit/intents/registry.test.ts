import { defineIntent, type IntentSpec } from '../../../intents/define-intent';
import { DuplicateIntentError, IntentRegistry, InvalidIntentSpecError } from '../../../intents/registry';

const fallback = defineIntent({
  id: 'FallbackIntent',
  description: 'fallback',
  examples: [],
  utterances: [],
  slots: [],
  slotTypes: [],
  sideEffect: 'read',
  approval: 'never',
  requiredRoles: [],
  tracked: false,
  parentIntent: 'AMAZON.FallbackIntent',
  dialogHook: false,
});

function spec(overrides: Partial<IntentSpec> = {}): IntentSpec {
  return {
    id: 'Thing',
    description: 'does a thing',
    examples: [],
    utterances: ['do the thing', 'do the thing for {Target}'],
    slots: [
      {
        name: 'Target',
        description: 't',
        type: 'AMAZON.AlphaNumeric',
        required: true,
        priority: 1,
        prompt: 'p',
        retryPrompt: 'r',
      },
    ],
    slotTypes: [],
    sideEffect: 'read',
    approval: 'never',
    requiredRoles: [],
    tracked: true,
    dialogHook: true,
    ...overrides,
  };
}

describe('IntentRegistry', () => {
  it('accepts a consistent catalog and lists intents in order', () => {
    // Prepare
    const specs = [spec(), fallback];
    // Act
    const registry = new IntentRegistry(specs);
    // Assess
    expect(registry.list().map((s) => s.id)).toEqual(['Thing', 'FallbackIntent']);
    expect(registry.get('Thing')?.description).toBe('does a thing');
  });

  it('throws on duplicate intent ids', () => {
    // Prepare
    const specs = [spec(), spec(), fallback];
    // Act
    const build = () => new IntentRegistry(specs);
    // Assess
    expect(build).toThrow(DuplicateIntentError);
    expect(build).toThrow('Intent "Thing" is registered twice.');
  });

  it.each([
    [
      'an utterance naming an unknown slot',
      spec({ utterances: ['do it for {Nobody}'] }),
      'names unknown slot {Nobody}',
    ],
    [
      'a slot without a type',
      spec({
        slots: [
          {
            name: 'Target',
            description: 't',
            type: '',
            required: true,
            priority: 1,
            prompt: 'p',
            retryPrompt: 'r',
          },
        ],
      }),
      'slot "Target" has no type',
    ],
    [
      'a slot with an unknown type',
      spec({
        slots: [
          {
            name: 'Target',
            description: 't',
            type: 'Colours',
            required: true,
            priority: 1,
            prompt: 'p',
            retryPrompt: 'r',
          },
        ],
      }),
      'unknown type "Colours"',
    ],
    [
      'an enumerated slot type with no values',
      spec({ slotTypes: [{ name: 'Colours', description: 'c', values: [], resolution: 'TopResolution' }] }),
      'slot type "Colours" has no values',
    ],
    ['no sample utterances', spec({ utterances: [] }), 'has no sample utterances'],
    ['a duplicated utterance', spec({ utterances: ['do it', 'Do it'] }), 'is listed twice'],
    ['a write intent without confirmation', spec({ sideEffect: 'write' }), 'needs a confirmation prompt'],
    ['an invalid Lex intent name', spec({ id: 'do thing!' }), 'id must be letters'],
  ])('refuses %s', (_label, bad, problem) => {
    // Prepare
    const specs = [bad, fallback];
    // Act
    const build = () => new IntentRegistry(specs);
    // Assess
    expect(build).toThrow(InvalidIntentSpecError);
    expect(build).toThrow(problem);
  });

  it('refuses a catalog without a fallback intent', () => {
    // Prepare
    const specs = [spec()];
    // Act
    const build = () => new IntentRegistry(specs);
    // Assess
    expect(build).toThrow('no fallback intent');
  });

  it('refuses a fallback intent with sample utterances', () => {
    // Prepare
    const specs = [spec(), { ...fallback, utterances: ['huh'] }];
    // Act
    const build = () => new IntentRegistry(specs);
    // Assess
    expect(build).toThrow('the fallback intent cannot have sample utterances');
  });

  it('refuses two different slot types under one name', () => {
    // Prepare
    const colours = {
      name: 'Colours',
      description: 'c',
      values: [{ value: 'red' }],
      resolution: 'TopResolution' as const,
    };
    const a = spec({ id: 'A', slotTypes: [colours] });
    const b = spec({ id: 'B', slotTypes: [{ ...colours, values: [{ value: 'blue' }] }] });
    // Act
    const build = () => new IntentRegistry([a, b, fallback]);
    // Assess
    expect(build).toThrow('slot type "Colours" is defined twice, differently');
  });
});
