/**
 * The one behavioural contract every `Ledger` (and every `Deduplicator`) adapter must pass. Run by
 * memory-ledger.test.ts (MemoryLedger) and the integration test (DynamoLedger on DynamoDB Local).
 * The factory gets a clock that moves one second per reading, so ordering by time is deterministic.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../../../handlers/errors';
import type { Deduplicator } from '../../../../handlers/ledger/dedup.port';
import type { Ledger } from '../../../../handlers/ledger/ledger.port';
import type { StoredExpiries } from '../../../../handlers/ledger/memory-ledger';
import type { ChatOpsRequest, NewRequest, RequestStatus } from '../../../../handlers/ledger/request';
import { isRequestId } from '../../../../handlers/ledger/request-id';
import {
  IllegalTransitionError,
  RequestNotFoundError,
  TransitionConflictError,
  UniqueKeyTakenError,
} from '../../../../handlers/ledger/transitions';

export type Clock = () => Date;

/** A clock starting now (whole seconds) that advances one second every time it is read. */
export function steppingClock(start = Math.floor(Date.now() / 1000) * 1000): Clock {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t);
  };
}

/** A request as the router would file it; every call gets a fresh idempotency key. */
export function newRequest(slackUserId = `U${randomUUID().slice(0, 8).toUpperCase()}`): NewRequest {
  return {
    intent: 'VendAccount',
    parameters: {
      AccountName: 'sandbox-alice',
      AccountEmail: 'alice+sbx@example.com',
      AccountType: 'Sandbox',
    },
    requester: { slackUserId, teamId: 'T0SANDBOX', name: 'Alice Example', email: 'alice@example.com' },
    origin: { teamId: 'T0SANDBOX', channelId: 'C0GENERAL', threadTs: '1700000000.000100' },
    idempotencyKey: `turn-${randomUUID()}`,
  };
}

