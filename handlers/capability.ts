/**
 * What a capability (one intent's behaviour) provides to the router. Capabilities are functions of
 * `(input, deps)`; they know nothing of Slack or Lex wire types (DESIGN §6 rule 1).
 */
import type { ChatOpsConfig } from './config/config.schema';
import type { ChatOpsRequest, NewRequest, Requester } from './ledger/request';

/** The verified caller with the roles config gives them. */
export interface Caller extends Requester {
  roles: ReadonlySet<string>;
  /** The IAM user mapped to this Slack user in config, if any. */
  iamUser?: string;
}

/** A value offered as a button (Lex response card): `value` is what a click sends. */
export interface SlotChoice {
  text: string;
  value: string;
}

/**
 * Result of checking one slot value: `value` is the normalised value to keep. A failure asks for
 * the slot again with `message`, or with `final` ends the dialog (nothing another value could fix);
 * a failure may offer `choices` (e.g. the organizational units that exist, the candidate
 * pipelines), which Lex shows as a response card (buttons in Slack).
 */
export type SlotCheck =
  | { ok: true; value: string }
  | { ok: false; message: string; final?: boolean; choices?: readonly SlotChoice[] };

export interface SlotCheckContext<D> {
  caller: Caller;
  /** Every slot value known so far (already-validated ones normalised). */
  slots: Readonly<Record<string, string | undefined>>;
  config: ChatOpsConfig;
  deps: D;
  /** Fulfilment: look-ups must bypass caches (never a stale "unused"). The dialog may use them. */
  fresh: boolean;
  /** At fulfilment, the idempotency key of the request this turn files (a replay is not a clash). */
  idempotencyKey?: string;
}

/** The reply of a capability that ran: a message, plus ids to keep on the request. */
export interface CapabilityResult {
  message: string;
  externalIds?: Record<string, string>;
}

export interface RunInput {
  caller: Caller;
  parameters: Record<string, string>;
  /** The ledger request, for tracked intents. */
  request?: ChatOpsRequest;
}

/** What the executor of an `APPROVED` request is given. */
export interface ExecuteInput {
  /** The request as the ledger holds it (`IN_PROGRESS`): its parameters froze at approval. */
  request: ChatOpsRequest;
  /** The requester with their roles, when the caller of `Executions` knows them. */
  caller?: Caller;
}

/**
 * Which function calls AWS for a capability: the code hook (look-ups, `run`), the executor, a
 * scheduled job — `sweeper` is the key sweeper, `groupExpiry` the worked example's removal of
 * expired group memberships (handlers/group-access/expiry.lambda.ts). A team's own scheduled job
 * adds its name here and to its entry's `declaredNeeds` (infra/lambda-entries.ts).
 */
export type AwsCaller = 'codeHook' | 'executor' | 'sweeper' | 'groupExpiry';

/**
 * An AWS permission a capability declares (its executor's and look-ups' calls). The CDK stack grants
 * exactly these (infra/declared-grants.ts) and the test kit fails a test whose mocked SDK calls
 * include an action no need declares (test/kit/aws.ts).
 */
export interface AwsNeed {
  /** IAM actions, `service:Action`; never a wildcard. */
  actions: readonly string[];
  /**
   * ARN patterns (`{partition}`, `{region}`, `{account}` are the stack's); `*` only where the API
   * has no resource-level permission (say so in `why`). Config-named resources: see `awsNeeds`.
   */
  resources: readonly string[];
  /** IAM condition block, when the grant needs one (e.g. `kms:ViaService`). */
  conditions?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The functions that make these calls. */
  by: readonly AwsCaller[];
  /** Why, for the reader of the synthesized policy. */
  why: string;
}

/**
 * One intent's behaviour, registered by the spec's id. Read-only intents `run` at once; write
 * intents (`sideEffect: 'write'`) must `execute` once approved — start-up refuses a write intent
 * without an executor — and describe their AWS calls in `plan` for the approver.
 *
 * @example
 * export const restartServiceCapability: Capability<RestartDeps> = {
 *   intent: restartServiceIntent.id,
 *   slotChecks: { ServiceName: async (value, { deps }) => checkService(value, deps) },
 *   plan: (parameters) => [`ECS UpdateService on ${parameters.ServiceName} with forceNewDeployment`],
 *   async execute({ request }, deps) {
 *     const deployment = await deps.ecs.restart(request.parameters.ServiceName ?? '');
 *     return { message: `Restarted ${request.parameters.ServiceName}.`, externalIds: { deployment } };
 *   },
 * };
 */
