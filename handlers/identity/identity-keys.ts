/**
 * Where the identity key comes from (DESIGN §5). In AWS: a Secrets Manager secret (name or ARN in
 * env `IDENTITY_KEY_SECRET_ID`) holding JSON `{"current":"…","previous":"…"}`, read with Powertools
 * parameters and cached for {@link IDENTITY_KEY_CACHE_SECONDS}; the Slack side signs with
 * `current`, the code hook accepts `current` or `previous`, so a rotation (move current to
 * previous, write a new current) never refuses a turn in flight. Locally: `CHATOPS_IDENTITY_KEY`
 * when set (at least {@link MIN_IDENTITY_KEY_LENGTH} characters), else a random key per start.
 * Keys are never logged, and errors name the setting, never its value.
 */
import { randomBytes } from 'node:crypto';
import { ChatOpsError } from '../../kernel/errors';

/** The shortest identity key accepted. */
export const MIN_IDENTITY_KEY_LENGTH = 32;
/** How long a key read from Secrets Manager is reused. */
export const IDENTITY_KEY_CACHE_SECONDS = 300;

/** The keys in force: sign with `current`; verify with `current` or `previous`. */
export interface IdentityKeyring {
  current: string;
  previous?: string;
}

/** Gives the keyring (cached by the implementation). */
export type IdentityKeySource = () => Promise<IdentityKeyring>;

/** The identity key setting is missing or too weak; `setting` names it. */
export class IdentityKeyError extends ChatOpsError {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super('IDENTITY_KEY_INVALID', `${setting}: ${message}`, { setting });
  }
}

function checked(setting: string, key: unknown): string {
  if (typeof key !== 'string' || key.length < MIN_IDENTITY_KEY_LENGTH)
    throw new IdentityKeyError(setting, `must be a string of at least ${MIN_IDENTITY_KEY_LENGTH} characters`);
  return key;
}

/** A source that always gives the same keyring. */
export function staticIdentityKeys(keyring: IdentityKeyring): IdentityKeySource {
  const ring = {
    current: checked('current', keyring.current),
    ...(keyring.previous ? { previous: checked('previous', keyring.previous) } : {}),
  };
  return async () => ring;
}

/**
 * The local key: `CHATOPS_IDENTITY_KEY` when set (≥ 32 characters, else an {@link IdentityKeyError}),
 * otherwise 32 random bytes as hex, made once per call (per start of the local stack).
 */
export function localIdentityKey(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CHATOPS_IDENTITY_KEY;
  if (given !== undefined && given !== '') return checked('CHATOPS_IDENTITY_KEY', given);
  return randomBytes(32).toString('hex');
}

/** Parses the secret's JSON value `{current, previous?}`. */
export function parseIdentityKeySecret(value: unknown, secretId: string): IdentityKeyring {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new IdentityKeyError(secretId, 'must hold JSON {"current": "...", "previous": "..."}');
    }
  }
  const ring = (parsed ?? {}) as { current?: unknown; previous?: unknown };
  return {
    current: checked(`${secretId}.current`, ring.current),
    ...(ring.previous ? { previous: checked(`${secretId}.previous`, ring.previous) } : {}),
  };
}

/** Reads a secret's string value (Powertools `getSecret`, or a fake in tests). */
export type SecretReader = (secretId: string, maxAgeSeconds: number) => Promise<unknown>;

/** The AWS source: the secret `secretId` through `read`, cached by `read` (Powertools caches by maxAge). */
export function secretIdentityKeys(secretId: string, read: SecretReader): IdentityKeySource {
  return async () => parseIdentityKeySecret(await read(secretId, IDENTITY_KEY_CACHE_SECONDS), secretId);
}

/** The keys `verifyIdentityAttributes` accepts. */
export function acceptedKeys(ring: IdentityKeyring): string[] {
  return ring.previous ? [ring.current, ring.previous] : [ring.current];
}
