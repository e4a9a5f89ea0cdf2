/**
 * Ledger requests as Block Kit: one summary per request for App Home and `/chatops mine`, and the
 * detail for `/chatops status <id>`. Parameters never hold secrets (ledger rule), so they are shown.
 * Dates use Slack's `<!date^…>` token so each reader sees their own time zone
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting).
 */
import { approvalLines } from '../../handlers/approvals/approval-summary';
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import type { ChatOpsRequest, RequestStatus } from '../../handlers/ledger/request';
import { escapeSlackText } from '../conversation/slack-text';
import type { Blocks } from '../slack/slack-gateway';

const STATUS_LABEL: Record<RequestStatus, string> = {
  RECEIVED: ':inbox_tray: Received',
  PENDING_APPROVAL: ':hourglass_flowing_sand: Pending approval',
  APPROVED: ':white_check_mark: Approved',
  REJECTED: ':no_entry: Rejected',
  EXPIRED: ':alarm_clock: Expired',
  QUEUED: ':double_vertical_bar: Queued',
  IN_PROGRESS: ':gear: In progress',
  SUCCEEDED: ':tada: Succeeded',
  FAILED: ':x: Failed',
  CANCELLED: ':heavy_multiplication_x: Cancelled',
};

/** A human label for a status, e.g. `:hourglass_flowing_sand: Pending approval`. */
export function statusLabel(status: RequestStatus): string {
  return STATUS_LABEL[status];
}

/** A Slack date token that falls back to the ISO time. */
export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${iso}>` : iso;
}

function parameterLine(request: ChatOpsRequest): string {
  const entries = Object.entries(request.parameters);
  if (entries.length === 0) return '';
  return entries.map(([k, v]) => `${escapeSlackText(k)}: \`${escapeSlackText(v)}\``).join(' · ');
}

/** Record id, account id and the like, and the queue position of a queued request. */
function progressLine(request: ChatOpsRequest, queuePosition?: number): string {
  const ids = Object.entries(request.externalIds ?? {}).map(
    ([k, v]) => `${escapeSlackText(k)}: \`${escapeSlackText(v)}\``,
  );
  const queued =
    request.status === 'QUEUED' && queuePosition !== undefined ? [`queue position ${queuePosition}`] : [];
  return [...queued, ...ids].join(' · ');
}

/** One line-block summary of a request (`queuePosition` when it is queued). */
export function requestSummary(
  request: ChatOpsRequest,
  config?: ChatOpsConfig,
  queuePosition?: number,
): string {
  const lines = [
    `*${request.id}* · ${escapeSlackText(request.intent)} · ${statusLabel(request.status)}`,
    parameterLine(request),
    progressLine(request, queuePosition),
    ...approvalLines(request, config).map((l) => `_${escapeSlackText(l)}_`),
    `_Filed ${slackDate(request.createdAt)} · updated ${slackDate(request.updatedAt)}_`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** The detail of one request (`/chatops status <id>`), with its queue position when queued. */
export function requestDetail(
  request: ChatOpsRequest,
  config?: ChatOpsConfig,
  queuePosition?: number,
): Blocks {
  const extra = [
    `Requested by <@${request.requester.slackUserId}>`,
    request.approver ? `Decided by ${escapeSlackText(request.approver)}` : '',
    request.reason ? `Reason: ${escapeSlackText(request.reason)}` : '',
  ].filter(Boolean);
  return [
    { type: 'section', text: { type: 'mrkdwn', text: requestSummary(request, config, queuePosition) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: extra.join(' · ') }] },
  ];
}

/**
 * A list of requests, newest first as given, with an empty-state line and queue positions; with
 * `config`, a pending request also names who may still approve it.
 */
export function requestList(
  requests: readonly ChatOpsRequest[],
  empty: string,
  config?: ChatOpsConfig,
  queuePositions: ReadonlyMap<string, number> = new Map(),
): Blocks {
  if (requests.length === 0) return [{ type: 'section', text: { type: 'mrkdwn', text: empty } }];
  return requests.flatMap(
    (r): Blocks => [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: requestSummary(r, config, queuePositions.get(r.id)) },
      },
      { type: 'divider' },
    ],
  );
}
