/**
 * The ledger's single DynamoDB table as data (DESIGN §3): key and index names, the CreateTable
 * definition, the item keys and the item ↔ model mapping. The CDK stack builds the same table from
 * these constants; tests and the local stack call {@link createLedgerTable}.
 *
 * | item             | PK                | SK                          |
 * | ---------------- | ----------------- | --------------------------- |
 * | request          | `REQ#<id>`        | `META`                      |
 * | audit event      | `REQ#<id>`        | `EVT#<iso-time>#<seq:6>`    |
 * | idempotency key  | `IDEMP#<key>`     | `META` (→ `requestId`)      |
 * | de-dup marker    | `DEDUP#<id>`      | `META` (TTL one hour)       |
 * | unique claim     | `UNIQUE#<key>`    | `META` (→ `requestId`; deleted when the request ends) |
 *
 * Requests also carry `GSI1PK=REQUESTER#<slackUserId>` / `GSI1SK=<createdAt>#<id>` (my requests,
 * by time) and `GSI2PK=STATUS#<status>` / `GSI2SK=<createdAt>#<id>` (sweeps, by time).
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { AuditEvent, ChatOpsRequest } from './request';

export const PARTITION_KEY = 'PK';
export const SORT_KEY = 'SK';
/** Epoch seconds; only de-dup markers and terminal requests (and their idempotency key) carry it. */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface IndexNames {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}
/** Requester → requests by time. */
export const BY_REQUESTER_INDEX: IndexNames = {
  indexName: 'GSI1',
  partitionKey: 'GSI1PK',
  sortKey: 'GSI1SK',
};
/** Status → requests by time. */
export const BY_STATUS_INDEX: IndexNames = { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' };

const stringKeys = (names: string[]) => names.map((n) => ({ AttributeName: n, AttributeType: 'S' as const }));
const keySchema = (pk: string, sk: string) => [
  { AttributeName: pk, KeyType: 'HASH' as const },
  { AttributeName: sk, KeyType: 'RANGE' as const },
];

/** The table definition without its name: on-demand, two GSIs projecting everything. */
export const LEDGER_TABLE_DEFINITION: Omit<CreateTableCommandInput, 'TableName'> = {
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: stringKeys([
    PARTITION_KEY,
    SORT_KEY,
    BY_REQUESTER_INDEX.partitionKey,
    BY_REQUESTER_INDEX.sortKey,
    BY_STATUS_INDEX.partitionKey,
    BY_STATUS_INDEX.sortKey,
  ]),
  KeySchema: keySchema(PARTITION_KEY, SORT_KEY),
  GlobalSecondaryIndexes: [BY_REQUESTER_INDEX, BY_STATUS_INDEX].map((ix) => ({
    IndexName: ix.indexName,
    KeySchema: keySchema(ix.partitionKey, ix.sortKey),
    Projection: { ProjectionType: 'ALL' as const },
  })),
};

export type Item = Record<string, unknown>;
export type Key = Record<string, string>;

const META = 'META';
export const EVENT_PREFIX = 'EVT#';

export const requestKey = (id: string): Key => ({ [PARTITION_KEY]: `REQ#${id}`, [SORT_KEY]: META });
export const eventKey = (id: string, at: string, seq: number): Key => ({
  [PARTITION_KEY]: `REQ#${id}`,
  [SORT_KEY]: `${EVENT_PREFIX}${at}#${String(seq).padStart(6, '0')}`,
});
export const idempotencyKey = (key: string): Key => ({ [PARTITION_KEY]: `IDEMP#${key}`, [SORT_KEY]: META });
export const dedupKey = (id: string): Key => ({ [PARTITION_KEY]: `DEDUP#${id}`, [SORT_KEY]: META });
export const uniqueClaimKey = (key: string): Key => ({ [PARTITION_KEY]: `UNIQUE#${key}`, [SORT_KEY]: META });
export const requesterPartition = (slackUserId: string) => `REQUESTER#${slackUserId}`;
export const statusPartition = (status: string) => `STATUS#${status}`;

/** The request item: the model plus its keys and index keys (`expiresAt` is added on termination). */
export function toRequestItem(request: ChatOpsRequest): Item {
  const byTime = `${request.createdAt}#${request.id}`;
  return {
    ...requestKey(request.id),
    type: 'REQUEST',
    [BY_REQUESTER_INDEX.partitionKey]: requesterPartition(request.requester.slackUserId),
    [BY_REQUESTER_INDEX.sortKey]: byTime,
    [BY_STATUS_INDEX.partitionKey]: statusPartition(request.status),
    [BY_STATUS_INDEX.sortKey]: byTime,
    ...withoutUndefined(request),
  };
}

const REQUEST_FIELDS = [
  'id',
  'intent',
  'parameters',
  'requester',
  'origin',
  'status',
  'version',
  'createdAt',
  'updatedAt',
  'idempotencyKey',
  'approver',
  'externalIds',
  'reason',
  'approval',
  'uniqueKeys',
] as const satisfies readonly (keyof ChatOpsRequest)[];

/** The model stored in a request item (keys, index keys and TTL dropped). */
export function fromRequestItem(item: Item): ChatOpsRequest {
  return pick(item, REQUEST_FIELDS) as unknown as ChatOpsRequest;
}

/** The audit event item (immutable once written). */
export function toEventItem(event: AuditEvent): Item {
  return { ...eventKey(event.requestId, event.at, event.seq), type: 'EVENT', ...withoutUndefined(event) };
}

const EVENT_FIELDS = [
  'requestId',
  'at',
  'seq',
  'actor',
  'action',
  'fromStatus',
  'toStatus',
  'details',
] as const satisfies readonly (keyof AuditEvent)[];

/** The audit event stored in an event item. */
export function fromEventItem(item: Item): AuditEvent {
  return pick(item, EVENT_FIELDS) as unknown as AuditEvent;
}

function pick(item: Item, fields: readonly string[]): Item {
  const out: Item = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out;
}

/** The document client refuses `undefined` unless configured to drop it; drop it here instead. */
function withoutUndefined<T extends object>(value: T): Item {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/**
 * Creates the ledger table, waits until it is ACTIVE and enables TTL on {@link TTL_ATTRIBUTE}.
 * For tests and the local stack; deployed tables come from CDK.
 */
export async function createLedgerTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand({ TableName: tableName, ...LEDGER_TABLE_DEFINITION }));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}
