/**
 * The approval-token key port: the HMAC keys approval links are signed with. AWS: a Secrets
 * Manager secret read through Powertools parameters (./secrets-approval-keys.ts); local: a key
 * generated at start (./generated-approval-keys.ts). Keys never leave this port's callers: they
 * are not printed, logged, stored in DynamoDB or put in errors.
 */

/** The signing key and, during a rotation, the previous key (still accepted for verification). */
export interface ApprovalKeys {
  current: Buffer;
  previous?: Buffer;
}

export interface ApprovalKeyProvider {
  keys(): Promise<ApprovalKeys>;
}

/** Minimum key length in bytes (HMAC-SHA256's block is 64; its output, and our floor, 32). */
export const MIN_KEY_BYTES = 32;
