/**
 * The core's typed, coded errors (the base class lives in the kernel: ../kernel/errors.ts).
 */
import { ChatOpsError, type ErrorCode, errorCode } from '../kernel/errors';

export { ChatOpsError, type ErrorCode, errorCode };

/** A configuration value is wrong; `path` names the key (e.g. `roles.admin.users[0]`). */
export class ConfigError extends ChatOpsError {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(
      'CONFIG_INVALID',
      `Invalid configuration:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
      { issues },
    );
  }
}

/** The caller is not allowed to do this. */
export class ForbiddenError extends ChatOpsError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
  }
}

/** Input failed validation; `field` names the offending field. */
export class ValidationError extends ChatOpsError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('VALIDATION_FAILED', message, { field });
  }
}

/** A thing that was asked for does not exist. */
export class NotFoundError extends ChatOpsError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found.`, { what, id });
  }
}
