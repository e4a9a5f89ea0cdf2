/**
 * The approval page's POST body: `application/x-www-form-urlencoded` with `token`, `csrf`,
 * `decision` (`approve` | `reject`) and an optional `comment` of at most 500 characters. Anything
 * else — another content type, a body over 16 KiB, a field given twice, a missing field — is a
 * 400 with a message that says which.
 */
import { MAX_COMMENT_LENGTH } from './approval-page';

/** Generous for a token, a CSRF value and 500 percent-encoded multi-byte characters. */
export const MAX_FORM_BYTES = 16 * 1024;

export type DecisionForm =
  | { ok: true; token: string; csrf: string; decision: 'approve' | 'reject'; comment?: string }
  | { ok: false; message: string };

const bad = (message: string): DecisionForm => ({ ok: false, message });

/** Parses and validates the form (pure). */
export function parseDecisionForm(contentType: string | null, body: string): DecisionForm {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    return bad('The decision must be sent by the form on the approval page.');
  if (Buffer.byteLength(body, 'utf8') > MAX_FORM_BYTES) return bad('The form is too large.');
  const fields = new URLSearchParams(body);
  const one = (name: string): string | undefined | null => {
    const values = fields.getAll(name);
    return values.length > 1 ? null : values[0];
  };
  const token = one('token');
  const csrf = one('csrf');
  const decision = one('decision');
  const comment = one('comment');
  if (token === null || csrf === null || decision === null || comment === null)
    return bad('A form field was sent twice.');
  if (!token || !csrf)
    return bad('The form is missing its token or CSRF value. Open the link from your email again.');
  if (decision !== 'approve' && decision !== 'reject') return bad('The decision must be approve or reject.');
  const trimmed = (comment ?? '').replace(/\r\n/g, '\n').trim();
  if (trimmed.length > MAX_COMMENT_LENGTH)
    return bad(`The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
  return { ok: true, token, csrf, decision, ...(trimmed ? { comment: trimmed } : {}) };
}
