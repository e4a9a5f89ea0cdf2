/**
 * Port through which the router hands a request that needs approval to the approval machinery
 * (SNS email links and Slack buttons come with the approvals issue). Returns who was notified.
 */
import type { ChatOpsRequest } from '../ledger/request';

/** Who was reached: `notified` counts only approvers whose email the channel (SNS) accepted. */
export interface ApprovalNotification {
  notified: string[];
  /** Approvers whose email could not be sent (after the SDK's retries). */
  failed?: string[];
  /** Whether the approvers-channel message with buttons was posted. */
  postedToChannel?: boolean;
}

export interface ApprovalRequests {
  /** Notifies the approvers of a request now in `PENDING_APPROVAL`. */
  requestApproval(request: ChatOpsRequest): Promise<ApprovalNotification>;
}

/** Recording twin: keeps every request it was handed (unit tests, and the stack until approvals land). */
export class RecordingApprovalRequests implements ApprovalRequests {
  readonly requested: ChatOpsRequest[] = [];

  constructor(private readonly approverEmails: readonly string[] = []) {}

  async requestApproval(request: ChatOpsRequest): Promise<{ notified: string[] }> {
    this.requested.push(structuredClone(request));
    return { notified: [...this.approverEmails] };
  }
}

/**
 * The `ApprovalRequests` of a deployment without an approval topic configured: notifies nobody and
 * says so (`notified: []`), so the requester is told to share the request id instead of being told
 * approvers were notified.
 */
export const approvalsUnconfigured: ApprovalRequests = {
  async requestApproval() {
    return { notified: [], postedToChannel: false };
  },
};
