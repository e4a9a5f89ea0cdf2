/**
 * The one request-visibility rule, used by the RequestStatus intent and by the Slack side's App
 * Home / `/chatops status` read-outs: only the requester, approvers and admins may see a request,
 * and "missing" and "not yours" read the same, so request ids cannot be probed.
 */
import type { Caller } from '../capability';
import type { ChatOpsRequest } from '../ledger/request';
import { ADMIN_ROLE, APPROVER_ROLE } from './roles';

/** Only the requester, an approver or an admin may see a request. */
export function canViewRequest(
  caller: Pick<Caller, 'slackUserId' | 'roles'>,
  request: ChatOpsRequest,
): boolean {
  return (
    request.requester.slackUserId === caller.slackUserId ||
    caller.roles.has(APPROVER_ROLE) ||
    caller.roles.has(ADMIN_ROLE)
  );
}

/** The words for both "there is no such request" and "you may not see it". */
export function notVisibleMessage(id: string): string {
  return `I cannot find a request ${id} that you are allowed to see.`;
}

export type Visibility = { visible: true; request: ChatOpsRequest } | { visible: false; message: string };

/**
 * Applies the rule to what the ledger returned for `id` (`undefined` when missing).
 * @example
 * const seen = visibleRequest(id, await ledger.get(id), caller);
 * if (!seen.visible) return { message: seen.message };
 */
export function visibleRequest(
  id: string,
  request: ChatOpsRequest | undefined,
  caller: Pick<Caller, 'slackUserId' | 'roles'>,
): Visibility {
  if (!request || !canViewRequest(caller, request)) return { visible: false, message: notVisibleMessage(id) };
  return { visible: true, request };
}