export interface Capability<D> {
  /** The intent's id, taken from its spec (`vendAccountIntent.id`), never a string literal. */
  intent: string;
  /** Per-slot validators with real look-ups; run by the dialog hook and again before fulfilment. */
  slotChecks?: Readonly<Record<string, (value: string, ctx: SlotCheckContext<D>) => Promise<SlotCheck>>>;
  /**
   * Values for slots the utterance left empty, from who is asking (e.g. "rotate my key" → the
   * caller's mapped IAM user). The dialog hook fills them before checking, so they are checked too.
   */
  dialogDefaults?: (ctx: { caller: Caller; config: ChatOpsConfig }) => Readonly<Record<string, string>>;
  /**
   * A confirmation prompt that depends on a look-up (e.g. naming a key that will be deleted), once
   * every required slot is valid; undefined keeps the catalog's prompt.
   */
  confirmationPrompt?: (
    values: Readonly<Record<string, string>>,
    ctx: SlotCheckContext<D>,
  ) => Promise<string | undefined>;
  /**
   * Values no other live request may hold while this one is open, as `<Intent>:<Slot>:<value>`
   * (e.g. the account name and email of a VendAccount request): claimed atomically with the
   * request's creation, released when it ends ({@link NewRequest.uniqueKeys}). Slot checks read
   * them with `ledger.uniqueHolder` in one consistent read.
   */
  uniqueKeys?: (parameters: Readonly<Record<string, string>>) => string[];
  /** How risky a write request is, for approvers (default `medium`). */
  risk?: (parameters: Readonly<Record<string, string>>) => 'low' | 'medium' | 'high';
  /** Runs a read-only intent immediately (write intents go through approval and execution). */
  run?: (input: RunInput, deps: D, config: ChatOpsConfig) => Promise<CapabilityResult>;
  /** Buttons to offer when Lex is about to ask for a slot that is still empty. */
  slotChoices?: Readonly<Record<string, (ctx: { deps: D; config: ChatOpsConfig }) => Promise<SlotChoice[]>>>;
  /**
   * Starts an `APPROVED` write request that completes later (an event, a poller): it owns every
   * transition from `APPROVED` itself (e.g. `QUEUED`, `IN_PROGRESS`, the outcome) and tells the
   * requester. Never throws. A write capability defines `execute` or `launch`.
   */
  launch?: (input: { request: ChatOpsRequest }, deps: D, config: ChatOpsConfig) => Promise<void>;
  /**
   * Executes an `APPROVED` write request (called by `Executions`, which owns the ledger
   * transitions). Throws a coded error on failure; never returns or throws a secret.
   */
  execute?: (input: ExecuteInput, deps: D, config: ChatOpsConfig) => Promise<CapabilityResult>;
  /**
   * The plain-language plan of the AWS calls `execute` will make, one step per line (pure), from
   * the same frozen parameters the executor will use (shown to approvers: email, page, Slack).
   */
  plan?: (parameters: Readonly<Record<string, string>>, config: ChatOpsConfig) => string[];
  /**
   * Every AWS action its look-ups, `run`, `execute` / `launch` and scheduled jobs call; a function
   * of config when config names the resources (an IAM path, a secret prefix, a KMS key).
   */
  awsNeeds?: readonly AwsNeed[] | ((config: ChatOpsConfig) => readonly AwsNeed[]);
}

/** A capability's declared AWS needs under `config` (none when it declares none). */
export function awsNeedsOf(
  capability: Pick<Capability<never>, 'awsNeeds'>,
  config: ChatOpsConfig,
): readonly AwsNeed[] {
  const needs = capability.awsNeeds;
  return typeof needs === 'function' ? needs(config) : (needs ?? []);
}
