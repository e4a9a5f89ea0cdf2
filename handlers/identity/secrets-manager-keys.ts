/**
 * The Secrets Manager reader of the identity key for the Lambda entries: Powertools parameters'
 * `getSecret` (https://docs.powertools.aws.dev/lambda/typescript/latest/features/parameters/),
 * which caches each value for `maxAge` seconds, so a warm Lambda reads the secret once per window.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { IdentityKeyError, type IdentityKeySource, secretIdentityKeys } from './identity-keys';

/** Env name of the identity key secret (name or ARN). */
export const IDENTITY_KEY_SECRET_ENV = 'IDENTITY_KEY_SECRET_ID';

/** The identity keys from the secret named in `env` (an error naming the variable when unset). */
export function identityKeysFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityKeySource {
  const secretId = env[IDENTITY_KEY_SECRET_ENV];
  if (!secretId) throw new IdentityKeyError(IDENTITY_KEY_SECRET_ENV, 'is not set (the identity key secret)');
  return secretIdentityKeys(secretId, (id, maxAge) => getSecret(id, { maxAge }));
}
