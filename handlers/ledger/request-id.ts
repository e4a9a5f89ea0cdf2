/**
 * Request ids: `REQ-` + 8 characters of Crockford base32 (DESIGN §3), 40 random bits.
 * Hand-written because it is ten lines and no library does Crockford's input normalisation
 * (I/L → 1, O → 0, hyphens and case ignored) together with our prefix rule.
 */
import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_PATTERN = /^REQ-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A new random request id, e.g. `REQ-5G8H3N7Q`. */
export function newRequestId(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `REQ-${out}`;
}

/** True when `id` is a canonical request id. */
export function isRequestId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * Normalises what a person typed (or what Lex's AMAZON.AlphaNumeric kept) into a canonical id:
 * any case, with or without the hyphen or the `REQ` prefix, Crockford's look-alikes folded.
 * @throws ValidationError naming the field `RequestId` when it cannot be a request id.
 */
export function parseRequestId(input: string): string {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('REQ') ? compact.slice(3) : compact;
  const folded = body.replace(/[IL]/g, '1').replace(/O/g, '0');
  const id = `REQ-${folded}`;
  if (!ID_PATTERN.test(id)) {
    throw new ValidationError(
      'RequestId',
      `"${input.slice(0, 40)}" is not a request id. Request ids look like REQ-5G8H3N7Q (8 letters and digits after REQ).`,
    );
  }
  return id;
}
