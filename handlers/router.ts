/**
 * The Lex V2 code-hook router: Lex event in, valid Lex response out. It parses the event, resolves
 * the verified caller, authorizes, and dispatches to the dialog or fulfilment handler. It never
 * throws back to Lex: every failure becomes a `Close` (intent state `Failed`) with a safe message
 * that names the request id (or a reference id when no request was recorded yet).
 */
import { randomUUID } from 'node:crypto';
import { canRun, requiredRoles, toCaller } from './authz/roles';
import { buildCapabilityMap, type CapabilityMap } from './capabilities';
import type { Capability } from './capability';
import type { CapabilityDeps, CodeHookDeps } from './deps';
import { handleDialog } from './dialog-hook';
import { errorCode } from './errors';
import { capabilitiesFor } from './extensions';
import { handleFulfillment } from './fulfillment-hook';
import { refusalFor } from './identity/membership';
import {
  type LexCodeHook,
  type LexCodeHookEvent,
  type LexCodeHookResponse,
  lexCodeHookEventSchema,
} from './lex/lex-event';
import { REQUEST_ATTRIBUTE_KEYS, verifyRequestAttributes } from './lex/request-attributes';
import { close } from './lex/responses';
import { withKeys } from './logger';

/** A Close/Failed response for an event too malformed to echo back. */
function malformed(reference: string): LexCodeHookResponse {
  return {
    sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'FallbackIntent', state: 'Failed' } },
    messages: [
      { contentType: 'PlainText', content: `Sorry, I could not read that request (reference ${reference}).` },
    ],
  };
}

/**
 * Builds the code hook over injected dependencies. The capability map is checked against the
 * catalog here, once, so a wiring mistake fails at start-up rather than on someone's request.
 *
 * @throws CapabilityWiringError (`CAPABILITY_WIRING_INVALID`) when a capability names an intent the
 * catalog lacks, or a write intent has no executor.
 * @example
 * // Lambda entry: clients and config once per container, the hook per event.
 * const hook = createCodeHook({ ...coreDeps, ...accountVendingDeps({ organization }), ... });
 * export const handler = (event: unknown) => hook(event);
 * // Tests and the local stack: the sandbox world from local/sandbox-deps.ts.
 * const localHook = createCodeHook(createSandboxCodeHookDeps({ ledger }));
 */
export function createCodeHook(
  deps: CodeHookDeps,
  capabilities: readonly Capability<CapabilityDeps>[] = deps.capabilities ?? capabilitiesFor(deps.config),
): LexCodeHook {
  const map = buildCapabilityMap(deps.catalog, capabilities);
  return async (raw: unknown) => {
    const reference = `ERR-${randomUUID().slice(0, 8)}`;
    const parsed = lexCodeHookEventSchema.safeParse(raw);
    if (!parsed.success) {
      deps.logger.warn('malformed Lex event', {
        reference,
        issues: parsed.error.issues.map((i) => i.path.join('.')),
      });
      return malformed(reference);
    }
    const event = parsed.data;
    // One logger per invocation carries the Slack turn's id (and the request id once known), so a
    // turn is followed from ingress to worker to here; the local runtime runs hooks side by side.
    const turnId = event.requestAttributes?.[REQUEST_ATTRIBUTE_KEYS.turnId];
    const logger = withKeys(deps.logger, turnId ? { turnId } : {});
    let requestId: string | undefined;
    try {
      return await route(event, { ...deps, logger }, map, (id) => {
        requestId = id;
        logger.appendKeys?.({ requestId: id });
      });
    } catch (error) {
      const code = errorCode(error);
      logger.error('code hook failed', { reference, requestId, code, error });
      const subject = requestId ? `request ${requestId}` : `your request (reference ${reference})`;
      const recorded = requestId
        ? ` It is recorded; ask me for the status of ${requestId}.`
        : ' Nothing was changed.';
      return close(event, 'Failed', `Sorry, something went wrong with ${subject} (${code}).${recorded}`);
    }
  };
}

async function route(
  event: LexCodeHookEvent,
  deps: CodeHookDeps,
  capabilities: CapabilityMap,
  onRequest: (id: string) => void,
): Promise<LexCodeHookResponse> {
  const intentName = event.sessionState.intent.name;
  const spec = deps.catalog.get(intentName);
  if (!spec) {
    deps.logger.warn('unknown intent', { intentName });
    return close(
      event,
      'Failed',
      `Sorry, I don't know how to handle "${intentName.slice(0, 100)}". Say "help" for what I can do.`,
    );
  }
  const verified = verifyRequestAttributes(event.requestAttributes, await deps.identityKeys());
  const identity = verified.identity;
  if (!identity) {
    deps.logger.warn('Refused a Lex event whose identity is not signed, fresh and valid', {
      reason: verified.reason,
      intentName,
    });
    return close(
      event,
      'Failed',
      "Sorry, I couldn't verify who you are, so I can't do that. Please use ChatOps from Slack.",
    );
  }
  // One organisation, real members (issue 9): checked on the signed facts before any role.
  const refusal = refusalFor(
    identity.requester.teamId,
    identity.org,
    spec.sideEffect === 'write' ? 'write' : 'read',
    deps.config.slack,
  );
  if (refusal) {
    deps.logger.warn('Refused a requester outside the organisation or not a full member', {
      intentName,
      slackUserId: identity.requester.slackUserId,
      teamId: identity.requester.teamId,
    });
    return close(event, 'Failed', refusal);
  }
  const caller = toCaller(identity, deps.config);
  if (!canRun(spec, caller, deps.config)) {
    const roles = requiredRoles(spec, deps.config).join(' or ');
    return close(event, 'Failed', `Sorry, ${spec.id} needs the ${roles} role, and you don't have it.`);
  }
  const capability = capabilities.get(spec.id);
  if (event.invocationSource === 'DialogCodeHook') return handleDialog(event, spec, capability, caller, deps);
  return handleFulfillment(event, spec, capability, caller, identity, deps, onRequest);
}
