/**
 * `DynamoLedger`: the request ledger on one DynamoDB table (layout: ./table-schema.ts, command
 * shapes: ./dynamo-commands.ts) through an injected `DynamoDBDocumentClient`, plus de-dup markers.
 *
 * - create: one TransactWriteItems putting the request (in the state its creation path ends in),
 *   its `IDEMP#<key>` pointer and every audit event of the path, each `attribute_not_exists`; a
 *   failed pointer condition means the key was used, so the existing request comes back with
 *   `created: false`. Created terminal (a read-only request that has run): `expiresAt` on all.
 * - advance (held request) / transition (by id: one consistent GetItem, then advance): checked
 *   against ALLOWED_TRANSITIONS first, then one TransactWriteItems: Update the request on
 *   `status = from AND version = v` (ALL_OLD on failure names the actual status) and Put the audit
 *   event `attribute_not_exists`. A terminal move also sets `expiresAt` on the pointer and on every
 *   earlier event (their keys from one keys-only consistent Query) in the same transaction.
 * - Throttling/outages: the SDK's standard retry strategy handles them (TransactWriteItems carries
 *   an SDK-generated ClientRequestToken, so a retried transaction applies once); what still fails
 *   becomes LedgerUnavailableError. `TransactionConflict` cancellations (another transaction on the
 *   same item in flight) are not retried by the SDK, so we retry those a few times here.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DEDUP_TTL_SECONDS, type Deduplicator } from './dedup.port';
import {
  claimsOffset,
  createItems,
  historyQuery,
  listQuery,
  NOT_EXISTS,
  positionOf,
  type TransactItems,
  transitionItems,
} from './dynamo-commands';
import { oldStatus, readCancellation, toLedgerError } from './dynamo-errors';
import { encodeCursor, type Ledger, LedgerUnavailableError, type ListOptions, pageSize } from './ledger.port';
import {
  type AmendDetails,
  type AuditEvent,
  type ChatOpsRequest,
  createdEvent,
  type InitialStep,
  initialRequest,
  type NewRequest,
  type Page,
  type RequestStatus,
  type TransitionDetails,
} from './request';
import { newRequestId } from './request-id';
import {
  BY_REQUESTER_INDEX,
  BY_STATUS_INDEX,
  dedupKey,
  fromEventItem,
  fromRequestItem,
  type IndexNames,
  idempotencyKey,
  PARTITION_KEY,
  requesterPartition,
  requestKey,
  SORT_KEY,
  statusPartition,
  TTL_ATTRIBUTE,
  uniqueClaimKey,
} from './table-schema';
import {
  amendEvent,
  applyAmend,
  applyTransition,
  checkVersion,
  IllegalTransitionError,
  isAllowedTransition,
  isTerminal,
  planCreate,
  RequestNotFoundError,
  TransitionConflictError,
  transitionable,
  transitionEvent,
  UniqueKeyTakenError,
} from './transitions';

export interface DynamoLedgerOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  now?: () => Date;
  newId?: () => string;
  /** Days a terminal request is kept before TTL may delete it (default 400). */
  retentionDays?: number;
}

const DEFAULT_RETENTION_DAYS = 400;
const MAX_ATTEMPTS = 5;
const CONDITION_FAILED = 'ConditionalCheckFailed';
const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
const pause = (attempt: number) => new Promise((r) => setTimeout(r, attempt * 20 + Math.random() * 30));

export class DynamoLedger implements Ledger, Deduplicator {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly retentionSeconds: number;

