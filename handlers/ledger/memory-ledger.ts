/**
 * In-process twins of the ledger and the de-duplicator for unit tests and the sandbox. They pass the
 * same contract suite as the DynamoDB adapters: same errors, ordering, idempotency and pagination.
 * Every read and write deep-copies (`structuredClone`) so callers cannot change stored state. Each
 * method does its checks and writes without awaiting in between, which makes it atomic in one
 * event loop (the twin of DynamoDB's conditional writes).
 */
import { ValidationError } from '../errors';
import { DEDUP_TTL_SECONDS, type Deduplicator } from './dedup.port';
import { decodeCursor, encodeCursor, type Ledger, type ListOptions, pageSize } from './ledger.port';
import {
  type AuditEvent,
  type ChatOpsRequest,
  createdEvent,
  initialRequest,
  type NewRequest,
  type Page,
  type RequestStatus,
  type TransitionDetails,
} from './request';
import { newRequestId } from './request-id';
import {
  applyTransition,
  IllegalTransitionError,
  isAllowedTransition,
  RequestNotFoundError,
  TransitionConflictError,
  transitionEvent,
} from './transitions';

export interface MemoryLedgerOptions {
  now?: () => Date;
  newId?: () => string;
}

const copy = <T>(value: T): T => structuredClone(value);
const byTime = (r: ChatOpsRequest) => `${r.createdAt}#${r.id}`;
/** Code-unit order, as DynamoDB orders (ASCII) sort keys; not locale order. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class MemoryLedger implements Ledger {
  private readonly requests = new Map<string, ChatOpsRequest>();
  private readonly idempotencyKeys = new Map<string, string>();
  private readonly events = new Map<string, AuditEvent[]>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(options: MemoryLedgerOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => newRequestId());
  }

  async create(input: NewRequest): Promise<{ request: ChatOpsRequest; created: boolean }> {
    const existing = this.requests.get(this.idempotencyKeys.get(input.idempotencyKey) ?? '');
    if (existing) return { request: copy(existing), created: false };
    let id = this.newId();
    while (this.requests.has(id)) id = this.newId();
    const request = initialRequest(copy(input), id, this.now().toISOString());
    this.requests.set(id, request);
    this.idempotencyKeys.set(input.idempotencyKey, id);
    this.events.set(id, [createdEvent(request)]);
    return { request: copy(request), created: true };
  }

  async get(id: string): Promise<ChatOpsRequest | undefined> {
    const request = this.requests.get(id);
    return request && copy(request);
  }

  async listByRequester(slackUserId: string, options: ListOptions = {}): Promise<Page<ChatOpsRequest>> {
    const list = `requester:${slackUserId}`;
    return this.list(list, (r) => r.requester.slackUserId === slackUserId, false, options);
  }

  async listByStatus(status: RequestStatus, options: ListOptions = {}): Promise<Page<ChatOpsRequest>> {
    return this.list(`status:${status}`, (r) => r.status === status, true, options);
  }

  async history(id: string): Promise<AuditEvent[]> {
    return copy(this.events.get(id) ?? []).sort((a, b) => a.seq - b.seq);
  }

  async transition(
    id: string,
    from: RequestStatus,
    to: RequestStatus,
    actor: string,
    details: TransitionDetails = {},
  ): Promise<ChatOpsRequest> {
    if (!isAllowedTransition(from, to)) throw new IllegalTransitionError(id, from, to);
    const current = this.requests.get(id);
    if (!current) throw new RequestNotFoundError(id);
    if (current.status !== from) throw new TransitionConflictError(id, from, current.status);
    const next = applyTransition(current, to, this.now().toISOString(), copy(details));
    this.requests.set(id, next);
    this.events.get(id)?.push(transitionEvent(current, next, actor, copy(details)));
    return copy(next);
  }

  /** Sorted by (createdAt, id) like the DynamoDB indexes; the cursor holds the last key shown. */
  private list(
    list: string,
    match: (r: ChatOpsRequest) => boolean,
    ascending: boolean,
    options: ListOptions,
  ): Page<ChatOpsRequest> {
    const limit = pageSize(options.limit);
    const after = options.cursor === undefined ? undefined : position(options.cursor, list);
    const sorted = [...this.requests.values()]
      .filter(match)
      .sort((a, b) => (ascending ? 1 : -1) * compare(byTime(a), byTime(b)))
      .filter((r) => after === undefined || (ascending ? byTime(r) > after : byTime(r) < after));
    const items = sorted.slice(0, limit);
    const page: Page<ChatOpsRequest> = { items: items.map(copy) };
    const last = items[limit - 1];
    if (sorted.length > limit && last) page.cursor = encodeCursor({ list, after: byTime(last) });
    return page;
  }
}

function position(cursor: string, list: string): string {
  const { list: cursorList, after } = decodeCursor(cursor);
  if (cursorList !== list || after === undefined) {
    throw new ValidationError(
      'cursor',
      'The page cursor belongs to another list; start again from the first page.',
    );
  }
  return after;
}

export interface MemoryDeduplicatorOptions {
  now?: () => Date;
  ttlSeconds?: number;
}

/** In-process {@link Deduplicator}: an id can be claimed again once its marker has expired. */
export class MemoryDeduplicator implements Deduplicator {
  private readonly expiries = new Map<string, number>();
  private readonly now: () => Date;
  private readonly ttlMs: number;

  constructor(options: MemoryDeduplicatorOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.ttlMs = (options.ttlSeconds ?? DEDUP_TTL_SECONDS) * 1000;
  }

  async claim(id: string): Promise<boolean> {
    const now = this.now().getTime();
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.set(id, now + this.ttlMs);
    return true;
  }
}
