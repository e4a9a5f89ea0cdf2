/**
 * FulfillmentCodeHook: re-validates every slot (never trusting the dialog), then records the request
 * in the ledger and runs it (read-only intents) or moves it to approval (write intents) — or, when
 * config sets the policy to `never`, approves it by policy and hands it to execution.
 */
import { randomUUID } from 'node:crypto';
import type { IntentSpec } from '../intents/define-intent';
import { approvalPolicy } from './authz/roles';
import type { Caller, Capability } from './capability';
import type { CapabilityDeps, CodeHookDeps } from './deps';
import { checkSlots } from './dialog-hook';
import { errorCode } from './errors';
import type { ChatOpsRequest } from './ledger/request';
import type { LexCodeHookEvent, LexCodeHookResponse } from './lex/lex-event';
import type { VerifiedIdentity } from './lex/request-attributes';
import { close, elicitSlot } from './lex/responses';

export const SANDBOX_NOTE = '(Sandbox: simulated AWS — nothing real was touched.)';

type Reply = (message: string, state?: 'Fulfilled' | 'Failed') => LexCodeHookResponse;

/** Handles a FulfillmentCodeHook invocation for an authorized caller. */
export async function handleFulfillment(
  event: LexCodeHookEvent,
  spec: Readonly<IntentSpec>,
  capability: Capability<CapabilityDeps> | undefined,
  caller: Caller,
  identity: VerifiedIdentity,
  deps: CodeHookDeps,
  onRequest: (id: string) => void,
): Promise<LexCodeHookResponse> {
  const reply: Reply = (message, state = 'Fulfilled') => close(event, state, message);
  if (spec.confirmation && event.sessionState.intent.confirmationState === 'Denied') {
    return reply(spec.confirmation.declined);
  }
  const outcome = await checkSlots(event, spec, capability, caller, deps);
  if (!outcome.ok) {
    if (outcome.final) return reply(outcome.message, 'Failed');
    return elicitSlot(event, outcome.slot, outcome.message, outcome.slots);
  }
  const missing = spec.slots.find((s) => s.required && outcome.values[s.name] === undefined);
  if (missing) return elicitSlot(event, missing.name, missing.prompt, outcome.slots);

  if (!spec.tracked) {
    const result = await capability?.run?.({ caller, parameters: outcome.values }, deps, deps.config);
    return reply(result?.message ?? 'Done.');
  }
  const { request, created } = await deps.ledger.create({
    intent: spec.id,
    parameters: outcome.values,
    requester: identity.requester,
    origin: identity.origin,
    idempotencyKey: idempotencyKey(event, identity),
  });
  onRequest(request.id);
  if (!created) return reply(`Request ${request.id} is already recorded; it is ${request.status}.`);
  if (spec.sideEffect === 'read') return runTracked(request, capability, caller, deps, reply);
  return routeWrite(request, spec, deps, reply);
}

/** Slack's event/action id when the Slack side sent one: a replayed turn finds its request again. */
function idempotencyKey(event: LexCodeHookEvent, identity: VerifiedIdentity): string {
  const turn = identity.turnId ?? event.sessionState.originatingRequestId ?? randomUUID();
  return `${event.sessionId}:${turn}`;
}

async function runTracked(
  request: ChatOpsRequest,
  capability: Capability<CapabilityDeps> | undefined,
  caller: Caller,
  deps: CodeHookDeps,
  reply: Reply,
): Promise<LexCodeHookResponse> {
  await deps.ledger.transition(request.id, 'RECEIVED', 'IN_PROGRESS', caller.slackUserId);
  try {
    const result = await capability?.run?.(
      { caller, parameters: request.parameters, request },
      deps,
      deps.config,
    );
    await deps.ledger.transition(request.id, 'IN_PROGRESS', 'SUCCEEDED', 'system', {
      ...(result?.externalIds ? { externalIds: result.externalIds } : {}),
    });
    const note = deps.sandbox ? `\n${SANDBOX_NOTE}` : '';
    return reply(`${result?.message ?? 'Done.'}\n(Request ${request.id}.)${note}`);
  } catch (error) {
    const code = errorCode(error);
    await deps.ledger.transition(request.id, 'IN_PROGRESS', 'FAILED', 'system', { reason: code });
    throw error;
  }
}

async function routeWrite(
  request: ChatOpsRequest,
  spec: Readonly<IntentSpec>,
  deps: CodeHookDeps,
  reply: Reply,
): Promise<LexCodeHookResponse> {
  const note = deps.sandbox ? `\n${SANDBOX_NOTE}` : '';
  if (approvalPolicy(spec, deps.config) === 'never') {
    const approved = await deps.ledger.transition(request.id, 'RECEIVED', 'APPROVED', 'policy', {
      reason: 'approval policy: never',
    });
    await deps.executions.start(approved);
    return reply(
      `Request ${request.id} is approved by policy and has started. I'll post the outcome here.${note}`,
    );
  }
  const pending = await deps.ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'system');
  try {
    const { notified } = await deps.approvals.requestApproval(pending);
    const who = notified.length
      ? ` (${notified.length} approver${notified.length === 1 ? '' : 's'} notified)`
      : '';
    return reply(`Request ${request.id} is waiting for approval${who}. I'll post the outcome here.${note}`);
  } catch (error) {
    deps.logger.error('approver notification failed', { requestId: request.id, error });
    return reply(
      `Request ${request.id} is recorded and waiting for approval, but I could not notify the approvers. Please share the request id with an approver.${note}`,
    );
  }
}
