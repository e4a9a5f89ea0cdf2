/**
 * Outgoing notifications of the local stack. Offline there is no SNS, so approval requests become
 * one email-shaped notification per approver (`{"type":"email","to","subject","body"}`), handed to a
 * sink: the headless mode prints each as one JSON line on stdout (DESIGN §5), the terminal chat shows
 * them inline. The link points at the local approval server's page; signed links with tokens come
 * with the approvals issue, which replaces this adapter with the SNS one.
 */
import type { ApprovalRequests } from '../handlers/approvals/approval-requests.port';
import type { ChatOpsRequest } from '../handlers/ledger/request';

/** An email the stack would send. */
export interface EmailNotification {
  type: 'email';
  to: string;
  subject: string;
  body: string;
}

export type NotificationSink = (notification: EmailNotification) => void;

export interface LocalApprovalRequestsOptions {
  /** config.approvers.emails */
  approverEmails: readonly string[];
  /** The approval server's base, e.g. `http://127.0.0.1:P/approvals`. */
  approvalsUrl: string;
  sink: NotificationSink;
}

/** The body of the approval email for `approver` (pure). */
export function approvalEmail(
  request: ChatOpsRequest,
  approver: string,
  approvalsUrl: string,
): EmailNotification {
  const requester = request.requester.name
    ? `${request.requester.name} (${request.requester.slackUserId})`
    : request.requester.slackUserId;
  const parameters = Object.entries(request.parameters).map(([k, v]) => `  ${k}: ${v}`);
  const body = [
    `${requester} asks for ${request.intent} (${request.id}).`,
    '',
    'Parameters:',
    ...(parameters.length ? parameters : ['  (none)']),
    '',
    `Review it here: ${approvalsUrl}/${request.id}`,
    '',
    'Opening the link changes nothing; you decide on the page.',
  ].join('\n');
  return { type: 'email', to: approver, subject: `Approval needed: ${request.intent} ${request.id}`, body };
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
