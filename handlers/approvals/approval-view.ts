/**
 * The {@link ApprovalView} of a request (pure): everything a person needs to decide, shared by the
 * email, the approval page and the Slack message, so all three show the same plan and counts.
 */
import type { ChatOpsConfig } from '../config/config.schema';
import type { ChatOpsRequest } from '../ledger/request';
import type { ApprovalView } from './approval-desk.port';
import { planFor } from './approval-plan';
import { pendingApprovers } from './approvers';

/** The view of `request` (its approval state, or a fresh plan for requests without one). */
export function approvalView(request: ChatOpsRequest, config: ChatOpsConfig): ApprovalView {
  const approval = request.approval;
  const fallback = planFor(request, config);
  return {
    request,
    plan: approval?.plan ?? fallback.plan,
    risk: approval?.risk ?? fallback.risk,
    quorum: approval?.quorum ?? 1,
    approvals: (approval?.votes ?? []).map((v) => ({ approver: v.approver, label: v.label, at: v.at })),
    pendingApprovers:
      request.status === 'PENDING_APPROVAL' ? pendingApprovers(config, request).map((a) => a.label) : [],
    expiresAt: approval?.expiresAt ?? request.createdAt,
  };
}

/** "1 of 2 approvals" style progress. */
export function progressText(view: Pick<ApprovalView, 'approvals' | 'quorum'>): string {
  return `${view.approvals.length} of ${view.quorum} approval${view.quorum === 1 ? '' : 's'}`;
}
