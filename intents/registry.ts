/**
 * The intent registry: refuses duplicates and inconsistent specs at construction, so a broken catalog
 * fails at start-up (and in tests), never in a conversation.
 */
import { ChatOpsError } from '../kernel/errors';
import type { IntentSpec, SlotTypeSpec } from './define-intent';

const BUILT_IN = new Set([
  'AMAZON.EmailAddress',
  'AMAZON.AlphaNumeric',
  'AMAZON.FreeFormInput',
  'AMAZON.FirstName',
  'AMAZON.LastName',
  'AMAZON.Number',
]);

/** Two specs share an id (or two slot types share a name with different values). */
export class DuplicateIntentError extends ChatOpsError {
  constructor(id: string) {
    super('DUPLICATE_INTENT', `Intent "${id}" is registered twice.`, { id });
  }
}

/** A spec contradicts itself; `problem` says how. */
export class InvalidIntentSpecError extends ChatOpsError {
  constructor(id: string, problem: string) {
    super('INVALID_INTENT_SPEC', `Intent "${id}": ${problem}`, { id, problem });
  }
}

/**
 * The catalog's registry: every intent once, validated on construction, with at least one fallback
 * intent. It feeds the Lex bot locale (infra and the local runtime), help, the Slack manifest test
 * and the fixtures.
 *
 * @example
 * const catalog = new IntentRegistry([pipelineStatusIntent, helpIntent, fallbackIntent]);
 * catalog.get('PipelineStatus')?.slots.map((s) => s.name); // ['PipelineName']
 * new IntentRegistry([helpIntent, helpIntent]); // throws DuplicateIntentError (code DUPLICATE_INTENT)
 *
 * @throws DuplicateIntentError when an id is registered twice
 * @throws InvalidIntentSpecError when a spec is inconsistent or the catalog has no fallback intent
 */
export class IntentRegistry {
  private readonly byId = new Map<string, Readonly<IntentSpec>>();
  private readonly slotTypes = new Map<string, SlotTypeSpec>();

  constructor(specs: readonly Readonly<IntentSpec>[]) {
    for (const spec of specs) this.register(spec);
    if (![...this.byId.values()].some((s) => s.parentIntent === 'AMAZON.FallbackIntent')) {
      throw new InvalidIntentSpecError('(catalog)', 'no fallback intent (parent AMAZON.FallbackIntent)');
    }
  }

  /** All intents in registration order. */
  list(): readonly Readonly<IntentSpec>[] {
    return [...this.byId.values()];
  }

  get(id: string): Readonly<IntentSpec> | undefined {
    return this.byId.get(id);
  }

  /** Every custom slot type across the catalog, each once. */
  customSlotTypes(): readonly SlotTypeSpec[] {
    return [...this.slotTypes.values()];
  }

  private register(spec: Readonly<IntentSpec>): void {
    if (this.byId.has(spec.id)) throw new DuplicateIntentError(spec.id);
    validateSpec(spec);
    for (const type of spec.slotTypes) this.registerSlotType(spec.id, type);
    this.byId.set(spec.id, spec);
  }

  private registerSlotType(intentId: string, type: SlotTypeSpec): void {
    const existing = this.slotTypes.get(type.name);
    if (existing && JSON.stringify(existing) !== JSON.stringify(type)) {
      throw new InvalidIntentSpecError(intentId, `slot type "${type.name}" is defined twice, differently`);
    }
    this.slotTypes.set(type.name, type);
  }
}

function validateSpec(spec: Readonly<IntentSpec>): void {
  const fail = (problem: string): never => {
    throw new InvalidIntentSpecError(spec.id, problem);
  };
  if (!/^[A-Za-z][A-Za-z0-9_]{0,99}$/.test(spec.id))
    fail('id must be letters, digits or _ (Lex intent name)');
  const isFallback = spec.parentIntent === 'AMAZON.FallbackIntent';
  if (isFallback && spec.utterances.length > 0) fail('the fallback intent cannot have sample utterances');
  if (!isFallback && spec.utterances.length === 0) fail('has no sample utterances');
  const customTypes = new Map(spec.slotTypes.map((t) => [t.name, t]));
  for (const t of spec.slotTypes) {
    if (t.values.length === 0) fail(`slot type "${t.name}" has no values`);
  }
  const slotNames = new Set<string>();
  for (const slot of spec.slots) {
    if (slotNames.has(slot.name)) fail(`slot "${slot.name}" is declared twice`);
    slotNames.add(slot.name);
    if (!slot.type) fail(`slot "${slot.name}" has no type`);
    if (!BUILT_IN.has(slot.type) && !customTypes.has(slot.type)) {
      fail(`slot "${slot.name}" has unknown type "${slot.type}"`);
    }
  }
  const priorities = spec.slots.map((s) => s.priority);
  if (new Set(priorities).size !== priorities.length) fail('two slots share a priority');
  const seen = new Set<string>();
  for (const utterance of spec.utterances) {
    const key = utterance.toLowerCase();
    if (seen.has(key)) fail(`utterance "${utterance}" is listed twice`);
    seen.add(key);
    for (const [, name] of utterance.matchAll(/\{([^}]*)\}/g)) {
      if (!name || !slotNames.has(name)) fail(`utterance "${utterance}" names unknown slot {${name}}`);
    }
  }
  if (spec.sideEffect === 'write' && !spec.confirmation) fail('a write intent needs a confirmation prompt');
}
