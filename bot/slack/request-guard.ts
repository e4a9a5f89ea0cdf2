/**
 * Checks a Slack request before Bolt sees it (issue 9): Bolt's receivers crash or answer 5xx on
 * bodies that are signed but not JSON objects (`null`, `1`, `[]`: its HTTPReceiver reads
 * `body.ssl_check` of `null` and the process dies), accept timestamps any distance in the future
 * (Bolt's verifySlackRequest checks only the past), and in Lambda parse the body before checking the
 * signature and decode base64 bodies as ASCII. Here: the signature and a replay window in both
 * directions first (401), then the body's shape (400). Signing scheme:
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';

/** Slack's replay window: requests more than 5 minutes away from now, either way, are refused. */
export const REPLAY_WINDOW_SECONDS = 300;

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401; reason: string };

export interface SlackRequestParts {
  body: string;
  contentType?: string | undefined;
  signature?: string | undefined;
  timestamp?: string | undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsesToObject(json: string): boolean {
  try {
    return isObject(JSON.parse(json));
  } catch {
    return false;
  }
}

/** Whether the request is signed, fresh (both directions) and has a body Bolt can read. */
export function checkSlackRequest(
  parts: SlackRequestParts,
  signingSecret: string,
  nowMs: number = Date.now(),
): GuardVerdict {
  const form = (parts.contentType ?? '').startsWith('application/x-www-form-urlencoded');
  const fields = form ? parseQuery(parts.body) : undefined;
  // Slack's unsigned SSL check (Bolt strips anything else from it).
  if (fields?.ssl_check === '1') return { ok: true };
  const timestamp = Number(parts.timestamp);
  if (!parts.signature || !Number.isInteger(timestamp)) return { ok: false, status: 401, reason: 'unsigned' };
  if (timestamp > Math.floor(nowMs / 1000) + REPLAY_WINDOW_SECONDS)
    return { ok: false, status: 401, reason: 'timestamp in the future' };
  const valid = isValidSlackRequest({
    signingSecret,
    body: parts.body,
    headers: { 'x-slack-signature': parts.signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
  if (!valid) return { ok: false, status: 401, reason: 'bad or stale signature' };
  if (form) {
    const payload = fields?.payload;
    if (payload === undefined) return { ok: true };
    return typeof payload === 'string' && parsesToObject(payload)
      ? { ok: true }
      : { ok: false, status: 400, reason: 'payload is not a JSON object' };
  }
  return parsesToObject(parts.body)
    ? { ok: true }
    : { ok: false, status: 400, reason: 'body is not a JSON object' };
}
