/**
 * Puts the ChatOps request id in the SDK user agent of one command, so CloudTrail's `userAgent`
 * field ties every AWS call to its request. SDK v3's user-agent middleware (build step) appends
 * the `context.userAgent` pairs to the `user-agent` header; we set them in the initialize step
 * (@aws-sdk/middleware-user-agent: "use customUserAgent client config or middleware setting the
 * userAgent context"). Per command, so one client serves every request (created once at the entry).
 */
import type { AwsCallContext } from './access-keys.port';

/** The user-agent pair: `chatops-request/REQ-5G8H3N7Q`. */
export const USER_AGENT_NAME = 'chatops-request';

interface MiddlewareCommand {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { userAgent?: [string, string][] },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; override: boolean },
    ): void;
  };
}

/** `command` with the request id added to its user agent (returns the same command). */
export function tagged<C>(command: C, ctx: AwsCallContext): C {
  (command as unknown as MiddlewareCommand).middlewareStack.add(
    (next, context) => (args) => {
      context.userAgent = [...(context.userAgent ?? []), [USER_AGENT_NAME, ctx.requestId]];
      return next(args);
    },
    { step: 'initialize', name: 'chatopsRequestUserAgent', override: true },
  );
  return command;
}