/** Every item of a paged list, following cursors. */
export async function allPages(
  list: (cursor?: string) => Promise<{ items: ChatOpsRequest[]; cursor?: string }>,
): Promise<ChatOpsRequest[]> {
  const items: ChatOpsRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** Creates a request and walks it through `path` (each step from the previous status). */
async function requestIn(
  ledger: Ledger,
  path: RequestStatus[],
  input = newRequest(),
): Promise<ChatOpsRequest> {
  let { request } = await ledger.create(input);
  for (const to of path) request = await ledger.transition(request.id, request.status, to, 'system');
  return request;
}

/** Reads the retention expiries an adapter stored with a request (the twin of reading raw items). */
export type ExpiryProbe<L extends Ledger> = (ledger: L, request: ChatOpsRequest) => Promise<StoredExpiries>;

/** Registers the shared Ledger contract suite for one adapter. */
export function describeLedgerContract<L extends Ledger>(
  name: string,
  makeLedger: (now: Clock) => Promise<L>,
  expiries: ExpiryProbe<L>,
): void {
  describe(`${name} — Ledger contract`, () => {
    const clock = steppingClock();
    let ledger: L;

    beforeEach(async () => {
      ledger = await makeLedger(clock);
    });

    describeCreateAndGet(() => ledger);
    describeTransitions(() => ledger);
    describeLists(() => ledger);
    describeCreateInState(() => ledger);
    describeAdvance(() => ledger);
    describeUniqueKeys(() => ledger);
    describeRetention(
      () => ledger,
      (request) => expiries(ledger, request),
    );
  });
}

function describeUniqueKeys(ledger: () => Ledger): void {
  const claimed = () => {
    const key = `VendAccount:AccountName:lab-${randomUUID()}`;
    return { key, input: { ...newRequest(), uniqueKeys: [key] } };
  };

  it('claims a live request’s unique values with its creation and names the holder', async () => {
    // Prepare
    const { key, input } = claimed();
    // Act
    const { request } = await ledger().create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    const replay = await ledger().create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Assess: the holder is named; a replayed turn finds its own request, not a clash
    expect(await ledger().uniqueHolder(key)).toBe(request.id);
    expect((await ledger().get(request.id))?.uniqueKeys).toEqual([key]);
    expect(replay).toEqual({ request, created: false });
  });

  it('refuses a second live request claiming the same value and writes nothing for it', async () => {
    // Prepare
    const { key, input } = claimed();
    const { request: first } = await ledger().create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    const other = { ...newRequest(), uniqueKeys: [`VendAccount:AccountEmail:${randomUUID()}`, key] };
    // Act
    const refused = await ledger()
      .create(other, [{ to: 'PENDING_APPROVAL', actor: 'system' }])
      .catch((e: unknown) => e);
    // Assess
    expect(refused).toBeInstanceOf(UniqueKeyTakenError);
    expect(refused).toMatchObject({ key, holderId: first.id });
    expect(await ledger().uniqueHolder(other.uniqueKeys[0] ?? '')).toBeUndefined();
    const mine = await ledger().listByRequester(other.requester.slackUserId, { limit: 10 });
    expect(mine.items).toEqual([]);
  });

  it('lets exactly one of 10 concurrent requests for the same value be filed', async () => {
    // Prepare
    const { key } = claimed();
    const inputs = Array.from({ length: 10 }, () => ({ ...newRequest(), uniqueKeys: [key] }));
    // Act
    const results = await Promise.allSettled(
      inputs.map((i) => ledger().create(i, [{ to: 'PENDING_APPROVAL', actor: 'system' }])),
    );
    // Assess
    const filed = results.filter((r) => r.status === 'fulfilled');
    expect(filed).toHaveLength(1);
    const refusals = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
    expect(refusals.every((e) => e instanceof UniqueKeyTakenError)).toBe(true);
  });

  it('releases the value when the request ends, so a new request may claim it', async () => {
    // Prepare
    const { key, input } = claimed();
    const { request } = await ledger().create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Act
    await ledger().transition(request.id, 'PENDING_APPROVAL', 'REJECTED', 'UBOB00001');
    const { request: again } = await ledger().create({ ...newRequest(), uniqueKeys: [key] }, [
      { to: 'PENDING_APPROVAL', actor: 'system' },
    ]);
    // Assess
    expect(await ledger().uniqueHolder(key)).toBe(again.id);
  });

  it('claims nothing for a request created already ended, and a replay is not a clash', async () => {
    // Prepare
    const { key, input } = claimed();
    // Act
    await ledger().create(input, [
      { to: 'IN_PROGRESS', actor: 'system' },
      { to: 'SUCCEEDED', actor: 'system' },
    ]);
    const replayed = await ledger().create(input, [
      { to: 'IN_PROGRESS', actor: 'system' },
      { to: 'SUCCEEDED', actor: 'system' },
    ]);
    // Assess
    expect(await ledger().uniqueHolder(key)).toBeUndefined();
    expect(replayed.created).toBe(false);
  });
}

function describeCreateInState(ledger: () => Ledger): void {
  it('creates a write request directly in PENDING_APPROVAL, audited, never listed as RECEIVED', async () => {
    // Prepare
    const input = newRequest();
    // Act
    const { request, created } = await ledger().create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Assess
    expect(created).toBe(true);
    expect(request).toMatchObject({ status: 'PENDING_APPROVAL', version: 2, requester: input.requester });
    expect(await ledger().get(request.id)).toEqual(request);
    expect(await ledger().history(request.id)).toEqual([
      expect.objectContaining({ seq: 1, action: 'CREATED', toStatus: 'RECEIVED' }),
      expect.objectContaining({
        seq: 2,
        action: 'TRANSITION',
        actor: 'system',
        fromStatus: 'RECEIVED',
        toStatus: 'PENDING_APPROVAL',
      }),
    ]);
    const received = await allPages((cursor) => ledger().listByStatus('RECEIVED', { limit: 100, cursor }));
    const pending = await allPages((cursor) =>
      ledger().listByStatus('PENDING_APPROVAL', { limit: 100, cursor }),
    );
    expect(received.map((r) => r.id)).not.toContain(request.id);
    expect(pending.map((r) => r.id)).toContain(request.id);
  });

  it('records a read-only request that has run in its final state with its full audit history', async () => {
    // Prepare
    const input = newRequest();
    const path = [
      { to: 'IN_PROGRESS' as const, actor: input.requester.slackUserId },
      { to: 'SUCCEEDED' as const, actor: 'system', details: { externalIds: { executionId: 'exec-1' } } },
    ];
    // Act
    const { request } = await ledger().create(input, path);
    // Assess
    expect(request).toMatchObject({
      status: 'SUCCEEDED',
      version: 3,
      externalIds: { executionId: 'exec-1' },
    });
    expect(await ledger().get(request.id)).toEqual(request);
    const history = await ledger().history(request.id);
    expect(history.map((e) => [e.seq, e.action, e.fromStatus, e.toStatus, e.actor])).toEqual([
      [1, 'CREATED', undefined, 'RECEIVED', input.requester.slackUserId],
      [2, 'TRANSITION', 'RECEIVED', 'IN_PROGRESS', input.requester.slackUserId],
      [3, 'TRANSITION', 'IN_PROGRESS', 'SUCCEEDED', 'system'],
    ]);
    expect(history[2]?.details).toEqual({ 'externalIds.executionId': 'exec-1' });
  });

  it('refuses an illegal creation path and stores nothing', async () => {
    // Prepare
    const input = newRequest();
    // Act
    const attempt = ledger().create(input, [{ to: 'SUCCEEDED', actor: 'system' }]);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(IllegalTransitionError);
    expect((await ledger().listByRequester(input.requester.slackUserId)).items).toEqual([]);
  });

  it('is idempotent along a path too: a replay gets the first request back, nothing written', async () => {
    // Prepare
    const input = newRequest();
    const first = await ledger().create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Act
    const second = await ledger().create(input, [{ to: 'APPROVED', actor: 'policy' }]);
    // Assess
    expect(second).toEqual({ request: first.request, created: false });
    expect(await ledger().history(first.request.id)).toHaveLength(2);
  });
}

function describeAdvance(ledger: () => Ledger): void {
  it('advances a held request on its status and version, audited', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest(), [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Act
    const approved = await ledger().advance(request, 'APPROVED', 'UBOB00001', { approver: 'UBOB00001' });
    // Assess
    expect(approved).toMatchObject({ status: 'APPROVED', version: 3, approver: 'UBOB00001' });
    expect(await ledger().get(request.id)).toEqual(approved);
    expect((await ledger().history(request.id))[2]).toMatchObject({
      seq: 3,
      fromStatus: 'PENDING_APPROVAL',
      toStatus: 'APPROVED',
      actor: 'UBOB00001',
    });
  });

  it('refuses a held request whose version is stale, naming the actual status', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest(), [{ to: 'APPROVED', actor: 'policy' }]);
    const queued = await ledger().advance(request, 'QUEUED', 'worker');
    // Act
    const attempt = ledger().advance(request, 'IN_PROGRESS', 'worker');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TransitionConflictError);
    await expect(attempt).rejects.toMatchObject({ details: { expected: 'APPROVED', actual: 'QUEUED' } });
    expect(await ledger().get(request.id)).toEqual(queued);
  });

  it('lets exactly one of 20 concurrent decisions on the same held request win', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest(), [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ledger().advance(request, i % 2 === 0 ? 'APPROVED' : 'REJECTED', `UAPPROVER${i}`, {
          approver: `UAPPROVER${i}`,
        }),
      ),
    );
    // Assess
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(winners).toHaveLength(1);
    for (const loser of losers) expect(loser).toBeInstanceOf(TransitionConflictError);
    const decided = (await ledger().history(request.id)).filter((e) => e.fromStatus === 'PENDING_APPROVAL');
    expect(decided).toHaveLength(1);
  });
}

