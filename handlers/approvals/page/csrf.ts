/**
 * Stateless, cookie-free CSRF values for the approval page's forms. The page's hidden `csrf` field
 * is HMAC-SHA256(key, "chatops-approval-csrf-v1\n" + request id + "\n" + SHA-256(token)), so it is
 * bound to one request and one approver's token, needs no server-side session and no cookie (a
 * client without a cookie jar that GETs the page and submits its form works), and cannot be made
 * by someone who holds only the link: the POST must come from a page this server rendered. The key
 * is the API's own (derived from the approval token key by the composition root), never logged.
 * Compared in constant time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const LABEL = 'chatops-approval-csrf-v1';

/** The CSRF value for the forms of `requestId`'s page opened with `token` (base64url). */
export function csrfValue(key: Uint8Array, requestId: string, token: string): string {
  const tokenDigest = createHash('sha256').update(token, 'utf8').digest('hex');
  return createHmac('sha256', key)
    .update(`${LABEL}\n${requestId}\n${tokenDigest}`, 'utf8')
    .digest('base64url');
}

/** True when `presented` is the CSRF value for this request and token (constant-time compare). */
export function csrfMatches(key: Uint8Array, requestId: string, token: string, presented: string): boolean {
  const expected = Buffer.from(csrfValue(key, requestId, token), 'utf8');
  const given = Buffer.from(presented, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A CSRF key derived from another secret (the approval token key), so no second secret is deployed. */
export function deriveCsrfKey(secret: Uint8Array | string): Buffer {
  return createHmac('sha256', secret).update(`${LABEL} key`, 'utf8').digest();
}
