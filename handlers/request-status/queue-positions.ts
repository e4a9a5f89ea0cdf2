/**
 * Queue positions of `QUEUED` requests (account vending's quota queue): 1-based, per intent, in
 * the order they were queued (the ledger lists a status oldest first). Read by "status REQ-…" and
 * App Home.
 */
import type { Ledger } from '../ledger/ledger.port';

/** Request id → position among the queued requests of its intent (every page of `QUEUED`). */
export async function queuePositions(ledger: Ledger): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  const perIntent = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await ledger.listByStatus('QUEUED', { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const request of page.items) {
      const next = (perIntent.get(request.intent) ?? 0) + 1;
      perIntent.set(request.intent, next);
      positions.set(request.id, next);
    }
    cursor = page.cursor;
  } while (cursor);
  return positions;
}
