/**
 * The ledger / de-dup store a bench child opens: the in-memory twins (each process has its own) or
 * the shared DynamoDB Local table the parent started, reached over HTTP like the real table.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Deduplicator } from '../../handlers/ledger/dedup.port';
import { DynamoLedger } from '../../handlers/ledger/dynamo-ledger';
import type { Ledger } from '../../handlers/ledger/ledger.port';
import { MemoryDeduplicator, MemoryLedger } from '../../handlers/ledger/memory-ledger';
import { localDynamoClient } from '../../local/dynamodb-local';

export type BenchStoreConfig =
  | { kind: 'memory' }
  | { kind: 'dynamodb-local'; endpoint: string; tableName: string };

export interface BenchStore {
  ledger: Ledger;
  dedup: Deduplicator;
  close(): void;
}

/** Opens the store `config` names. */
export function openBenchStore(config: BenchStoreConfig): BenchStore {
  if (config.kind === 'memory') {
    return { ledger: new MemoryLedger(), dedup: new MemoryDeduplicator(), close: () => {} };
  }
  const client = localDynamoClient(config.endpoint);
  const ledger = new DynamoLedger({
    client: DynamoDBDocumentClient.from(client),
    tableName: config.tableName,
  });
  return { ledger, dedup: ledger, close: () => client.destroy() };
}
