/** What RequestStatus needs from outside, and the factory that builds it. */
import type { Ledger } from '../ledger/ledger.port';

export interface RequestStatusDeps {
  ledger: Ledger;
}

/**
 * RequestStatus's deps: the ledger it reads.
 * @example
 * const deps = requestStatusDeps({ ledger: new MemoryLedger() });
 */
export function requestStatusDeps(ports: { ledger: Ledger }): RequestStatusDeps {
  return { ledger: ports.ledger };
}
