/**
 * FulfillmentCodeHook: re-validates every slot (never trusting the dialog), then runs a read-only
 * intent and records it once in its final state, or records a write request directly in the state
 * it starts in (`PENDING_APPROVAL`, or `APPROVED` by policy `never`) and notifies the approvers or
 * hands it to execution. A replayed turn resumes its request (notifies again / starts it again).
 */
import { randomUUID } from 'node:crypto';
import type { IntentSpec } from '../intents/define-intent';
import { openApproval } from './approvals/approval-plan';
import { approvalRequirement } from './approvals/approval-policy';
import type { Caller, Capability } from './capability';
import type { CapabilityDeps, CodeHookDeps } from './deps';
import { checkSlots } from './dialog-hook';
import { errorCode } from './errors';
import type { ChatOpsRequest, InitialStep, NewRequest } from './ledger/request';
import { UniqueKeyTakenError } from './ledger/transitions';
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
  const key = idempotencyKey(event, identity);
  const outcome = await checkSlots(event, spec, capability, caller, deps, undefined, key);
  if (!outcome.ok) {
    if (outcome.final) return reply(outcome.message, 'Failed');
    return elicitSlot(event, outcome.slot, outcome.message, outcome.slots, undefined, outcome.choices);
  }
  const missing = spec.slots.find((s) => s.required && outcome.values[s.name] === undefined);
  if (missing) return elicitSlot(event, missing.name, missing.prompt, outcome.slots);

  if (!spec.tracked) {
    const result = await capability?.run?.({ caller, parameters: outcome.values }, deps, deps.config);
    return reply(result?.message ?? 'Done.');
  }
  const uniqueKeys = capability?.uniqueKeys?.(outcome.values) ?? [];
  const input = {
    intent: spec.id,
    parameters: outcome.values,
    requester: identity.requester,
    origin: identity.origin,
    idempotencyKey: key,
    ...(uniqueKeys.length ? { uniqueKeys } : {}),
  };
  if (spec.sideEffect === 'read') return runReadOnly(input, capability, caller, deps, onRequest, reply);
  let filed: Awaited<ReturnType<typeof deps.ledger.create>>;
  try {
    filed = await deps.ledger.create(
      input,
      initialSteps(spec, deps.config, input, deps.now?.(), deps.capabilities),
    );
  } catch (error) {
    // Another request claimed the same value between the slot checks and this create.
    if (error instanceof UniqueKeyTakenError) return reply(takenMessage(error), 'Failed');
    throw error;
  }
  const { request, created } = filed;
  onRequest(request.id);
  if (!created && request.status === 'RECEIVED') {
    // Filed before create-in-state (or by an older writer): move it on now.
    return reply(await followUp(await resumeWrite(request, spec, deps), deps));
  }
  if (!created && !RESUMABLE.includes(request.status)) {
    return reply(`Request ${request.id} is already recorded; it is ${request.status}.`);
  }
  // New, or a replayed turn whose first run may have stopped before its follow-up: (re)do it.
  return reply(await followUp(request, deps));
}

/** What the requester reads when another open request holds one of this request's unique values. */
function takenMessage(error: UniqueKeyTakenError): string {
  const [, slot = 'value', ...rest] = error.key.split(':');
  const holder = error.holderId ? ` (${error.holderId})` : '';
  return `Another open request${holder} already uses ${slot} ${rest.join(':')}, so this one was not filed. Please ask again with another ${slot}.`;
}

/** Statuses a replayed turn picks up again: approvers notified again, or the execution started. */
const RESUMABLE: readonly string[] = ['PENDING_APPROVAL', 'APPROVED'];

/**
 * The state a write request is created in (one write, so a crash cannot leave it `RECEIVED`):
 * `APPROVED` when the intent's policy does not require approval for these parameters, else
 * `PENDING_APPROVAL` — both with the frozen approval state (parameter digest, quorum, deadline,
 * plan; quorum 0 for policy approvals, so the executor's digest re-check covers them too).
 */
