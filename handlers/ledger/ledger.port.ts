/**
 * The request ledger port (DESIGN §3). Two adapters share one contract test suite:
 * `DynamoLedger` (single-table DynamoDB) and `MemoryLedger` (in-process twin for unit tests).
 */
import { ChatOpsError, ValidationError } from '../errors';
import type {
  AmendDetails,
  AuditEvent,
  ChatOpsRequest,
  InitialStep,
  NewRequest,
  Page,
  RequestStatus,
  TransitionDetails,
} from './request';

export interface ListOptions {
  limit?: number;
  cursor?: string;
}

export interface Ledger {
  /**
   * Creates a request with a `CREATED` audit event, in `RECEIVED` — or, given a `path`, directly
   * in the state the path ends in (e.g. `[PENDING_APPROVAL]`, or `[IN_PROGRESS, SUCCEEDED]` for a
   * read-only request that has already run), with one TRANSITION event per step, all in one write
   * (create-in-state: nothing is left in `RECEIVED` by a crash after the create). A request
   * created terminal carries the retention expiry on every item at once. Idempotent on
   * `idempotencyKey`: a second call with the same key returns the first request unchanged
   * (`created: false`), whatever its path.
   * @throws IllegalTransitionError when a step of `path` is not allowed (nothing written)
   */
  create(
    input: NewRequest,
    path?: readonly InitialStep[],
  ): Promise<{ request: ChatOpsRequest; created: boolean }>;

  /** The request, or `undefined`. */
  get(id: string): Promise<ChatOpsRequest | undefined>;

  /** The id of the live request holding unique value `key` ({@link NewRequest.uniqueKeys}), if any (consistent read). */
  uniqueHolder(key: string): Promise<string | undefined>;

  /** A requester's requests, newest first. */
  listByRequester(slackUserId: string, options?: ListOptions): Promise<Page<ChatOpsRequest>>;

  /** Requests in one status, oldest first (expiry sweeps, polling, queue draining). */
  listByStatus(status: RequestStatus, options?: ListOptions): Promise<Page<ChatOpsRequest>>;

  /** The request's audit trail, oldest first. */
  history(id: string): Promise<AuditEvent[]>;

  /**
   * Moves `id` from `from` to `to` as one conditional write on status and version, writing the
   * audit event in the same transaction. Exactly one of any set of concurrent transitions from
   * the same state wins.
   * @throws IllegalTransitionError when the table of transitions does not allow it (nothing written)
   * @throws TransitionConflictError when the request is no longer in `from`
   * @throws RequestNotFoundError when there is no such request
   */
  transition(
    id: string,
    from: RequestStatus,
    to: RequestStatus,
    actor: string,
    details?: TransitionDetails,
  ): Promise<ChatOpsRequest>;

  /**
   * Records a change that keeps the status (one approval vote under a quorum, where a notice was
   * posted) as one conditional write on status and version `expectedVersion`, with its audit
   * event in the same transaction.
   * @throws TransitionConflictError when the request has moved on (re-read and decide again)
   * @throws RequestNotFoundError when there is no such request
   */
  amend(id: string, expectedVersion: number, actor: string, details: AmendDetails): Promise<ChatOpsRequest>;

  /**
   * Moves a request the caller already holds (from `create`, `get`, a list or an earlier
   * transition) to `to` without reading it again: one conditional write on the held status and
   * version, with its audit event in the same transaction. When `to` is terminal, the request, its
   * idempotency pointer and every audit event get the retention expiry in that same transaction.
   * @throws IllegalTransitionError when the table of transitions does not allow it (nothing written)
   * @throws TransitionConflictError when the stored request is no longer at the held status and version
   * @throws RequestNotFoundError when there is no such request
   */
  advance(
    held: ChatOpsRequest,
    to: RequestStatus,
    actor: string,
    details?: TransitionDetails,
  ): Promise<ChatOpsRequest>;
}

/**
 * The ledger's store is throttling or unreachable even after the SDK's own retries. Nothing was
 * written by the failed call; the caller may retry later. `operation` names the ledger method.
 */
export class LedgerUnavailableError extends ChatOpsError {
  constructor(operation: string, awsError: string) {
    super(
      'LEDGER_UNAVAILABLE',
      `The request ledger is unavailable right now (${operation}); try again shortly.`,
      {
        operation,
        awsError,
      },
    );
  }
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** The page size both adapters use: `limit` clamped to 1..{@link MAX_PAGE_SIZE}, default 25. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** An opaque page cursor: the position (a flat string map) as base64url JSON. */
export function encodeCursor(position: Readonly<Record<string, string>>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * The position inside a cursor made by {@link encodeCursor}.
 * @throws ValidationError naming `cursor` when it is not one of ours.
 */
export function decodeCursor(cursor: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isStringMap(value)) return value;
  } catch {
    // fall through: not base64url JSON
  }
  throw new ValidationError('cursor', 'The page cursor is not valid; start again from the first page.');
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