function describeRetention(
  ledger: () => Ledger,
  expiries: (request: ChatOpsRequest) => Promise<StoredExpiries>,
): void {
  it('gives a request no expiry while it is live', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest(), [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    // Act
    const stored = await expiries(request);
    // Assess
    expect(stored).toEqual({ events: [undefined, undefined] });
  });

  it('expires the audit events with their request when it becomes terminal', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest(), [{ to: 'PENDING_APPROVAL', actor: 'system' }]);
    const approved = await ledger().advance(request, 'APPROVED', 'UBOB00001', { approver: 'UBOB00001' });
    const running = await ledger().advance(approved, 'IN_PROGRESS', 'worker');
    // Act
    await ledger().advance(running, 'SUCCEEDED', 'worker');
    // Assess
    const stored = await expiries(request);
    expect(typeof stored.request).toBe('number');
    expect(stored.pointer).toBe(stored.request);
    expect(stored.events).toEqual(Array.from({ length: 5 }, () => stored.request));
  });

  it('expires every item of a request created terminal (a read-only request that has run)', async () => {
    // Prepare
    const path = [
      { to: 'IN_PROGRESS' as const, actor: 'UALICE0001' },
      { to: 'FAILED' as const, actor: 'system', details: { reason: 'THROTTLED' } },
    ];
    // Act
    const { request } = await ledger().create(newRequest(), path);
    // Assess
    const stored = await expiries(request);
    expect(typeof stored.request).toBe('number');
    expect(stored.pointer).toBe(stored.request);
    expect(stored.events).toEqual([stored.request, stored.request, stored.request]);
  });
}

