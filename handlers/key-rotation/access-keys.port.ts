/**
 * Ports of key rotation on IAM and Secrets Manager (DESIGN §6 rule 5). `AccessKeys` is IAM's side
 * (users, their at most two access keys, last use); `KeyVault` stores a new key pair in the user's
 * secret. Adapters: ./iam-access-keys.ts and ./secrets-key-vault.ts (SDK v3); sandbox twins:
 * handlers/sandbox/sandbox-iam.ts and sandbox-secrets.ts. Every call names the ChatOps request it
 * serves (`AwsCallContext`), which the adapters put in the SDK user agent for CloudTrail.
 */

/** Which ChatOps request (or sweep) an AWS call serves. */
export interface AwsCallContext {
  requestId: string;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

/** When and where a key was last used (IAM GetAccessKeyLastUsed); absent fields = never used. */
export interface KeyLastUse {
  at?: string;
  serviceName?: string;
  region?: string;
}

/** One access key of a user: never its secret. */
export interface AccessKeyInfo {
  accessKeyId: string;
  status: AccessKeyStatus;
  createDate: string;
}

/** A key just created. `secretAccessKey` exists only between IAM's answer and the vault. */
export interface NewAccessKey {
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
  createDate: string;
}

export interface IamUser {
  userName: string;
  arn: string;
}

export interface AccessKeys {
  /** The user, or undefined when IAM has no such user (GetUser → NoSuchEntity). */
  getUser(userName: string, ctx: AwsCallContext): Promise<IamUser | undefined>;
  /** The users under the configured path (for an admin's "which keys are due?"). */
  listUsers(ctx: AwsCallContext): Promise<string[]>;
  listKeys(userName: string, ctx: AwsCallContext): Promise<AccessKeyInfo[]>;
  lastUsed(accessKeyId: string, ctx: AwsCallContext): Promise<KeyLastUse>;
  /** @throws AccessKeyLimitError when the user already has two keys (IAM LimitExceeded). */
  createKey(userName: string, ctx: AwsCallContext): Promise<NewAccessKey>;
  deactivateKey(userName: string, accessKeyId: string, ctx: AwsCallContext): Promise<void>;
  /**
   * Deletes the key. `not-found` when IAM does not know it (already deleted — or, right after
   * CreateAccessKey, not visible yet: IAM is eventually consistent, so rollbacks retry on it).
   */
  deleteKey(userName: string, accessKeyId: string, ctx: AwsCallContext): Promise<'deleted' | 'not-found'>;
}

/** Where a stored key lives: never the value. */
export interface StoredKeyRef {
  name: string;
  arn: string;
}

export interface KeyVault {
  /**
   * Stores `key` in the user's secret, readable only by `owner` (and the break-glass role).
   * @throws AccessKeyStoreError when it could not (the caller rolls the new key back)
   */
  store(key: NewAccessKey, owner: IamUser, ctx: AwsCallContext): Promise<StoredKeyRef>;
}

/** The last four characters of a key id, the only part ChatOps ever shows (`…ABCD`). */
export function keyTail(accessKeyId: string): string {
  return `…${accessKeyId.slice(-4)}`;
}
