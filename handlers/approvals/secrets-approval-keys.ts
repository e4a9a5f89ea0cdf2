/**
 * Approval keys from AWS Secrets Manager through Powertools parameters (cached for `maxAgeSeconds`,
 * default 5 minutes, so a warm Lambda does not call GetSecretValue per request).
 *
 * The secret's `SecretString` is JSON `{"current":"<base64>","previous":"<base64>"}` (`previous`
 * optional), each at least 32 bytes once decoded. A rotation writes the old `current` as `previous`:
 * links signed before it stay valid until they expire, i.e. for one token lifetime at most (a
 * token's own expiry is checked separately). Both keys live in one secret version on purpose:
 * Powertools caches by secret name and transform only, not by `VersionStage`, so reading
 * AWSPREVIOUS under the same name would return the cached AWSCURRENT
 * (https://docs.aws.amazon.com/powertools/typescript/latest/features/parameters/).
 */

import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ChatOpsError } from '../../kernel/errors';
import { type ApprovalKeyProvider, type ApprovalKeys, MIN_KEY_BYTES } from './approval-key.port';

/** The approval key secret is missing or malformed (the message never quotes its value). */
export class ApprovalKeyError extends ChatOpsError {
  constructor(secretId: string, problem: string) {
    super('APPROVAL_KEY_INVALID', `The approval key secret ${secretId} ${problem}.`, { secretId });
  }
}

export interface SecretsApprovalKeysOptions {
  client: SecretsManagerClient;
  secretId: string;
  maxAgeSeconds?: number;
}

export class SecretsApprovalKeys implements ApprovalKeyProvider {
  private readonly provider: SecretsProvider;

  constructor(private readonly options: SecretsApprovalKeysOptions) {
    this.provider = new SecretsProvider({ awsSdkV3Client: options.client });
  }

  async keys(): Promise<ApprovalKeys> {
    const { secretId } = this.options;
    let value: unknown;
    try {
      value = await this.provider.get(secretId, {
        maxAge: this.options.maxAgeSeconds ?? 300,
        transform: 'json',
      });
    } catch {
      throw new ApprovalKeyError(secretId, 'could not be read as JSON');
    }
    const { current, previous } = (value ?? {}) as { current?: unknown; previous?: unknown };
    const keys: ApprovalKeys = { current: decodeKey(secretId, 'current', current) };
    if (previous !== undefined) keys.previous = decodeKey(secretId, 'previous', previous);
    return keys;
  }

  toJSON(): string {
    return '[SecretsApprovalKeys]';
  }
}

function decodeKey(secretId: string, field: string, value: unknown): Buffer {
  if (typeof value !== 'string') throw new ApprovalKeyError(secretId, `has no "${field}" key string`);
  const key = Buffer.from(value, 'base64');
  if (key.length < MIN_KEY_BYTES) {
    throw new ApprovalKeyError(secretId, `"${field}" key is shorter than ${MIN_KEY_BYTES} bytes`);
  }
  return key;
}
