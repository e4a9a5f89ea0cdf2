/**
 * Lex session ids for Slack conversations (DESIGN §2 step 2): one session per team, channel, user
 * and (optionally) thread, so a button click lands in the same session as the words before it.
 *
 * Lex V2 `RecognizeText` requires `sessionId` to be 2–100 characters of `[0-9a-zA-Z._:-]`
 * (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_RecognizeText.html). Slack ids
 * and message timestamps (`1712345678.123456`) already fit, so the readable form is kept; anything
 * that does not fit (enterprise ids, odd characters, overflow) is hashed instead, which still gives
 * one stable id per conversation.
 */
import { createHash } from 'node:crypto';

export interface SessionKey {
  teamId: string;
  /**
   * Enterprise Grid organisation: user and channel ids are org-wide there, so the session is keyed
   * by the enterprise instead of the workspace and the same user in the same conversation keeps one
   * session from any workspace of the organisation.
   */
  enterpriseId?: string;
  channelId: string;
  userId: string;
  threadTs?: string;
}

const ALLOWED = /^[0-9a-zA-Z._:-]{2,100}$/;

/** The Lex session id of a Slack conversation. Always matches Lex's rule. */
export function sessionIdFor(key: SessionKey): string {
  const parts = [
    key.enterpriseId ?? key.teamId,
    key.channelId,
    key.userId,
    ...(key.threadTs ? [key.threadTs] : []),
  ];
  const readable = parts.join(':');
  if (ALLOWED.test(readable) && parts.every((p) => p.length > 0 && !p.includes(':'))) return readable;
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 43);
  return `h:${digest.replace(/_/g, '.')}`;
}

/** True when `id` satisfies Lex's session id rule. */
export function isValidSessionId(id: string): boolean {
  return ALLOWED.test(id);
}
