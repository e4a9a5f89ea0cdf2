/**
 * `DynamoLedger`: the request ledger on one DynamoDB table (layout: ./table-schema.ts, command
 * shapes: ./dynamo-commands.ts) through an injected `DynamoDBDocumentClient`, plus de-dup markers.
 *
 * - create: one TransactWriteItems putting the request, its `IDEMP#<key>` pointer and the CREATED
 *   event, each `attribute_not_exists`; a failed pointer condition means the key was used, so the
 *   existing request comes back with `created: false`.
 * - transition: checked against ALLOWED_TRANSITIONS first, then one TransactWriteItems: Update the
 *   request on `status = from AND version = v` (ALL_OLD on failure names the actual status) and Put
 *   the audit event `attribute_not_exists`. Terminal requests and their pointer get `expiresAt`.
 * - Throttling/outages: the SDK's standard retry strategy handles them (TransactWriteItems carries
 *   an SDK-generated ClientRequestToken, so a retried transaction applies once); what still fails
 *   becomes LedgerUnavailableError. `TransactionConflict` cancellations (another transaction on the
 *   same item in flight) are not retried by the SDK, so we retry those a few times here.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DEDUP_TTL_SECONDS, type Deduplicator } from './dedup.port';
import {
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
  requesterPartition,
  requestKey,
  statusPartition,
  TTL_ATTRIBUTE,
} from './table-schema';
import {
  amendEvent,
  applyAmend,
  applyTransition,
  checkVersion,
  IllegalTransitionError,
  isAllowedTransition,
  RequestNotFoundError,
  TERMINAL_STATUSES,
  TransitionConflictError,
  transitionEvent,
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

  async create(input: NewRequest): Promise<{ request: ChatOpsRequest; created: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const request = initialRequest(input, this.newId(), this.now().toISOString());
      const reasons = await this.transact('create', createItems(this.tableName, request));
      if (!reasons) return { request, created: true };
      if (reasons[1]?.Code === CONDITION_FAILED) {
        const existing = await this.byIdempotencyKey(input.idempotencyKey);
        if (existing) return { request: existing, created: false };
      }
      // Otherwise an id collision (a fresh id next time) or a TransactionConflict: try again.
      if (attempt >= MAX_ATTEMPTS) throw new LedgerUnavailableError('create', 'TransactionCanceledException');
      await pause(attempt);
    }
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
    const current = await this.get(id);
    if (!current) throw new RequestNotFoundError(id);
    if (current.status !== from) throw new TransitionConflictError(id, from, current.status);
    checkVersion(current, details.expectedVersion);
    const next = applyTransition(current, to, this.now().toISOString(), details);
    const event = transitionEvent(current, next, actor, details);
    const expiresAt = TERMINAL_STATUSES.includes(to)
      ? epochSeconds(this.now()) + this.retentionSeconds
      : undefined;
    return this.write('transition', current, next, event, expiresAt);
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
    return this.write('amend', current, next, amendEvent(current, next, actor, details), undefined);
  }

  /** The conditional request update + audit put of a transition or amend, retried on TransactionConflict. */
  private async write(
    operation: string,
    current: ChatOpsRequest,
    next: ChatOpsRequest,
    event: AuditEvent,
    expiresAt: number | undefined,
  ): Promise<ChatOpsRequest> {
    const items = transitionItems(this.tableName, current, next, event, expiresAt);
    for (let attempt = 1; ; attempt++) {
      const reasons = await this.transact(operation, items);
      if (!reasons) return next;
      const [request, audit] = reasons;
      if (request?.Code === CONDITION_FAILED) {
        const actual = oldStatus(request) as RequestStatus | undefined;
        if (!actual) throw new RequestNotFoundError(current.id);
        throw new TransitionConflictError(current.id, current.status, actual);
      }
      if (audit?.Code === CONDITION_FAILED)
        throw new TransitionConflictError(current.id, current.status, undefined);
      if (attempt >= MAX_ATTEMPTS) throw new LedgerUnavailableError(operation, 'TransactionConflict');
      await pause(attempt);
    }
  }

  /** {@link Deduplicator.claim} with the standard one-hour marker. */
  claim(id: string): Promise<boolean> {
    return this.claimOnce(id);
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
