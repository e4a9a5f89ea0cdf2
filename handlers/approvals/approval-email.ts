/**
 * The approval email's text (subject and plain-text body), rendered once for every channel that
 * sends it: the SNS adapter in AWS and the local stack's sink (stdout JSON line, terminal chat).
 */
import type { ChatOpsRequest } from '../ledger/request';

/** An approval email as it is sent: one per approver. */
export interface EmailNotification {
  type: 'email';
  to: string;
  subject: string;
  body: string;
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
