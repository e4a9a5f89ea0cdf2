/** RequestStatus: one request and its audit trail, for the requester, approvers and admins only. */

import { requestStatusIntent } from '../../intents/request-status.intent';
import { approvalLines } from '../approvals/approval-summary';
import { visibleRequest } from '../authz/request-visibility';
import type { Capability, SlotCheck } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { ChatOpsError } from '../errors';
import type { AuditEvent, ChatOpsRequest } from '../ledger/request';
import { parseRequestId } from '../ledger/request-id';
import { queuePositions } from './queue-positions';
import type { RequestStatusDeps } from './request-status.deps';

async function checkRequestId(value: string): Promise<SlotCheck> {
  try {
    return { ok: true, value: parseRequestId(value) };
  } catch (error) {
    if (error instanceof ChatOpsError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The request, its ids (record id, account id…), queue position when queued, and its trail. */
export function describeRequest(
  request: ChatOpsRequest,
  history: readonly AuditEvent[],
  config?: ChatOpsConfig,
  queuePosition?: number,
): string {
  const params = Object.entries(request.parameters)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const trail = history.map(
    (e) =>
      `  ${e.at} ${e.action === 'APPROVAL_VOTE' ? 'approval counted' : `${e.fromStatus ? `${e.fromStatus} → ` : ''}${e.toStatus}`} by ${e.actor}`,
  );
  return [
    `Request ${request.id}: ${request.intent} is ${request.status}.`,
    `Requested by <@${request.requester.slackUserId}> at ${request.createdAt}.`,
    ...(params ? [`Parameters: ${params}`] : []),
    ...approvalLines(request, config),
    ...(request.approver ? [`Decided by: ${request.approver}`] : []),
    ...(request.reason ? [`Reason: ${request.reason}`] : []),
    ...(queuePosition !== undefined ? [`Queue position: ${queuePosition}`] : []),
    ...Object.entries(request.externalIds ?? {}).map(([k, v]) => `${k}: ${v}`),
    'History:',
    ...trail,
  ].join('\n');
}

export const requestStatusCapability: Capability<RequestStatusDeps> = {
  intent: requestStatusIntent.id,
  slotChecks: { RequestId: checkRequestId },
  async run({ caller, parameters }, deps, config) {
    const id = parseRequestId(parameters.RequestId ?? '');
    const seen = visibleRequest(id, await deps.ledger.get(id), caller);
    if (!seen.visible) return { message: seen.message };
    const position =
      seen.request.status === 'QUEUED' ? (await queuePositions(deps.ledger)).get(id) : undefined;
    return { message: describeRequest(seen.request, await deps.ledger.history(id), config, position) };
  },
};
