/**
 * The ledger / de-dup store a bench child opens: the in-memory twins (each process has its own) or
 * the shared DynamoDB Local table the parent started, reached over HTTP like the real table.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
  /** DynamoDB calls so far by operation (e.g. `TransactWriteItems`); empty for the memory store. */
  calls(): Record<string, number>;
  close(): void;
}

/** Opens the store `config` names. */
export function openBenchStore(config: BenchStoreConfig): BenchStore {
  if (config.kind === 'memory') {
    return {
      ledger: new MemoryLedger(),
      dedup: new MemoryDeduplicator(),
      calls: () => ({}),
      close: () => {},
    };
  }
  const client = localDynamoClient(config.endpoint);
  const calls = countDynamoCalls(client);
  const ledger = new DynamoLedger({
    client: DynamoDBDocumentClient.from(client),
    tableName: config.tableName,
  });
  return { ledger, dedup: ledger, calls, close: () => client.destroy() };
}

/**
 * Counts every call `client` sends, by operation (SDK middleware at the initialize step, so the
 * document client's commands count as the DynamoDB operations they become). Returns a reader.
 */
export function countDynamoCalls(client: DynamoDBClient): () => Record<string, number> {
  const counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => (args) => {
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counts[operation] = (counts[operation] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );
  return () => ({ ...counts });
}
