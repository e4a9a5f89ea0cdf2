/**
 * The Slack side of an approval as plain {@link ChatNotice} data (the Slack adapter renders and
 * escapes it): the approvers-channel message with Approve / Reject buttons and confirm dialogs,
 * its updates (who decided; "1 of 2 approvals"), and the outcome posted in the requester's thread.
 */
import type { ChatNotice } from '../notify/chat-notifier.port';
import type { ApprovalView } from './approval-desk.port';
import { progressText } from './approval-view';
import { plainDisplay, requesterLine } from './display-text';

/** Button action ids (bot/render/action-ids.ts re-exports them; value = request id). */
export const APPROVE_ACTION = 'approval_approve';
export const REJECT_ACTION = 'approval_reject';

/** Where the approvers-channel message is remembered on the request (`externalIds`). */
export const APPROVAL_MESSAGE_ID = 'approvalMessage';

function facts(view: ApprovalView): { label: string; value: string }[] {
  const { request } = view;
  return [
    { label: 'Requested by', value: requesterLine(request.requester) },
    { label: 'Intent', value: plainDisplay(request.intent, 60) },
    ...Object.entries(request.parameters).map(([k, v]) => ({
      label: plainDisplay(k, 60),
      value: plainDisplay(v, 300),
    })),
    { label: 'Risk', value: view.risk },
    { label: 'Approvals', value: progressText(view) },
    ...(view.approvals.length
      ? [{ label: 'Approved by', value: view.approvals.map((a) => a.label).join(', ') }]
      : []),
    { label: 'Expires', value: view.expiresAt },
  ];
}

const planDetail = (view: ApprovalView) =>
  `If approved, ChatOps will:\n${view.plan.map((s) => `• ${s}`).join('\n')}`;

/** The approvers-channel message while the request waits. */
export function pendingNotice(view: ApprovalView): ChatNotice {
  const id = view.request.id;
  return {
    text: `Approval needed: ${view.request.intent} ${id} (${progressText(view)})`,
    fields: facts(view),
    detail: planDetail(view),
    mentions: [view.request.requester.slackUserId],
    actions: [
      {
        actionId: APPROVE_ACTION,
        label: 'Approve',
        value: id,
        style: 'primary',
        confirm: {
          title: `Approve ${id}?`,
          text: 'ChatOps will run the plan shown once the quorum is reached.',
          confirm: 'Approve',
          deny: 'Cancel',
        },
      },
      {
        actionId: REJECT_ACTION,
        label: 'Reject',
        value: id,
        style: 'danger',
        confirm: {
          title: `Reject ${id}?`,
          text: 'One reject rejects the request.',
          confirm: 'Reject',
          deny: 'Cancel',
        },
      },
    ],
  };
}

/** The outcome in words: who approved, who rejected and why, or that it expired. */
export function outcomeText(view: ApprovalView): string {
  const { request } = view;
  switch (request.status) {
    case 'PENDING_APPROVAL':
      return `${request.id} has ${progressText(view)}; waiting for ${view.pendingApprovers.join(', ') || 'more approvers'}.`;
    case 'REJECTED':
      return `${request.id} was rejected by ${request.approver ?? 'an approver'}${request.reason ? `: ${request.reason}` : '.'}`;
    case 'EXPIRED':
      return `${request.id} expired at ${view.expiresAt} without a decision, so nothing was done.`;
    default:
      return `${request.id} was approved by ${view.approvals.map((a) => a.label).join(' and ') || (request.approver ?? 'policy')}.`;
  }
}

/** The approvers-channel message once decided (no buttons), or with updated counts while pending. */
export function decidedNotice(view: ApprovalView): ChatNotice {
  if (view.request.status === 'PENDING_APPROVAL') {
    return {
      ...pendingNotice(view),
      text: `Approval needed: ${view.request.intent} ${view.request.id} — ${outcomeText(view)}`,
    };
  }
  return {
    text: outcomeText(view),
    fields: facts(view),
    detail: planDetail(view),
    mentions: [view.request.requester.slackUserId],
  };
}

/** What the requester's thread hears. */
export function requesterNotice(view: ApprovalView): ChatNotice {
  const next = view.request.status === 'APPROVED' ? ' It is starting now; I will post the result here.' : '';
  return { text: `${outcomeText(view)}${next}`, mentions: [view.request.requester.slackUserId] };
}
