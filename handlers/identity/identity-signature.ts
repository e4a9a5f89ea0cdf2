/**
 * The signed identity of a turn (DESIGN §5, the wire contract acceptance checks sign with): the
 * Slack side signs the `chatops:*` request attributes it sends to Lex, the code hook verifies them,
 * so nobody who can call Lex directly (the console's test window included) can claim to be someone
 * else. One implementation for both sides:
 *
 * - `chatops:issuedAt` = signing time in epoch seconds;
 * - `chatops:signature` = `v1=` + lower-case hex HMAC-SHA256, keyed with the UTF-8 bytes of the
 *   identity key, of every other `chatops:*` attribute sorted by name, as `name=value` lines joined
 *   with `\n`.
 *
 * Valid for {@link IDENTITY_MAX_AGE_SECONDS} after signing, and up to
 * {@link IDENTITY_CLOCK_SKEW_SECONDS} before (clocks of two hosts differ a little).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const IDENTITY_PREFIX = 'chatops:';
export const ISSUED_AT_ATTRIBUTE = 'chatops:issuedAt';
export const SIGNATURE_ATTRIBUTE = 'chatops:signature';
export const SIGNATURE_VERSION = 'v1=';
/** How long a signed identity stays valid (5 minutes). */
export const IDENTITY_MAX_AGE_SECONDS = 300;
/** How far in the future a signing time may be (clock skew allowance). */
export const IDENTITY_CLOCK_SKEW_SECONDS = 30;

/** The string the signature covers: every `chatops:*` attribute but the signature, sorted. */
export function identityCanonicalString(attributes: Readonly<Record<string, string>>): string {
  return Object.keys(attributes)
    .filter((name) => name.startsWith(IDENTITY_PREFIX) && name !== SIGNATURE_ATTRIBUTE)
    .sort()
    .map((name) => `${name}=${attributes[name]}`)
    .join('\n');
}

function hmacHex(key: string, canonical: string): string {
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(canonical, 'utf8').digest('hex');
}

/**
 * `attributes` plus `chatops:issuedAt` (now) and `chatops:signature`. Attributes outside the
 * `chatops:` prefix pass through unsigned (the code hook reads identity only from signed ones).
 */
export function signIdentityAttributes(
  attributes: Readonly<Record<string, string>>,
  key: string,
  nowMs: number = Date.now(),
): Record<string, string> {
  const { [SIGNATURE_ATTRIBUTE]: _dropped, ...rest } = attributes;
  const signed: Record<string, string> = { ...rest, [ISSUED_AT_ATTRIBUTE]: String(Math.floor(nowMs / 1000)) };
  signed[SIGNATURE_ATTRIBUTE] = `${SIGNATURE_VERSION}${hmacHex(key, identityCanonicalString(signed))}`;
  return signed;
}

export type IdentityVerdict =
  | { ok: true }
  | { ok: false; reason: 'unsigned' | 'malformed' | 'stale' | 'future' | 'bad-signature' };

/**
 * Checks the signature (constant time, against each accepted key: the current one and, during a
 * rotation window, the previous one) and the freshness of `chatops:issuedAt`.
 */
export function verifyIdentityAttributes(
  attributes: Readonly<Record<string, string>> | null | undefined,
  keys: readonly string[],
  nowMs: number = Date.now(),
): IdentityVerdict {
  const signature = attributes?.[SIGNATURE_ATTRIBUTE];
  const issuedAtText = attributes?.[ISSUED_AT_ATTRIBUTE];
  if (!attributes || signature === undefined || issuedAtText === undefined)
    return { ok: false, reason: 'unsigned' };
  if (!/^\d{1,12}$/.test(issuedAtText) || !/^v1=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'malformed' };
  const age = Math.floor(nowMs / 1000) - Number(issuedAtText);
  if (age > IDENTITY_MAX_AGE_SECONDS) return { ok: false, reason: 'stale' };
  if (age < -IDENTITY_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const given = Buffer.from(signature.slice(SIGNATURE_VERSION.length), 'hex');
  const canonical = identityCanonicalString(attributes);
  let match = false;
  for (const key of keys) {
    const expected = Buffer.from(hmacHex(key, canonical), 'hex');
    // Every key is compared (no early exit), each in constant time.
    if (expected.length === given.length && timingSafeEqual(expected, given)) match = true;
  }
  return match ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
