/**
 * In-process twins of the ledger and the de-duplicator for unit tests and the sandbox. They pass the
 * same contract suite as the DynamoDB adapters: same errors, ordering, idempotency and pagination.
 * Every read and write deep-copies so callers cannot change stored state (`plainCopy`, cheaper than
 * `structuredClone` on this hot path). Lists read sorted
 * per-requester and per-status indexes (the twins of the DynamoDB GSIs) instead of sorting every
 * stored request per call. Each method does its checks and writes without awaiting in between,
 * which makes it atomic in one event loop (the twin of DynamoDB's conditional writes).
 */

import { plainCopy } from '../../kernel/plain-copy';
import { ValidationError } from '../errors';
import { DEDUP_TTL_SECONDS, type Deduplicator } from './dedup.port';
import { decodeCursor, encodeCursor, type Ledger, type ListOptions, pageSize } from './ledger.port';
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

export interface MemoryLedgerOptions {
  now?: () => Date;
  newId?: () => string;
  /** Days a terminal request is kept (its expiry; the twin of DynamoDB's TTL, default 400). */
  retentionDays?: number;
}

/** The retention expiries (epoch seconds) stored with a request, for tests of the TTL rule. */
export interface StoredExpiries {
  request?: number;
  pointer?: number;
  /** One per audit event, oldest first. */
  events: (number | undefined)[];
}

const byTime = (r: ChatOpsRequest) => `${r.createdAt}#${r.id}`;

/**
 * Request ids in (createdAt, id) order — code-unit order, as DynamoDB orders (ASCII) sort keys, not
 * locale order. Keys never change: createdAt and id are fixed at creation.
 */
class SortedIndex {
  private readonly keys: string[] = [];
  private readonly ids: string[] = [];

  insert(key: string, id: string): void {
    const at = this.firstAtOrAfter(key);
    this.keys.splice(at, 0, key);
    this.ids.splice(at, 0, id);
  }

  remove(key: string): void {
    const at = this.firstAtOrAfter(key);
    if (this.keys[at] !== key) return;
    this.keys.splice(at, 1);
    this.ids.splice(at, 1);
  }

  /** Up to `limit` ids after `after` in the given direction, and whether more follow. */
  page(ascending: boolean, after: string | undefined, limit: number): { ids: string[]; more: boolean } {
    if (ascending) {
      let start = after === undefined ? 0 : this.firstAtOrAfter(after);
      if (after !== undefined && this.keys[start] === after) start += 1;
      return { ids: this.ids.slice(start, start + limit), more: this.ids.length > start + limit };
    }
    const end = after === undefined ? this.ids.length : this.firstAtOrAfter(after);
    const from = Math.max(0, end - limit);
    return { ids: this.ids.slice(from, end).reverse(), more: from > 0 };
  }

