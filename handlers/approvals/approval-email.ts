/**
 * The approval email's text (subject and plain-text body), rendered once for every channel that
 * sends it: the SNS adapter in AWS and the local stack's sink (stdout JSON line, terminal chat).
 *
 * Rules: the subject is one line under 100 characters (SNS email subjects must be under 100
 * printable ASCII characters without line breaks:
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html); the body leads with the verified
 * requester (Slack user id, verified email), the display name marked as such, and every display
 * string is stripped of control characters and Slack markup (./display-text.ts).
 */
import type { ApprovalView } from './approval-desk.port';
import { progressText } from './approval-view';
import { plainDisplay, requesterLine } from './display-text';

/** An approval email as it is sent: one per approver. */
export interface EmailNotification {
  type: 'email';
  to: string;
  subject: string;
  body: string;
}

/** At most 99 printable ASCII characters, one line (pure). */
export function emailSubject(text: string): string {
  return text
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 99);
}

/** The approval email for `approver` with their personal `link` (pure). */
export function approvalEmail(view: ApprovalView, approver: string, link: string): EmailNotification {
  const { request } = view;
  const parameters = Object.entries(request.parameters).map(
    ([k, v]) => `  ${plainDisplay(k, 60)}: ${plainDisplay(v, 300)}`,
  );
  const body = [
    `Approval needed for ${request.id}: ${plainDisplay(request.intent, 60)}.`,
    '',
    `Requested by: ${requesterLine(request.requester)}`,
    `Requested at: ${request.createdAt}`,
    `Intent: ${plainDisplay(request.intent, 60)}`,
    'Parameters:',
    ...(parameters.length ? parameters : ['  (none)']),
    '',
    'If approved, ChatOps will:',
    ...view.plan.map((step) => `  - ${plainDisplay(step, 500)}`),
    '',
    `Risk: ${view.risk}`,
    `Approvals needed: ${progressText(view)} (distinct approvers; one reject rejects)`,
    `Expires: ${view.expiresAt}`,
    '',
    'Review and decide here (this link is personal to you; do not forward it):',
    link,
    '',
    'Opening the link changes nothing: you decide on the page.',
  ].join('\n');
  const subject = emailSubject(`Approval needed: ${request.intent} ${request.id}`);
  return { type: 'email', to: approver, subject, body };
}
