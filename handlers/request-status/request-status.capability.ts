/** RequestStatus: one request and its audit trail, for the requester, approvers and admins only. */
import { canViewRequest } from '../authz/roles';
import type { Capability, SlotCheck } from '../capability';
import { ChatOpsError } from '../errors';
import type { Ledger } from '../ledger/ledger.port';
import type { AuditEvent, ChatOpsRequest } from '../ledger/request';
import { parseRequestId } from '../ledger/request-id';

export interface RequestStatusDeps {
  ledger: Ledger;
}

async function checkRequestId(value: string): Promise<SlotCheck> {
  try {
    return { ok: true, value: parseRequestId(value) };
  } catch (error) {
    if (error instanceof ChatOpsError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Same words for "missing" and "not yours", so ids cannot be probed. */
export function notVisibleMessage(id: string): string {
  return `I can't find request ${id}, or you are not allowed to see it. Only the requester, approvers and admins can.`;
}

export function describeRequest(request: ChatOpsRequest, history: readonly AuditEvent[]): string {
  const params = Object.entries(request.parameters)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const trail = history.map(
    (e) => `  ${e.at} ${e.fromStatus ? `${e.fromStatus} → ` : ''}${e.toStatus} by ${e.actor}`,
  );
  return [
    `Request ${request.id}: ${request.intent} is ${request.status}.`,
    `Requested by <@${request.requester.slackUserId}> at ${request.createdAt}.`,
    ...(params ? [`Parameters: ${params}`] : []),
    ...(request.approver ? [`Decided by: ${request.approver}`] : []),
    ...(request.reason ? [`Reason: ${request.reason}`] : []),
    'History:',
    ...trail,
  ].join('\n');
}

export const requestStatusCapability: Capability<RequestStatusDeps> = {
  intent: 'RequestStatus',
  slotChecks: { RequestId: checkRequestId },
  async run({ caller, parameters }, deps) {
    const id = parseRequestId(parameters.RequestId ?? '');
    const request = await deps.ledger.get(id);
    if (!request || !canViewRequest(caller, request)) return { message: notVisibleMessage(id) };
    return { message: describeRequest(request, await deps.ledger.history(id)) };
  },
};
