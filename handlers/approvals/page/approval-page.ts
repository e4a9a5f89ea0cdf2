/**
 * The approval pages (DESIGN §2 Approval, issue 11): the page an emailed link opens, with two forms
 * that POST the decision (token, CSRF value, optional comment), the result page after a decision,
 * and one page per refusal status. No script at all, so the page works with JavaScript disabled and
 * the CSP can forbid every script.
 */
import type { ApprovalView, DecisionOutcome, DeskRefusal } from '../approval-desk.port';
import { displayText, escapeHtml } from './html';
import { detailsHtml, layout } from './layout';

/** Longest comment (a reject's reason) the forms and the API accept. */
export const MAX_COMMENT_LENGTH = 500;

export interface ApprovalPageInput {
  view: ApprovalView;
  /** Who the link belongs to (as config names them, e.g. an email). */
  approver: string;
  token: string;
  csrf: string;
}

function decisionForm(input: ApprovalPageInput, decision: 'approve' | 'reject'): string {
  const id = input.view.request.id;
  const label = decision === 'approve' ? 'Approve' : 'Reject';
  const commentLabel = decision === 'approve' ? 'Comment (optional)' : 'Reason (optional)';
  return [
    // A relative action: the page's own path, without its query (the token travels in the body).
    `<form method="post" action="${escapeHtml(encodeURIComponent(id))}">`,
    `<input type="hidden" name="token" value="${escapeHtml(input.token)}">`,
    `<input type="hidden" name="csrf" value="${escapeHtml(input.csrf)}">`,
    `<input type="hidden" name="decision" value="${decision}">`,
    `<label for="comment-${decision}">${commentLabel}</label>`,
    `<textarea id="comment-${decision}" name="comment" maxlength="${MAX_COMMENT_LENGTH}"></textarea>`,
    `<button type="submit" class="${decision}">${label} ${escapeHtml(id)}</button>`,
    '</form>',
  ].join('\n');
}

/** The page an approver's link opens: details, plan, and the Approve / Reject forms. */
export function renderApprovalPage(input: ApprovalPageInput): string {
  const id = input.view.request.id;
  return layout(
    `Approve ${id}?`,
    [
      `<h1>Approval needed: ${escapeHtml(input.view.request.intent)} <code>${escapeHtml(id)}</code></h1>`,
      `<p class="status">You are deciding as <strong>${escapeHtml(displayText(input.approver))}</strong>. Opening this page changed nothing; only the buttons below decide.</p>`,
      detailsHtml(input.view),
      '<h2>Your decision</h2>',
      decisionForm(input, 'approve'),
      decisionForm(input, 'reject'),
      '<p class="note">A single reject rejects the request. The link works once and expires at the time shown above.</p>',
    ].join('\n'),
  );
}

const OUTCOME_TITLES: Record<DecisionOutcome, string> = {
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  APPROVAL_RECORDED: 'Your approval is recorded',
};

/** The page after a decision the desk accepted (200). */
export function renderDecidedPage(outcome: DecisionOutcome, view: ApprovalView, message: string): string {
  const id = view.request.id;
  const progress =
    outcome === 'APPROVAL_RECORDED'
      ? `<p>${view.approvals.length} of ${view.quorum} approvals so far; the request runs when the quorum is reached.</p>`
      : '';
  return layout(
    `${OUTCOME_TITLES[outcome]}: ${id}`,
    [
      `<h1>${OUTCOME_TITLES[outcome]}: <code>${escapeHtml(id)}</code></h1>`,
      `<p class="status">${escapeHtml(message)}</p>`,
      progress,
      detailsHtml(view),
    ].join('\n'),
  );
}

const REFUSAL_TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'This link cannot decide this request',
  404: 'No such request',
  405: 'Method not allowed',
  409: 'Already decided',
  410: 'This request has expired',
  500: 'Something went wrong',
};

/** A page for a refusal or an error: what happened, and that nothing was changed. */
export function renderRefusalPage(status: number, message: string, view?: ApprovalView): string {
  const title = REFUSAL_TITLES[status] ?? 'Refused';
  return layout(
    title,
    [
      `<h1>${escapeHtml(title)}</h1>`,
      `<p class="status">${escapeHtml(message)}</p>`,
      '<p>Nothing was changed.</p>',
      view ? detailsHtml(view) : '',
    ].join('\n'),
  );
}

/** The desk's refusal as a page. */
export function renderDeskRefusal(refusal: DeskRefusal): string {
  return renderRefusalPage(refusal.status, refusal.message, refusal.view);
}