function describeCreateAndGet(ledger: () => Ledger): void {
  it('creates a RECEIVED request with a CREATED audit event', async () => {
    // Prepare
    const input = newRequest();
    // Act
    const { request, created } = await ledger().create(input);
    // Assess
    expect(created).toBe(true);
    expect(isRequestId(request.id)).toBe(true);
    expect(request).toMatchObject({
      status: 'RECEIVED',
      version: 1,
      intent: 'VendAccount',
      requester: input.requester,
    });
    expect(request.updatedAt).toBe(request.createdAt);
    expect(await ledger().get(request.id)).toEqual(request);
    expect(await ledger().history(request.id)).toEqual([
      expect.objectContaining({
        action: 'CREATED',
        actor: input.requester.slackUserId,
        toStatus: 'RECEIVED',
        seq: 1,
      }),
    ]);
  });

  it('is idempotent on the idempotency key and writes no second audit event', async () => {
    // Prepare
    const input = newRequest();
    const first = await ledger().create(input);
    // Act
    const second = await ledger().create({ ...input, parameters: { AccountName: 'other' } });
    // Assess
    expect(second).toEqual({ request: first.request, created: false });
    expect(await ledger().history(first.request.id)).toHaveLength(1);
  });

  it('returns undefined for a request that does not exist', async () => {
    // Prepare
    const id = 'REQ-00000000';
    // Act
    const found = await ledger().get(id);
    // Assess
    expect(found).toBeUndefined();
  });

  it('hands out copies: changing a returned request changes nothing stored', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest());
    // Act
    request.status = 'SUCCEEDED';
    request.parameters.AccountName = 'changed';
    // Assess
    expect(await ledger().get(request.id)).toMatchObject({
      status: 'RECEIVED',
      parameters: { AccountName: 'sandbox-alice' },
    });
  });
}

function describeTransitions(ledger: () => Ledger): void {
  it('moves a request along a legal transition with exactly one audit event', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest());
    // Act
    const moved = await ledger().transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'router');
    // Assess
    expect(moved).toMatchObject({ id: request.id, status: 'PENDING_APPROVAL', version: 2 });
    expect(moved.updatedAt > request.updatedAt).toBe(true);
    expect(await ledger().get(request.id)).toEqual(moved);
    const history = await ledger().history(request.id);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({
      action: 'TRANSITION',
      actor: 'router',
      fromStatus: 'RECEIVED',
      toStatus: 'PENDING_APPROVAL',
      seq: 2,
      at: moved.updatedAt,
    });
  });

  it('refuses an illegal transition and changes nothing', async () => {
    // Prepare
    const { request } = await ledger().create(newRequest());
    // Act
    const attempt = ledger().transition(request.id, 'RECEIVED', 'SUCCEEDED', 'router');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(attempt).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(await ledger().get(request.id)).toEqual(request);
    expect(await ledger().history(request.id)).toHaveLength(1);
  });

  it('rejects a stale `from` with TransitionConflictError naming the actual status', async () => {
    // Prepare
    const request = await requestIn(ledger(), ['PENDING_APPROVAL']);
    // Act
    const attempt = ledger().transition(request.id, 'RECEIVED', 'APPROVED', 'UBOB00001');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TransitionConflictError);
    await expect(attempt).rejects.toMatchObject({
      details: { expected: 'RECEIVED', actual: 'PENDING_APPROVAL' },
    });
    expect(await ledger().get(request.id)).toEqual(request);
  });

  it('rejects a transition of a missing request with RequestNotFoundError', async () => {
    // Prepare
    const id = 'REQ-ZZZZZZZZ';
    // Act
    const attempt = ledger().transition(id, 'RECEIVED', 'PENDING_APPROVAL', 'router');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(RequestNotFoundError);
  });

  it('records approver, reason and external ids (merged over the steps)', async () => {
    // Prepare
    const request = await requestIn(ledger(), ['PENDING_APPROVAL']);
    // Act
    await ledger().transition(request.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001', {
      approver: 'UBOB00001',
      reason: 'looks fine',
    });
    await ledger().transition(request.id, 'APPROVED', 'IN_PROGRESS', 'worker', {
      externalIds: { recordId: 'rec-1' },
    });
    const done = await ledger().transition(request.id, 'IN_PROGRESS', 'SUCCEEDED', 'events', {
      externalIds: { accountId: '123456789012' },
    });
    // Assess
    expect(done).toMatchObject({ status: 'SUCCEEDED', version: 5, approver: 'UBOB00001' });
    expect(done.externalIds).toEqual({ recordId: 'rec-1', accountId: '123456789012' });
    expect(done.reason).toBeUndefined();
    expect(await ledger().get(request.id)).toEqual(done);
    const approval = (await ledger().history(request.id))[2];
    expect(approval).toMatchObject({
      toStatus: 'APPROVED',
      details: { approver: 'UBOB00001', reason: 'looks fine' },
    });
  });

  it('lets exactly one of 20 concurrent decisions win', async () => {
    // Prepare
    const request = await requestIn(ledger(), ['PENDING_APPROVAL']);
    const decisions = Array.from(
      { length: 20 },
      (_, i) => (i % 2 === 0 ? 'APPROVED' : 'REJECTED') as RequestStatus,
    );
    // Act
    const results = await Promise.allSettled(
      decisions.map((to, i) =>
        ledger().transition(request.id, 'PENDING_APPROVAL', to, `UAPPROVER${i}`, {
          approver: `UAPPROVER${i}`,
        }),
      ),
    );
    // Assess
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) expect(loser).toBeInstanceOf(TransitionConflictError);
    const stored = await ledger().get(request.id);
    expect(stored).toEqual((winners[0] as PromiseFulfilledResult<ChatOpsRequest>).value);
    const decided = (await ledger().history(request.id)).filter((e) => e.fromStatus === 'PENDING_APPROVAL');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ toStatus: stored?.status, actor: stored?.approver });
  });
}

