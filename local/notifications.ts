/**
 * Outgoing notifications of the local stack. Offline there is no SNS, so approval requests become
 * one email-shaped notification per approver (`{"type":"email","to","subject","body"}`), handed to a
 * sink: the headless mode prints each as one JSON line on stdout (DESIGN §5), the terminal chat shows
 * them inline. The link points at the local approval server's page; signed links with tokens come
 * with the approvals issue, which replaces this adapter with the SNS one.
 */

import { approvalEmail, type EmailNotification } from '../handlers/approvals/approval-email';
import type { ApprovalRequests } from '../handlers/approvals/approval-requests.port';
import type { ChatOpsRequest } from '../handlers/ledger/request';

export type { EmailNotification };

export type NotificationSink = (notification: EmailNotification) => void;

export interface LocalApprovalRequestsOptions {
  /** config.approvers.emails */
  approverEmails: readonly string[];
  /** The approval server's base, e.g. `http://127.0.0.1:P/approvals`. */
  approvalsUrl: string;
  sink: NotificationSink;
}

/** `ApprovalRequests` for the local stack: one email notification per approver. */
export class LocalApprovalRequests implements ApprovalRequests {
  constructor(private readonly options: LocalApprovalRequestsOptions) {}

  async requestApproval(request: ChatOpsRequest): Promise<{ notified: string[] }> {
    const notified: string[] = [];
    for (const approver of this.options.approverEmails) {
      this.options.sink(approvalEmail(request, approver, this.options.approvalsUrl));
      notified.push(approver);
    }
    return { notified };
  }
}
