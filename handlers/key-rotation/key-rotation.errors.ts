/**
 * Key rotation's coded errors. Messages name users and key-id tails only (`…ABCD`), never a
 * secret; the AWS error's name (not its message, which may quote request values) goes in details.
 */
import { ChatOpsError } from '../errors';

/** The user already has two access keys (IAM's limit) and none may be removed automatically. */
export class AccessKeyLimitError extends ChatOpsError {
  constructor(userName: string) {
    super('ACCESS_KEY_LIMIT', `IAM user ${userName} already has two access keys.`, { userName });
  }
}

/** The new key could not be stored in Secrets Manager; it was deleted again (rolled back). */
export class AccessKeyStoreError extends ChatOpsError {
  constructor(userName: string, awsError: string, options?: ErrorOptions) {
    super(
      'ACCESS_KEY_STORE_FAILED',
      `The new access key of ${userName} could not be stored.`,
      {
        userName,
        awsError,
      },
      options,
    );
  }
}

/** An IAM call of a rotation failed for another reason (named by the AWS error's name). */
export class AccessKeyRotationError extends ChatOpsError {
  constructor(operation: string, userName: string, awsError: string) {
    super('ACCESS_KEY_ROTATION_FAILED', `IAM ${operation} failed for ${userName} (${awsError}).`, {
      operation,
      userName,
      awsError,
    });
  }
}

/** A key-retirement schedule changed under the sweeper (another sweep ran at the same time). */
export class KeyScheduleConflictError extends ChatOpsError {
  constructor(id: string) {
    super('KEY_SCHEDULE_CONFLICT', `The key retirement ${id} was changed by someone else.`, { id });
  }
}

/** The AWS error's name (`LimitExceededException`), never its message. */
export function awsErrorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError';
}