  /** Binary search: the first position whose key is >= `key`. */
  private firstAtOrAfter(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function indexIn(indexes: Map<string, SortedIndex>, name: string): SortedIndex {
  const index = indexes.get(name) ?? new SortedIndex();
  indexes.set(name, index);
  return index;
}

export class MemoryLedger implements Ledger {
  private readonly requests = new Map<string, ChatOpsRequest>();
  private readonly idempotencyKeys = new Map<string, string>();
  /** Unique value → the live request holding it. */
  private readonly claims = new Map<string, string>();
  private readonly events = new Map<string, AuditEvent[]>();
  private readonly byRequester = new Map<string, SortedIndex>();
  private readonly byStatus = new Map<string, SortedIndex>();
  /** Expiry (epoch seconds) per request id; set on the request, its pointer and events at once. */
  private readonly expiresAt = new Map<string, number>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly retentionSeconds: number;

  constructor(options: MemoryLedgerOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => newRequestId());
    this.retentionSeconds = (options.retentionDays ?? 400) * 86_400;
  }

  async create(
    input: NewRequest,
    path: readonly InitialStep[] = [],
  ): Promise<{ request: ChatOpsRequest; created: boolean }> {
    const existing = this.requests.get(this.idempotencyKeys.get(input.idempotencyKey) ?? '');
    if (existing) return { request: plainCopy(existing), created: false };
    let id = this.newId();
    while (this.requests.has(id)) id = this.newId();
    const initial = initialRequest(plainCopy(input), id, this.now().toISOString());
    const { request, events } = planCreate(initial, createdEvent(initial), plainCopy(path));
    const claims = isTerminal(request.status) ? [] : (request.uniqueKeys ?? []);
    const taken = claims.find((key) => this.claims.has(key));
    if (taken !== undefined) throw new UniqueKeyTakenError(taken, this.claims.get(taken));
    for (const key of claims) this.claims.set(key, id);
    this.requests.set(id, request);
    this.idempotencyKeys.set(input.idempotencyKey, id);
    indexIn(this.byRequester, request.requester.slackUserId).insert(byTime(request), id);
    indexIn(this.byStatus, request.status).insert(byTime(request), id);
    this.events.set(id, events);
    if (isTerminal(request.status)) this.expiresAt.set(id, this.expiry());
    return { request: plainCopy(request), created: true };
  }

  /** The expiries stored with request `id` (the request, its pointer and each event share one). */
  expiries(id: string): StoredExpiries {
    const at = this.expiresAt.get(id);
    return {
      ...(at === undefined ? {} : { request: at, pointer: at }),
      events: (this.events.get(id) ?? []).map(() => at),
    };
  }

  private expiry(): number {
    return Math.floor(this.now().getTime() / 1000) + this.retentionSeconds;
  }

  async uniqueHolder(key: string): Promise<string | undefined> {
    return this.claims.get(key);
  }

  async get(id: string): Promise<ChatOpsRequest | undefined> {
    const request = this.requests.get(id);
    return request && plainCopy(request);
  }

  async listByRequester(slackUserId: string, options: ListOptions = {}): Promise<Page<ChatOpsRequest>> {
    return this.list(`requester:${slackUserId}`, this.byRequester.get(slackUserId), false, options);
  }

  async listByStatus(status: RequestStatus, options: ListOptions = {}): Promise<Page<ChatOpsRequest>> {
    return this.list(`status:${status}`, this.byStatus.get(status), true, options);
  }

  async history(id: string): Promise<AuditEvent[]> {
    return plainCopy(this.events.get(id) ?? []).sort((a, b) => a.seq - b.seq);
  }

  async transition(
    id: string,
    from: RequestStatus,
    to: RequestStatus,
    actor: string,
    details: TransitionDetails = {},
  ): Promise<ChatOpsRequest> {
    if (!isAllowedTransition(from, to)) throw new IllegalTransitionError(id, from, to);
    const current = transitionable(id, from, this.requests.get(id), details.expectedVersion);
    return this.move(current, to, actor, details);
  }

  async advance(
    held: ChatOpsRequest,
    to: RequestStatus,
    actor: string,
    details: TransitionDetails = {},
  ): Promise<ChatOpsRequest> {
    const { id, status: from } = held;
    if (!isAllowedTransition(from, to)) throw new IllegalTransitionError(id, from, to);
    const current = this.requests.get(id);
    if (!current) throw new RequestNotFoundError(id);
    if (current.status !== from || current.version !== held.version) {
      throw new TransitionConflictError(id, from, current.status);
    }
    return this.move(current, to, actor, details);
  }

  /** The write of a checked transition (no await: atomic in the event loop). */
  private move(
    current: ChatOpsRequest,
    to: RequestStatus,
    actor: string,
    details: TransitionDetails,
  ): ChatOpsRequest {
    const { id } = current;
    const next = applyTransition(current, to, this.now().toISOString(), plainCopy(details));
    this.requests.set(id, next);
    if (next.status !== current.status) {
      indexIn(this.byStatus, current.status).remove(byTime(current));
      indexIn(this.byStatus, next.status).insert(byTime(next), id);
    }
    this.events.get(id)?.push(transitionEvent(current, next, actor, plainCopy(details)));
    if (isTerminal(to)) {
      this.expiresAt.set(id, this.expiry());
      for (const key of current.uniqueKeys ?? []) if (this.claims.get(key) === id) this.claims.delete(key);
    }
    return plainCopy(next);
  }

  async amend(
    id: string,
    expectedVersion: number,
    actor: string,
    details: AmendDetails,
  ): Promise<ChatOpsRequest> {
    const current = this.requests.get(id);
    if (!current) throw new RequestNotFoundError(id);
    checkVersion(current, expectedVersion);
    const next = applyAmend(current, this.now().toISOString(), plainCopy(details));
    this.requests.set(id, next);
    this.events.get(id)?.push(amendEvent(current, next, actor, plainCopy(details)));
    return plainCopy(next);
  }

  /** Sorted by (createdAt, id) like the DynamoDB indexes; the cursor holds the last key shown. */
  private list(
    list: string,
    index: SortedIndex | undefined,
    ascending: boolean,
    options: ListOptions,
  ): Page<ChatOpsRequest> {
    const limit = pageSize(options.limit);
    const after = options.cursor === undefined ? undefined : position(options.cursor, list);
    const { ids, more } = index?.page(ascending, after, limit) ?? { ids: [], more: false };
    const items = ids.flatMap((id) => {
      const request = this.requests.get(id);
      return request ? [request] : [];
    });
    const page: Page<ChatOpsRequest> = { items: items.map(plainCopy) };
    const last = items[limit - 1];
    if (more && last) page.cursor = encodeCursor({ list, after: byTime(last) });
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

  async release(id: string): Promise<void> {
    this.expiries.delete(id);
  }
}
