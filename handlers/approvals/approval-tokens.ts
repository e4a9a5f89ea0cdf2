/**
 * Approval tokens: the personal part of an approval link `GET <approvalsUrl>/<requestId>?token=…`.
 *
 * Format (URL-safe, no escaping needed): `v1.<requestId>.<approver>.<expiry>.<digest>.<mac>` where
 * `approver` is the approver's email in base64url, `expiry` epoch seconds, `digest` the request's
 * parameter digest (./parameter-digest.ts) and `mac` the base64url HMAC-SHA256, keyed with the
 * current approval key, of the lines `chatops-approval/v1`, request id, approver, digest, expiry
 * joined with `\n`. The fields travel in clear so a refusal can say precisely what is wrong (another
 * request's link, a changed request, an expired link); none of them is secret, and the MAC binds
 * them all. Verification tries the current key, then the previous one (rotation), comparing with
 * `crypto.timingSafeEqual`. Single use is the ledger's job: the decision itself uses the token up.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRequestId } from '../ledger/request-id';
import type { ApprovalKeyProvider } from './approval-key.port';

const VERSION = 'v1';
const DOMAIN = 'chatops-approval/v1';
const B64URL = /^[A-Za-z0-9_-]+$/;

/** What a valid token says. */
export interface TokenClaims {
  requestId: string;
  approver: string;
  digest: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** Why a token is refused (the desk maps these to page statuses and messages). */
export type TokenProblem = 'malformed' | 'tampered' | 'otherRequest' | 'digestChanged' | 'expired';

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem };

function mac(key: Buffer, claims: TokenClaims): Buffer {
  const text = [DOMAIN, claims.requestId, claims.approver, claims.digest, String(claims.expiresAt)].join(
    '\n',
  );
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** Signs and verifies approval tokens with the keys of an {@link ApprovalKeyProvider}. */
export class ApprovalTokens {
  constructor(private readonly keys: ApprovalKeyProvider) {}

  /** A token for `claims`, signed with the current key. */
  async issue(claims: TokenClaims): Promise<string> {
    const { current } = await this.keys.keys();
    const approver = Buffer.from(claims.approver, 'utf8').toString('base64url');
    const signature = mac(current, claims).toString('base64url');
    return [VERSION, claims.requestId, approver, String(claims.expiresAt), claims.digest, signature].join(
      '.',
    );
  }

  /**
   * Checks `token` for the request `requestId` whose stored digest is `digest`, at `now`. Order:
   * shape, signature, request, expiry, digest — so a forged token learns nothing about the request.
   */
  async verify(
    token: string,
    expected: { requestId: string; digest: string },
    now: Date,
  ): Promise<TokenCheck> {
    const claims = parse(token);
    if (!claims) return { ok: false, problem: 'malformed' };
    const given = Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');
    const { current, previous } = await this.keys.keys();
    const valid = [current, previous].some((key) => {
      if (!key) return false;
      const wanted = mac(key, claims);
      return given.length === wanted.length && timingSafeEqual(given, wanted);
    });
    if (!valid) return { ok: false, problem: 'tampered' };
    if (claims.requestId !== expected.requestId) return { ok: false, problem: 'otherRequest' };
    if (claims.expiresAt * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };
    if (claims.digest !== expected.digest) return { ok: false, problem: 'digestChanged' };
    return { ok: true, claims };
  }

  toJSON(): string {
    return '[ApprovalTokens]';
  }
}

function parse(token: string): TokenClaims | undefined {
  if (token.length > 1024) return undefined;
  const parts = token.split('.');
  if (parts.length !== 6) return undefined;
  const [version, requestId, approverB64, expiry, digest, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== VERSION || !isRequestId(requestId) || !/^\d{1,12}$/.test(expiry)) return undefined;
  if (![approverB64, digest, signature].every((p) => B64URL.test(p))) return undefined;
  const approver = Buffer.from(approverB64, 'base64url').toString('utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an approver id never holds control characters.
  if (!approver || /[\s\u0000-\u001f]/.test(approver)) return undefined;
  return { requestId, approver, digest, expiresAt: Number(expiry) };
}
