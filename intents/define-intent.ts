/**
 * The declarative intent spec (DESIGN §1, rule 2). One spec per intent is the single source for the
 * Lex bot (CDK), the local Lex runtime, help text, the Slack manifest and test fixtures.
 */

/** Built-in Lex V2 slot types the catalog uses. */
export type BuiltInSlotType =
  | 'AMAZON.EmailAddress'
  | 'AMAZON.AlphaNumeric'
  | 'AMAZON.FreeFormInput'
  | 'AMAZON.FirstName'
  | 'AMAZON.LastName'
  | 'AMAZON.Number';

/** A custom enumerated slot type with synonyms that resolve to the canonical value. */
export interface SlotTypeSpec {
  name: string;
  description: string;
  values: readonly { value: string; synonyms?: readonly string[] }[];
  /** `TopResolution`: Lex returns the canonical value; `OriginalValue`: what the user said. */
  resolution: 'TopResolution' | 'OriginalValue';
}

export interface SlotSpec {
  name: string;
  description: string;
  /** A built-in type or the `name` of one of the intent's `slotTypes`. */
  type: BuiltInSlotType | string;
  required: boolean;
  /** Lower numbers are elicited first (Lex `SlotPriorities`). */
  priority: number;
  prompt: string;
  retryPrompt: string;
  maxRetries?: number;
  /** Sample utterances for answering this slot's prompt (Lex slot `SampleUtterances`). */
  sampleUtterances?: readonly string[];
}

/**
 * Approval policy. `always`: every request waits for a human; `never`: runs once confirmed;
 * `whenOtherUser`: waits when it acts on an IAM user other than the requester's own mapped one;
 * `forProduction`: waits when `AccountType` is `Production`. Config may override per intent.
 */
export const APPROVAL_POLICIES = ['always', 'never', 'whenOtherUser', 'forProduction'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

export type SideEffect = 'read' | 'write';

export interface IntentSpec {
  id: string;
  description: string;
  /** Short examples shown by Help (a subset of `utterances`, slots filled in). */
  examples: readonly string[];
  /** Lex sample utterances, with `{SlotName}` placeholders. Empty only for the fallback intent. */
  utterances: readonly string[];
  slots: readonly SlotSpec[];
  slotTypes: readonly SlotTypeSpec[];
  confirmation?: { prompt: string; declined: string };
  sideEffect: SideEffect;
  approval: ApprovalPolicy;
  /** Roles allowed to run this intent; empty = anyone (DESIGN §4: unnamed users may ask). */
  requiredRoles: readonly string[];
  /** Whether requests for this intent are recorded in the ledger (false for Help, status look-ups). */
  tracked: boolean;
  /** Lex `ParentIntentSignature` (only the fallback intent uses one). */
  parentIntent?: 'AMAZON.FallbackIntent';
  /** Whether the dialog code hook runs for this intent. */
  dialogHook: boolean;
}

/**
 * Identity helper that gives specs their type and freezes them. The registry validates the spec
 * (slots named in utterances exist, slot types are known) when the catalog is built.
 *
 * @example
 * export const pipelineStatusIntent = defineIntent({
 *   id: 'PipelineStatus',
 *   description: 'Show the status of a CodePipeline pipeline, stage by stage.',
 *   examples: ['status of pipeline web-app'],
 *   utterances: ['pipeline status', 'status of pipeline {PipelineName}'],
 *   slots: [
 *     {
 *       name: 'PipelineName',
 *       description: 'The pipeline to report on',
 *       type: 'PipelineNameValues',
 *       required: true,
 *       priority: 1,
 *       prompt: 'Which pipeline?',
 *       retryPrompt: 'Which pipeline? For example web-app.',
 *     },
 *   ],
 *   slotTypes: [
 *     {
 *       name: 'PipelineNameValues',
 *       description: 'A CodePipeline pipeline name (examples only)',
 *       resolution: 'OriginalValue',
 *       values: [{ value: 'web-app' }],
 *     },
 *   ],
 *   sideEffect: 'read',
 *   approval: 'never',
 *   requiredRoles: [],
 *   tracked: true,
 *   dialogHook: true,
 * });
 */
export function defineIntent(spec: IntentSpec): Readonly<IntentSpec> {
  return Object.freeze(spec);
}
