/** MemoryLedger and MemoryDeduplicator against the shared contracts, plus its list indexes. */
import { MemoryDeduplicator, MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import {
  allPages,
  describeDeduplicatorContract,
  describeLedgerContract,
  newRequest,
} from './ledger-contract';

describeLedgerContract(
  'MemoryLedger',
  async (now) => new MemoryLedger({ now }),
  async (ledger, request) => ledger.expiries(request.id),
);

describeDeduplicatorContract('MemoryDeduplicator', async (now) => new MemoryDeduplicator({ now }));

describe('MemoryLedger list indexes', () => {
  const sameInstant = () => new Date('2026-01-01T00:00:00.000Z');
  let seq = 0;
  const newId = () => `R${String(100 - ++seq).padStart(3, '0')}`;

  beforeEach(() => {
    seq = 0;
  });

  it('orders requests created at the same instant by id, page by page, newest first', async () => {
    // Prepare
    const ledger = new MemoryLedger({ now: sameInstant, newId });
    const user = newRequest().requester.slackUserId;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await ledger.create(newRequest(user))).request.id);
    await ledger.create(newRequest());
    // Act
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await ledger.listByRequester(user, { limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((r) => r.id));
      cursor = page.cursor;
    } while (cursor);
    // Assess
    const descending = [...ids].sort().reverse();
    expect(pages).toEqual([descending.slice(0, 3), descending.slice(3, 6), descending.slice(6)]);
  });

  it('moves requests between status lists and keeps each list in (createdAt, id) order', async () => {
    // Prepare
    const ledger = new MemoryLedger({ now: sameInstant, newId });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await ledger.create(newRequest())).request.id);
    const moved = [ids[1], ids[4], ids[2]].filter((id): id is string => id !== undefined);
    // Act
    for (const id of moved) await ledger.transition(id, 'RECEIVED', 'PENDING_APPROVAL', 'router');
    const pending = await allPages((cursor) => ledger.listByStatus('PENDING_APPROVAL', { limit: 2, cursor }));
    const received = await allPages((cursor) => ledger.listByStatus('RECEIVED', { limit: 2, cursor }));
    // Assess
    expect(pending.map((r) => r.id)).toEqual([...moved].sort());
    expect(pending.every((r) => r.status === 'PENDING_APPROVAL')).toBe(true);
    expect(received.map((r) => r.id)).toEqual(ids.filter((id) => !moved.includes(id)).sort());
  });

  it('continues a page after the request under its cursor has left the list', async () => {
    // Prepare
    const ledger = new MemoryLedger({ now: sameInstant, newId });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await ledger.create(newRequest())).request.id);
    const first = await ledger.listByStatus('RECEIVED', { limit: 2 });
    const lastShown = first.items[1]?.id ?? '';
    // Act
    await ledger.transition(lastShown, 'RECEIVED', 'PENDING_APPROVAL', 'router');
    const second = await ledger.listByStatus('RECEIVED', { limit: 2, cursor: first.cursor });
    // Assess
    expect(second.items.map((r) => r.id)).toEqual([...ids].sort().slice(2));
    expect(second.cursor).toBeUndefined();
  });
});
