/** What key rotation needs from outside, and the factories that build it from ports or SDK clients. */
import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChatOpsConfig } from '../config/config.schema';
import type { AccessKeys, KeyVault } from './access-keys.port';
import { DynamoKeySchedule } from './dynamo-key-schedule';
import { IamAccessKeys } from './iam-access-keys';
import type { KeySchedule } from './key-schedule.port';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { SecretsKeyVault } from './secrets-key-vault';

export interface KeyRotationDeps {
  /** IAM: users, keys, last use. */
  accessKeys: AccessKeys;
  /** Secrets Manager: where new keys go. */
  keyVault: KeyVault;
  /** The old keys' deactivation and deletion dates. */
  keySchedule: KeySchedule;
  /** Now (injected so tests control dates). */
  clock: () => Date;
  /** Backoff for IAM's eventual consistency. */
  retry: RetryOptions;
  /** A line appended to every result (the sandbox says it is simulated). */
  resultNote?: string;
}

/**
 * RotateAccessKey's deps from its ports (the sandbox world locally).
 * @example
 * const deps = keyRotationDeps({ accessKeys: iam, keyVault: secrets, keySchedule: new MemoryKeySchedule() });
 */
export function keyRotationDeps(
  ports: Pick<KeyRotationDeps, 'accessKeys' | 'keyVault' | 'keySchedule'> & Partial<KeyRotationDeps>,
): KeyRotationDeps {
  return { clock: () => new Date(), retry: DEFAULT_RETRY, ...ports };
}

/**
 * The AWS deps of a Lambda entry: one IAM and one Secrets Manager client per container, the
 * schedule on the ledger table.
 * @example
 * const deps = awsKeyRotationDeps(config, { client: document, tableName: env.TABLE_NAME });
 */
export function awsKeyRotationDeps(
  config: ChatOpsConfig,
  table: { client: DynamoDBDocumentClient; tableName: string },
): KeyRotationDeps {
  const { secretPrefix, kmsKeyId, breakGlassRoleArn, iamUserPath } = config.keyRotation;
  return keyRotationDeps({
    accessKeys: new IamAccessKeys(new IAMClient({}), iamUserPath),
    keyVault: new SecretsKeyVault(new SecretsManagerClient({}), {
      secretPrefix,
      ...(kmsKeyId ? { kmsKeyId } : {}),
      ...(breakGlassRoleArn ? { breakGlassRoleArn } : {}),
    }),
    keySchedule: new DynamoKeySchedule(table),
  });
}
