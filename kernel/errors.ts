/**
 * The kernel's error base: every error ChatOps raises, in any folder, extends {@link ChatOpsError}
 * and carries a stable `code` that callers (router, approval API, Slack side) map to safe messages.
 * Messages never carry secrets, tokens or keys: callers pass only identifiers and field names.
 * The kernel imports nothing of ours, so every layer (intents, handlers, bot, local) may use it.
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
