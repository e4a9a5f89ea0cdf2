/**
 * The kernel's error base: every error ChatOps raises, in any folder, extends {@link ChatOpsError}
 * and carries a stable `code` that callers (router, approval API, Slack side) map to safe messages.
 * Messages and details never carry secrets, tokens or keys: callers pass only identifiers and field
 * names. The kernel imports nothing of ours, so every layer (intents, handlers, bot, local) may use it.
 */

/**
 * Every error code ChatOps raises, in one place: adding a code is one line here.
 * `INTERNAL` is what {@link errorCode} answers for anything that is not a ChatOps error.
 */
export const ERROR_CODES = [
  'INTERNAL',
  // kernel and catalog
  'DUPLICATE_INTENT',
  'INVALID_INTENT_SPEC',
  // core (handlers/)
  'CONFIG_INVALID',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'LEDGER_UNAVAILABLE',
  'ILLEGAL_TRANSITION',
  'TRANSITION_CONFLICT',
  'REQUEST_NOT_FOUND',
  // approvals (handlers/approvals/)
  'APPROVAL_KEY_INVALID',
  'EMAIL_NOT_SENT',
  // Slack side (bot/)
  'LEX_UNAVAILABLE',
  'INVALID_TURN',
  'SLACK_RESPONSE_URL_FAILED',
  // local stack (local/) and its Lex runtime errors (`LEX_` + the AWS exception name)
  'LOCAL_USAGE',
  'REQUEST_TOO_LARGE',
  'DYNAMODB_LOCAL_START_FAILED',
  'CODE_HOOK_FAILED',
  'LOCAL_LEX_CONFIG',
  'LEX_VALIDATION',
  'LEX_RESOURCENOTFOUND',
  'LEX_CONFLICT',
  'LEX_DEPENDENCYFAILED',
  'LEX_INTERNALSERVER',
  'SLACK_EMULATOR_TIMEOUT',
  'SLACK_EMULATOR_STOPPED',
  'SOCKET_MODE_EMULATOR',
  // bench
  'BENCH_CHILD_START_FAILED',
  // capabilities and execution
  'CAPABILITY_WIRING_INVALID',
  'SLACK_NOT_BOUND',
  'PROVISIONING_REFUSED',
  // approvals
  // signed identity (issue 9)
  'IDENTITY_KEY_INVALID',
  // key rotation (handlers/key-rotation/)
  'ACCESS_KEY_LIMIT',
  'ACCESS_KEY_STORE_FAILED',
  'ACCESS_KEY_ROTATION_FAILED',
  'KEY_SCHEDULE_CONFLICT',
  // ledger: unique values held by live requests
  'UNIQUE_KEY_TAKEN',
  // pipeline status and actions (issue 14)
  'PIPELINE_NOT_FOUND',
  'PIPELINE_NOT_LATEST_EXECUTION',
  'PIPELINE_STAGE_NOT_RETRYABLE',
  'PIPELINE_APPROVAL_COMPLETED',
  'PIPELINE_APPROVAL_TOKEN_INVALID',
  'PIPELINE_NOTHING_TO_DO',
  'PIPELINE_EVENT_INVALID',
  // account vending
  'ACCOUNT_FACTORY_FAILED',
  'SSO_PROFILE_INCOMPLETE',
  'LIFECYCLE_EVENT_EARLY',
  // the worked example's group access (handlers/group-access/)
  'GROUP_ACCESS_FAILED',
] as const;

/** A stable error code (see {@link ERROR_CODES}). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base of every ChatOps error: a stable `code`, safe `details`, and an optional `cause`. */
export class ChatOpsError extends Error {
  /**
   * @param code stable code callers map to safe messages
   * @param message human-readable, never a secret
   * @param details identifiers and field names only
   * @param options standard `ErrorOptions`: `cause` keeps the underlying error for logs
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

const CODE_SHAPE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The stable code of any thrown value: a {@link ChatOpsError}'s code; else a code-shaped
 * (`UPPER_SNAKE`) string `code` of another error (an SDK's `THROTTLED`, Node's `ECONNRESET`);
 * else `INTERNAL`. Anything that does not look like a code is never passed on, so a message or a
 * value cannot leak through it.
 *
 * @example
 * } catch (error) {
 *   logger.error('code hook failed', { code: errorCode(error), error });
 * }
 */
export function errorCode(error: unknown): ErrorCode | (string & {}) {
  if (error instanceof ChatOpsError) return error.code;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && CODE_SHAPE.test(code) ? code : 'INTERNAL';
}
