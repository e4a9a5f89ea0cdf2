/**
 * The expiry sweep (issue 11): moves every `PENDING_APPROVAL` request whose deadline has passed to
 * `EXPIRED` — checked in code against `approval.expiresAt`, not by DynamoDB TTL — with an audited,
 * version-conditional transition, then tells the requester's thread and updates the approvers'
 * message. A request decided in the meantime simply loses the race and is left alone. Run on a
 * schedule (./expiry-sweeper.lambda.ts) and by a timer in the local stack.
 */
import type { ChatOpsConfig } from '../config/config.schema';
import type { Ledger } from '../ledger/ledger.port';
import type { ChatOpsRequest } from '../ledger/request';
import { TransitionConflictError } from '../ledger/transitions';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import { decodeMessage } from '../notify/recorded-message';
import { APPROVAL_MESSAGE_ID, decidedNotice, requesterNotice } from './approval-notices';
import { approvalView } from './approval-view';

export interface ExpirySweepDeps {
  config: ChatOpsConfig;
  ledger: Ledger;
  chat: ChatNotifier;
  logger: Logger;
  now: () => Date;
}

/** The deadline of a pending request (its approval state, else created + `approvers.ttlHours`). */
export function deadline(request: ChatOpsRequest, config: ChatOpsConfig): number {
  if (request.approval) return Date.parse(request.approval.expiresAt);
  return Date.parse(request.createdAt) + config.approvers.ttlHours * 3_600_000;
}

/** Expires every overdue pending request; returns the ids it expired. */
export async function sweepExpired(deps: ExpirySweepDeps): Promise<string[]> {
  const now = deps.now().getTime();
  const expired: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.ledger.listByStatus('PENDING_APPROVAL', {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const request of page.items) {
      if (deadline(request, deps.config) > now) continue;
      if (await expireOne(request, deps)) expired.push(request.id);
    }
    cursor = page.cursor;
  } while (cursor);
  return expired;
}

async function expireOne(request: ChatOpsRequest, deps: ExpirySweepDeps): Promise<boolean> {
  let next: ChatOpsRequest;
  try {
    next = await deps.ledger.transition(request.id, 'PENDING_APPROVAL', 'EXPIRED', 'expiry-sweeper', {
      reason: 'approval deadline passed',
      expectedVersion: request.version,
    });
  } catch (error) {
    if (error instanceof TransitionConflictError) return false;
    throw error;
  }
  const view = approvalView(next, deps.config);
  const quiet = (what: string) => (error: unknown) =>
    deps.logger.warn(`could not ${what}`, { requestId: next.id, error });
  await deps.chat.postToThread(next.origin, requesterNotice(view)).catch(quiet('tell the requester'));
  const message = decodeMessage(next.externalIds?.[APPROVAL_MESSAGE_ID]);
  if (message)
    await deps.chat.updateMessage(message, decidedNotice(view)).catch(quiet('update the approvers message'));
  return true;
}