export function initialSteps(
  spec: Readonly<IntentSpec>,
  config: CodeHookDeps['config'],
  subject: Pick<ChatOpsRequest, 'intent' | 'parameters' | 'requester'>,
  now: Date = new Date(),
  capabilities?: CodeHookDeps['capabilities'],
): InitialStep[] {
  const iamUser = config.users.find((u) => u.slackUserId === subject.requester.slackUserId)?.iamUser;
  const requirement = approvalRequirement(spec, config, iamUser ? { iamUser } : {}, subject.parameters);
  if (!requirement.required) {
    const approval = openApproval(subject, 0, config, now, capabilities);
    return [
      {
        to: 'APPROVED',
        actor: 'policy',
        details: { reason: `approval policy: ${requirement.policy}`, approval },
      },
    ];
  }
  const approval = openApproval(subject, requirement.quorum, config, now, capabilities);
  return [{ to: 'PENDING_APPROVAL', actor: 'system', details: { approval } }];
}

/**
 * Moves a write request still in `RECEIVED` to the state {@link initialSteps} gives it (the
 * replay of an old turn and the RECEIVED sweep use this). The caller then runs {@link followUp}.
 */
export async function resumeWrite(
  request: ChatOpsRequest,
  spec: Readonly<IntentSpec>,
  deps: CodeHookDeps,
): Promise<ChatOpsRequest> {
  let current = request;
  for (const step of initialSteps(spec, deps.config, request, deps.now?.(), deps.capabilities)) {
    current = await deps.ledger.advance(current, step.to, step.actor, step.details);
  }
  return current;
}

/** Slack's event/action id when the Slack side sent one: a replayed turn finds its request again. */
function idempotencyKey(event: LexCodeHookEvent, identity: VerifiedIdentity): string {
  const turn = identity.turnId ?? event.sessionState.originatingRequestId ?? randomUUID();
  return `${event.sessionId}:${turn}`;
}

/**
 * A read-only request runs first and is then recorded once, in its final state with its whole
 * audit trail (CREATED, IN_PROGRESS, SUCCEEDED | FAILED): one write transaction per turn. A replay
 * runs it again (it changes nothing) and answers with the request first recorded.
 */
async function runReadOnly(
  input: NewRequest,
  capability: Capability<CapabilityDeps> | undefined,
  caller: Caller,
  deps: CodeHookDeps,
  onRequest: (id: string) => void,
  reply: Reply,
): Promise<LexCodeHookResponse> {
  const started: InitialStep = { to: 'IN_PROGRESS', actor: caller.slackUserId };
  let result: Awaited<ReturnType<NonNullable<Capability<CapabilityDeps>['run']>>> | undefined;
  try {
    result = await capability?.run?.({ caller, parameters: input.parameters }, deps, deps.config);
  } catch (error) {
    const code = errorCode(error);
    const failed: InitialStep = { to: 'FAILED', actor: 'system', details: { reason: code } };
    const { request } = await deps.ledger.create(input, [started, failed]);
    onRequest(request.id);
    throw error;
  }
  const details = result?.externalIds ? { externalIds: result.externalIds } : {};
  const done: InitialStep = { to: 'SUCCEEDED', actor: 'system', details };
  const { request } = await deps.ledger.create(input, [started, done]);
  onRequest(request.id);
  const note = deps.sandbox ? `\n${SANDBOX_NOTE}` : '';
  return reply(`${result?.message ?? 'Done.'}\n(Request ${request.id}.)${note}`);
}

/**
 * What follows a write request's creation, by its state: `APPROVED` → hand it to execution;
 * `PENDING_APPROVAL` → notify the approvers. Returns the reply's text. Safe to run again (a replay).
 */
export async function followUp(request: ChatOpsRequest, deps: CodeHookDeps): Promise<string> {
  const note = deps.sandbox ? `\n${SANDBOX_NOTE}` : '';
  if (request.status === 'APPROVED') {
    // A failed hand-off fails the turn (the router's safe Close names the request, which stays
    // APPROVED); a replay of the same turn runs this follow-up again and hands it off again.
    await deps.executions.start(request);
    return `Request ${request.id} is approved by policy and handed to execution. I'll post the outcome here.${note}`;
  }
  try {
    const { notified } = await deps.approvals.requestApproval(request);
    const who = notified.length
      ? ` (${notified.length} approver${notified.length === 1 ? '' : 's'} notified)`
      : '';
    return `Request ${request.id} is waiting for approval${who}. I'll post the outcome here.${note}`;
  } catch (error) {
    deps.logger.error('approver notification failed', { requestId: request.id, error });
    return `Request ${request.id} is recorded and waiting for approval, but I could not notify the approvers. Please share the request id with an approver.${note}`;
  }
}
