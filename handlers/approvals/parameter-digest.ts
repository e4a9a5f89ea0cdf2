/**
 * The parameter digest: what an approver approves is what runs (issue 11). SHA-256 over a
 * canonical encoding of the intent, every parameter and the requester's verified Slack user id,
 * stored on the request when it enters `PENDING_APPROVAL`, bound into every approval token and
 * re-checked by the executor before it acts.
 *
 * Canonical encoding: the UTF-8 bytes of `JSON.stringify` of the array
 * `["chatops-parameters/v1", intent, requesterSlackUserId, [[name, value], …]]` with the pairs
 * sorted by name in code-unit order. JSON string escaping is deterministic and the array has no
 * keys to reorder, so one request has exactly one encoding; distinct values can never collide by
 * concatenation (each string is quoted and escaped). Output: base64url without padding (43 chars).
 */
import { createHash } from 'node:crypto';
import type { ChatOpsRequest } from '../ledger/request';

const DOMAIN = 'chatops-parameters/v1';

/** The canonical encoding of what is approved (exported for tests and for the audit trail). */
export function canonicalEncoding(
  intent: string,
  parameters: Readonly<Record<string, string>>,
  requesterSlackUserId: string,
): string {
  const pairs = Object.entries(parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([DOMAIN, intent, requesterSlackUserId, pairs]);
}

/** The digest of a request's intent, parameters and requester (pure). */
export function parameterDigest(
  request: Pick<ChatOpsRequest, 'intent' | 'parameters' | 'requester'>,
): string {
  const encoding = canonicalEncoding(request.intent, request.parameters, request.requester.slackUserId);
  return createHash('sha256').update(encoding, 'utf8').digest('base64url');
}

/**
 * Whether the request still is what was put up for approval: its stored digest matches its
 * parameters now, and every counted approval was given for that same digest.
 */
export function digestIntact(request: ChatOpsRequest): boolean {
  const approval = request.approval;
  if (!approval) return false;
  const digest = parameterDigest(request);
  return digest === approval.digest && approval.votes.every((v) => v.digest === digest);
}
