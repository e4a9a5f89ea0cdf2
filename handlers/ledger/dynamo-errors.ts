/**
 * How `DynamoLedger` reads DynamoDB failures (split out of dynamo-ledger.ts to keep files small).
 *
 * - Throttling, server faults and network failures that are still failing after the SDK's own
 *   retries become {@link LedgerUnavailableError} (code LEDGER_UNAVAILABLE); the AWS error name is
 *   kept in `details.awsError` (names only: AWS error messages may quote request values).
 * - A `TransactionCanceledException` carries one `CancellationReason` per transaction item, in
 *   order, with `Code` one of None | ConditionalCheckFailed | TransactionConflict |
 *   ProvisionedThroughputExceeded | ThrottlingError | ItemCollectionSizeLimitExceeded |
 *   ValidationError, and the item's old image when `ReturnValuesOnConditionCheckFailure` is
 *   `ALL_OLD` (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CancellationReason.html).
 *   lib-dynamodb does not unmarshall errors, so that image is in raw AttributeValue form.
 */
import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import { ChatOpsError } from '../errors';
import { LedgerUnavailableError } from './ledger.port';

const UNAVAILABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
const UNAVAILABLE_REASONS = new Set(['ProvisionedThroughputExceeded', 'ThrottlingError']);
/** Reasons the ledger handles itself; any other reason is a bug and is rethrown as is. */
const HANDLED_REASONS = new Set(['None', 'ConditionalCheckFailed', 'TransactionConflict']);

/** The error to throw for `err` raised by the SDK during `operation`. */
export function toLedgerError(operation: string, err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof ChatOpsError) return err;
  const { $fault, code } = err as Error & { $fault?: string; code?: string };
  const unavailable =
    UNAVAILABLE_NAMES.has(err.name) || $fault === 'server' || (code !== undefined && NETWORK_CODES.has(code));
  return unavailable ? new LedgerUnavailableError(operation, err.name) : err;
}

/**
 * The cancellation reasons of a cancelled transaction (one per item, in order).
 * @throws LedgerUnavailableError when an item was throttled; the original error when `err` is
 *   not a cancellation the ledger handles.
 */
export function readCancellation(operation: string, err: unknown): CancellationReason[] {
  const reasons = (err as { CancellationReasons?: CancellationReason[] } | undefined)?.CancellationReasons;
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException' || !reasons) {
    throw toLedgerError(operation, err);
  }
  if (reasons.some((r) => UNAVAILABLE_REASONS.has(r.Code ?? ''))) {
    throw new LedgerUnavailableError(operation, err.name);
  }
  if (!reasons.every((r) => HANDLED_REASONS.has(r.Code ?? 'None'))) throw err;
  return reasons;
}

/** The `status` of the old image returned with a failed condition, if the item existed. */
export function oldStatus(reason: CancellationReason | undefined): string | undefined {
  return reason?.Item?.status?.S;
}
