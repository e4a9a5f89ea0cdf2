/**
 * Where an approval stands, in one line each for `status REQ-…` and App Home (pure): approvals so
 * far of the quorum, who may still approve, and the deadline (or when it was decided).
 */
import type { ChatOpsConfig } from '../config/config.schema';
import type { ChatOpsRequest } from '../ledger/request';
import { pendingApprovers } from './approvers';

/** Lines describing the approval of `request` (none when it never needed one). */
export function approvalLines(request: ChatOpsRequest, config?: ChatOpsConfig): string[] {
  const approval = request.approval;
  if (!approval || approval.quorum === 0) return [];
  const votes = approval.votes.map((v) => v.label).join(', ');
  const lines = [`Approvals: ${approval.votes.length} of ${approval.quorum}${votes ? ` (${votes})` : ''}`];
  if (request.status === 'PENDING_APPROVAL') {
    if (config) {
      const pending = pendingApprovers(config, request).map((a) => a.label);
      lines.push(`Pending approvers: ${pending.join(', ') || 'none left'}`);
    }
    lines.push(`Expires: ${approval.expiresAt}`);
  }
  return lines;
}
