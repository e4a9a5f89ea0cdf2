/** Errors of the local stack's own tooling (command line, emulator plumbing). */
import { ChatOpsError } from '../kernel/errors';

/** The command line or a tool was used wrongly; the message says how to use it. */
export class LocalUsageError extends ChatOpsError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('LOCAL_USAGE', message, details);
  }
}

/** A request to a loopback emulator was larger than it accepts. */
export class RequestTooLargeError extends ChatOpsError {
  constructor(limitBytes: number) {
    super('REQUEST_TOO_LARGE', `The request body is larger than ${limitBytes} bytes.`, { limitBytes });
  }
}