function describeLists(ledger: () => Ledger): void {
  it('lists a requester’s requests newest first, page by page', async () => {
    // Prepare
    const user = newRequest().requester.slackUserId;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await ledger().create(newRequest(user))).request.id);
    await ledger().create(newRequest());
    // Act
    const first = await ledger().listByRequester(user, { limit: 2 });
    const second = await ledger().listByRequester(user, { limit: 2, cursor: first.cursor });
    const third = await ledger().listByRequester(user, { limit: 2, cursor: second.cursor });
    // Assess
    const pages = [first, second, third].map((p) => p.items.map((r) => r.id));
    expect(pages).toEqual([ids.slice(3, 5).reverse(), ids.slice(1, 3).reverse(), ids.slice(0, 1)]);
    expect(typeof first.cursor).toBe('string');
    expect(third.cursor).toBeUndefined();
  });

  it('lists by status oldest first and reflects transitions', async () => {
    // Prepare
    const a = await requestIn(ledger(), []);
    const b = await requestIn(ledger(), []);
    const c = await requestIn(ledger(), []);
    // Act
    for (const r of [a, b]) await ledger().transition(r.id, 'RECEIVED', 'PENDING_APPROVAL', 'router');
    // Assess
    const ours = new Set([a.id, b.id, c.id]);
    const pending = await allPages((cursor) =>
      ledger().listByStatus('PENDING_APPROVAL', { limit: 3, cursor }),
    );
    const received = await allPages((cursor) => ledger().listByStatus('RECEIVED', { limit: 100, cursor }));
    expect(pending.filter((r) => ours.has(r.id)).map((r) => r.id)).toEqual([a.id, b.id]);
    expect(pending.every((r) => r.status === 'PENDING_APPROVAL')).toBe(true);
    expect(received.filter((r) => ours.has(r.id)).map((r) => r.id)).toEqual([c.id]);
  });

  it('refuses a cursor that is not one of its own', async () => {
    // Prepare
    const user = newRequest().requester.slackUserId;
    for (let i = 0; i < 2; i++) await ledger().create(newRequest(user));
    const page = await ledger().listByRequester(user, { limit: 1 });
    // Act
    const garbage = ledger().listByRequester(user, { cursor: 'not-a-cursor' });
    const foreign = ledger().listByStatus('RECEIVED', { cursor: page.cursor });
    // Assess
    await expect(garbage).rejects.toBeInstanceOf(ValidationError);
    await expect(foreign).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });
}

/** Registers the shared Deduplicator contract; the factory's claims must use the given clock. */
export function describeDeduplicatorContract(
  name: string,
  makeDeduplicator: (now: Clock) => Promise<Deduplicator>,
): void {
  describe(`${name} — Deduplicator contract`, () => {
    let time = Date.UTC(2030, 0, 1);
    let dedup: Deduplicator;

    beforeEach(async () => {
      dedup = await makeDeduplicator(() => new Date(time));
    });

    it('claims an id once and refuses repeats', async () => {
      // Prepare
      const id = `Ev${randomUUID()}`;
      // Act
      const claims = [await dedup.claim(id), await dedup.claim(id), await dedup.claim(`${id}-other`)];
      // Assess
      expect(claims).toEqual([true, false, true]);
    });

    it('allows the id again once its one-hour marker has expired', async () => {
      // Prepare
      const id = `Ev${randomUUID()}`;
      await dedup.claim(id);
      time += 3599_000;
      const withinHour = await dedup.claim(id);
      // Act
      time += 2_000;
      const afterHour = await dedup.claim(id);
      // Assess
      expect(withinHour).toBe(false);
      expect(afterHour).toBe(true);
    });
  });
}
