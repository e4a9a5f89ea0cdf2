/** MemoryLedger and MemoryDeduplicator against the shared contracts. */
import { MemoryDeduplicator, MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import { describeDeduplicatorContract, describeLedgerContract } from './ledger-contract';

describeLedgerContract('MemoryLedger', async (now) => new MemoryLedger({ now }));

describeDeduplicatorContract('MemoryDeduplicator', async (now) => new MemoryDeduplicator({ now }));
