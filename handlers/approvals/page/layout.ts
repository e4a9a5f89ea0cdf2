/**
 * The approval pages' shared shell and the request details every page shows (requester first as
 * Slack verified it, then intent, parameters, plan, risk, approvals so far, pending approvers,
 * expiry). Pure functions from data to HTML; every value passes through escapeHtml.
 */
import type { ApprovalView } from '../approval-desk.port';
import { displayText, escapeHtml, verbatimText } from './html';
import { PAGE_CSS } from './styles';

/** A complete HTML document: viewport meta for phones, the one hashed stylesheet, no script. */
export function layout(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head><body><main>',
    body,
    '</main></body></html>',
  ].join('\n');
}

/** `2026-12-02 23:10 UTC` (pages are read by people in many time zones: UTC, said so). */
export function humanTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const dlRow = (term: string, value: string): string => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;

/** Who asked: the verified Slack user id and email first, the self-chosen display name marked. */
export function requesterHtml(view: ApprovalView): string {
  const { requester } = view.request;
  const rows = [
    dlRow(
      'Slack user (verified)',
      `<code>${escapeHtml(requester.slackUserId)}</code> in team <code>${escapeHtml(requester.teamId)}</code>`,
    ),
    dlRow(
      'Email (from Slack)',
      requester.email ? escapeHtml(verbatimText(requester.email)) : '<em>not known</em>',
    ),
  ];
  const name = requester.name ? displayText(requester.name) : '';
  if (name)
    rows.push(
      dlRow('Display name', `${escapeHtml(name)} <span class="note">(chosen by the requester)</span>`),
    );
  return `<h2>Requested by</h2><dl>${rows.join('')}</dl>`;
}

/** Intent, every parameter, the plan, risk, approvals so far, pending approvers, expiry. */
export function detailsHtml(view: ApprovalView): string {
  const { request } = view;
  const parameters = Object.entries(request.parameters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => dlRow(k, `<span class="value">${escapeHtml(verbatimText(v))}</span>`));
  const plan = view.plan.map((step) => `<li>${escapeHtml(verbatimText(step))}</li>`);
  const approvals = view.approvals.map(
    (vote) =>
      `<li>${escapeHtml(displayText(vote.label) || vote.approver)} at ${escapeHtml(humanTime(vote.at))}</li>`,
  );
  const pending = view.pendingApprovers.map((label) => `<li>${escapeHtml(displayText(label))}</li>`);
  return [
    requesterHtml(view),
    '<h2>Request</h2><dl>',
    dlRow('Request', `<code>${escapeHtml(request.id)}</code>`),
    dlRow('Intent', escapeHtml(request.intent)),
    dlRow('Status', escapeHtml(request.status)),
    dlRow('Risk', `<span class="risk-${escapeHtml(view.risk)}">${escapeHtml(view.risk)}</span>`),
    dlRow('Filed', escapeHtml(humanTime(request.createdAt))),
    dlRow('Expires', escapeHtml(humanTime(view.expiresAt))),
    '</dl>',
    '<h2>Parameters</h2>',
    parameters.length ? `<dl>${parameters.join('')}</dl>` : '<p>(none)</p>',
    '<h2>What will happen if approved</h2>',
    plan.length ? `<ol>${plan.join('')}</ol>` : '<p>(no plan was given)</p>',
    `<h2>Approvals (${view.approvals.length} of ${view.quorum} needed)</h2>`,
    approvals.length ? `<ul>${approvals.join('')}</ul>` : '<p>None yet.</p>',
    pending.length ? `<p>Still able to decide:</p><ul>${pending.join('')}</ul>` : '',
  ].join('\n');
}
