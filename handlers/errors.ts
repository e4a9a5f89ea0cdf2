/**
 * Typed, coded errors. Every error the core raises extends {@link ChatOpsError} and carries a stable
 * `code` that callers (router, approval API, Slack side) map to safe messages. Messages never carry
 * secrets, tokens or keys: callers must pass only identifiers and field names.
 */
export class ChatOpsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

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