  constructor(options: DynamoLedgerOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => newRequestId());
    this.retentionSeconds = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400;
  }

  async create(
    input: NewRequest,
    path: readonly InitialStep[] = [],
  ): Promise<{ request: ChatOpsRequest; created: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const initial = initialRequest(input, this.newId(), this.now().toISOString());
      const { request, events } = planCreate(initial, createdEvent(initial), path);
      const expiresAt = isTerminal(request.status) ? this.expiry() : undefined;
      const reasons = await this.transact('create', createItems(this.tableName, request, events, expiresAt));
      if (!reasons) return { request, created: true };
      if (reasons[1]?.Code === CONDITION_FAILED) {
        const existing = await this.byIdempotencyKey(input.idempotencyKey);
        if (existing) return { request: existing, created: false };
      }
      const claims = reasons.slice(claimsOffset(events));
      const taken = claims.findIndex((r) => r.Code === CONDITION_FAILED);
      const key = request.uniqueKeys?.[taken];
      if (taken >= 0 && key !== undefined) throw new UniqueKeyTakenError(key, await this.uniqueHolder(key));
      // Otherwise an id collision (a fresh id next time) or a TransactionConflict: try again.
      if (attempt >= MAX_ATTEMPTS) throw new LedgerUnavailableError('create', 'TransactionCanceledException');
      await pause(attempt);
    }
  }

  async uniqueHolder(key: string): Promise<string | undefined> {
    const out = await this.call('get', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: uniqueClaimKey(key), ConsistentRead: true }),
      ),
    );
    const holder = out.Item?.requestId;
    return typeof holder === 'string' ? holder : undefined;
  }

  async get(id: string): Promise<ChatOpsRequest | undefined> {
    const out = await this.call('get', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: requestKey(id), ConsistentRead: true }),
      ),
    );
    return out.Item ? fromRequestItem(out.Item) : undefined;
  }

  listByRequester(slackUserId: string, options: ListOptions = {}): Promise<Page<ChatOpsRequest>> {
    return this.list(BY_REQUESTER_INDEX, requesterPartition(slackUserId), false, options);
  }

  listByStatus(status: RequestStatus, options: ListOptions = {}): Promise<Page<ChatOpsRequest>> {
    return this.list(BY_STATUS_INDEX, statusPartition(status), true, options);
  }

  async history(id: string): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const input = historyQuery(this.tableName, id, start);
      const out = await this.call('history', () => this.client.send(new QueryCommand(input)));
      events.push(...(out.Items ?? []).map(fromEventItem));
      start = out.LastEvaluatedKey;
    } while (start);
    return events.sort((a, b) => a.seq - b.seq);
  }

  async transition(
    id: string,
    from: RequestStatus,
    to: RequestStatus,
    actor: string,
    details: TransitionDetails = {},
  ): Promise<ChatOpsRequest> {
    if (!isAllowedTransition(from, to)) throw new IllegalTransitionError(id, from, to);
    const current = transitionable(id, from, await this.get(id), details.expectedVersion);
    return this.advance(current, to, actor, details);
  }

  async advance(
    held: ChatOpsRequest,
    to: RequestStatus,
    actor: string,
    details: TransitionDetails = {},
  ): Promise<ChatOpsRequest> {
    const { id, status: from } = held;
    if (!isAllowedTransition(from, to)) throw new IllegalTransitionError(id, from, to);
    checkVersion(held, details.expectedVersion);
    const next = applyTransition(held, to, this.now().toISOString(), details);
    const event = transitionEvent(held, next, actor, details);
    const expiresAt = isTerminal(to) ? this.expiry() : undefined;
    // The keys of the events written so far, to stamp the expiry on them too. The write is
    // conditional on the held version, and every event comes with a version bump, so when it
    // commits these are all of them.
    const earlier = expiresAt === undefined ? [] : await this.eventKeys(id);
    const items = transitionItems(this.tableName, held, next, event, expiresAt, earlier);
    for (let attempt = 1; ; attempt++) {
      const reasons = await this.transact('transition', items);
      if (!reasons) return next;
      const [request, audit] = reasons;
      if (request?.Code === CONDITION_FAILED) {
        const actual = oldStatus(request) as RequestStatus | undefined;
        throw actual ? new TransitionConflictError(id, from, actual) : new RequestNotFoundError(id);
      }
      if (audit?.Code === CONDITION_FAILED) throw new TransitionConflictError(id, from, undefined);
      if (reasons.slice(3).some((r) => r.Code === CONDITION_FAILED)) {
        // An earlier event vanished (TTL can only delete it after its expiry: not a live request).
        throw new TransitionConflictError(id, from, undefined);
      }
      if (attempt >= MAX_ATTEMPTS) throw new LedgerUnavailableError('transition', 'TransactionConflict');
      await pause(attempt);
    }
  }

  async amend(
    id: string,
    expectedVersion: number,
    actor: string,
    details: AmendDetails,
  ): Promise<ChatOpsRequest> {
    const current = await this.get(id);
    if (!current) throw new RequestNotFoundError(id);
    checkVersion(current, expectedVersion);
    const next = applyAmend(current, this.now().toISOString(), details);
    const items = transitionItems(
      this.tableName,
      current,
      next,
      amendEvent(current, next, actor, details),
      undefined,
    );
    for (let attempt = 1; ; attempt++) {
      const reasons = await this.transact('amend', items);
      if (!reasons) return next;
      const [request, audit] = reasons;
      if (request?.Code === CONDITION_FAILED || audit?.Code === CONDITION_FAILED) {
        const actual = oldStatus(request) as RequestStatus | undefined;
        throw new TransitionConflictError(id, current.status, actual);
      }
      if (attempt >= MAX_ATTEMPTS) throw new LedgerUnavailableError('amend', 'TransactionConflict');
      await pause(attempt);
    }
  }

  private expiry(): number {
    return epochSeconds(this.now()) + this.retentionSeconds;
  }

  private async eventKeys(id: string): Promise<Record<string, string>[]> {
    const keys: Record<string, string>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const input = historyQuery(this.tableName, id, start, true);
      const out = await this.call('transition', () => this.client.send(new QueryCommand(input)));
      for (const item of out.Items ?? []) {
        keys.push({ [PARTITION_KEY]: String(item[PARTITION_KEY]), [SORT_KEY]: String(item[SORT_KEY]) });
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  /** {@link Deduplicator.claim} with the standard one-hour marker. */
  claim(id: string): Promise<boolean> {
    return this.claimOnce(id);
  }

  /** {@link Deduplicator.release}: deletes the `DEDUP#<id>` marker (idempotent). */
  async release(id: string): Promise<void> {
    try {
      await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: dedupKey(id) }));
    } catch (err) {
      throw toLedgerError('release', err);
    }
  }

  /**
   * Puts the `DEDUP#<id>` marker unless a live one exists; true when this call claimed it. Expired
   * markers that TTL has not deleted yet count as absent (TTL deletion is lazy:
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ttl-expired-items.html).
   */
  async claimOnce(dedupId: string, ttlSeconds = DEDUP_TTL_SECONDS): Promise<boolean> {
    const now = epochSeconds(this.now());
    const put = new PutCommand({
      TableName: this.tableName,
      Item: { ...dedupKey(dedupId), type: 'DEDUP', [TTL_ATTRIBUTE]: now + ttlSeconds },
      ConditionExpression: `${NOT_EXISTS} OR #exp <= :now`,
      ExpressionAttributeNames: { '#exp': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':now': now },
    });
    try {
      await this.client.send(put);
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
      throw toLedgerError('claim', err);
    }
  }

  private async byIdempotencyKey(key: string): Promise<ChatOpsRequest | undefined> {
    const get = new GetCommand({ TableName: this.tableName, Key: idempotencyKey(key), ConsistentRead: true });
    const out = await this.call('create', () => this.client.send(get));
    const requestId = out.Item?.requestId;
    if (typeof requestId !== 'string') return undefined;
    const request = await this.get(requestId);
    if (!request) throw new RequestNotFoundError(requestId);
    return request;
  }

  private async list(index: IndexNames, partition: string, ascending: boolean, options: ListOptions) {
    const limit = pageSize(options.limit);
    const input = listQuery(this.tableName, index, partition, ascending, limit, options.cursor);
    const out = await this.call('list', () => this.client.send(new QueryCommand(input)));
    const items = out.Items ?? [];
    // More than `limit` items: the next page starts after the last one shown. Otherwise DynamoDB's
    // own LastEvaluatedKey (present only when it stopped early, e.g. at 1 MB).
    const last = items.length > limit ? items[limit - 1] : out.LastEvaluatedKey;
    const page: Page<ChatOpsRequest> = { items: items.slice(0, limit).map(fromRequestItem) };
    if (last) page.cursor = encodeCursor(positionOf(last, index));
    return page;
  }

  /** Runs a transaction: undefined when it committed, else the per-item cancellation reasons. */
  private async transact(operation: string, items: TransactItems) {
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (err) {
      return readCancellation(operation, err);
    }
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw toLedgerError(operation, err);
    }
  }
}
