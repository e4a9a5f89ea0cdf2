/**
 * The DynamoDB command inputs `DynamoLedger` sends, as pure functions of the model (split out of
 * dynamo-ledger.ts to keep files small and to let unit tests read the exact shapes).
 */
import type { QueryCommandInput, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../errors';
import { decodeCursor } from './ledger.port';
import { type AuditEvent, type ChatOpsRequest, createdEvent } from './request';
import {
  BY_STATUS_INDEX,
  EVENT_PREFIX,
  type IndexNames,
  type Item,
  idempotencyKey,
  type Key,
  PARTITION_KEY,
  requestKey,
  SORT_KEY,
  statusPartition,
  TTL_ATTRIBUTE,
  toEventItem,
  toRequestItem,
  uniqueClaimKey,
} from './table-schema';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Condition for items that must not exist yet. */
export const NOT_EXISTS = `attribute_not_exists(${PARTITION_KEY})`;

/**
 * Request (in the state its creation path ends in), idempotency pointer and every audit event of
 * that path, each only if absent (index 1 = the pointer). `expiresAt` (a request created terminal)
 * goes on every item.
 */
export function createItems(
  tableName: string,
  request: ChatOpsRequest,
  events: readonly AuditEvent[] = [createdEvent(request)],
  expiresAt?: number,
): TransactItems {
  const ttl = expiresAt === undefined ? {} : { [TTL_ATTRIBUTE]: expiresAt };
  const put = (item: Item) => ({
    Put: { TableName: tableName, Item: { ...item, ...ttl }, ConditionExpression: NOT_EXISTS },
  });
  // A request created already ended holds nothing; a live one claims its unique values (last).
  const claims = expiresAt === undefined ? (request.uniqueKeys ?? []) : [];
  return [
    put(toRequestItem(request)),
    put({ ...idempotencyKey(request.idempotencyKey), type: 'IDEMPOTENCY', requestId: request.id }),
    ...events.map((event) => put(toEventItem(event))),
    ...claims.map((key) => put({ ...uniqueClaimKey(key), type: 'UNIQUE', requestId: request.id })),
  ];
}

/** Where the claims start in {@link createItems}' list (after the request, pointer and events). */
export const claimsOffset = (events: readonly AuditEvent[]) => 2 + events.length;

/** Releases a claim when its request ends (a claim of another request, or none, is left alone). */
function releaseClaim(tableName: string, key: string, requestId: string): TransactItems[number] {
  return {
    Delete: {
      TableName: tableName,
      Key: uniqueClaimKey(key),
      ConditionExpression: `${NOT_EXISTS} OR requestId = :id`,
      ExpressionAttributeValues: { ':id': requestId },
    },
  };
}

/**
 * Update of the request conditional on `current`'s status and version (old image returned on
 * failure), the audit event put only if absent, and — when `expiresAt` is given (terminal) — the
 * same expiry on the idempotency pointer and on the earlier audit events (`eventKeys`).
 */
export function transitionItems(
  tableName: string,
  current: ChatOpsRequest,
  next: ChatOpsRequest,
  event: AuditEvent,
  expiresAt: number | undefined,
  eventKeys: readonly Key[] = [],
): TransactItems {
  const fields: Record<string, unknown> = {
    status: next.status,
    version: next.version,
    updatedAt: next.updatedAt,
    [BY_STATUS_INDEX.partitionKey]: statusPartition(next.status),
    approver: next.approver,
    externalIds: next.externalIds,
    reason: next.reason,
    approval: next.approval,
    [TTL_ATTRIBUTE]: expiresAt,
  };
  const items: TransactItems = [
    { Update: { TableName: tableName, Key: requestKey(next.id), ...conditionalUpdate(fields, current) } },
    {
      Put: {
        TableName: tableName,
        Item: { ...toEventItem(event), ...(expiresAt === undefined ? {} : { [TTL_ATTRIBUTE]: expiresAt }) },
        ConditionExpression: NOT_EXISTS,
      },
    },
  ];
  if (expiresAt !== undefined) {
    items.push(expirePointer(tableName, next, expiresAt));
    for (const key of eventKeys) items.push(expireEvent(tableName, key, expiresAt));
    for (const key of current.uniqueKeys ?? []) items.push(releaseClaim(tableName, key, current.id));
  }
  return items;
}

/** An existing audit event gets its request's expiry (the event itself stays as written). */
function expireEvent(tableName: string, Key: Key, expiresAt: number): TransactItems[number] {
  return {
    Update: {
      TableName: tableName,
      Key,
      UpdateExpression: 'SET #exp = :exp',
      ConditionExpression: `attribute_exists(${PARTITION_KEY})`,
      ExpressionAttributeNames: { '#exp': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':exp': expiresAt },
    },
  };
}

/** SET every defined field, REMOVE every undefined one, on `status = :from AND version = :v`. */
function conditionalUpdate(fields: Record<string, unknown>, current: ChatOpsRequest) {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':from': current.status, ':v': current.version };
  const assignments: string[] = [];
  const removals: string[] = [];
  // Field names are plain identifiers, so they double as placeholder names (#status = :status).
  for (const [name, value] of Object.entries(fields)) {
    names[`#${name}`] = name;
    if (value === undefined) {
      removals.push(`#${name}`);
    } else {
      values[`:${name}`] = value;
      assignments.push(`#${name} = :${name}`);
    }
  }
  const remove = removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : '';
  return {
    UpdateExpression: `SET ${assignments.join(', ')}${remove}`,
    ConditionExpression: '#status = :from AND #version = :v',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** The idempotency pointer expires with its terminal request (SET both, so it is always whole). */
function expirePointer(tableName: string, request: ChatOpsRequest, expiresAt: number): TransactItems[number] {
  return {
    Update: {
      TableName: tableName,
      Key: idempotencyKey(request.idempotencyKey),
      UpdateExpression: 'SET #rid = :rid, #exp = :exp',
      ExpressionAttributeNames: { '#rid': 'requestId', '#exp': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':rid': request.id, ':exp': expiresAt },
    },
  };
}

/** One page of an index partition; asks for one extra item to know whether another page exists. */
export function listQuery(
  tableName: string,
  index: IndexNames,
  partition: string,
  ascending: boolean,
  limit: number,
  cursor: string | undefined,
): QueryCommandInput {
  return {
    TableName: tableName,
    IndexName: index.indexName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.partitionKey },
    ExpressionAttributeValues: { ':pk': partition },
    ScanIndexForward: ascending,
    Limit: limit + 1,
    ExclusiveStartKey: cursor === undefined ? undefined : startKey(cursor, index, partition),
  };
}

function startKey(cursor: string, index: IndexNames, partition: string): Record<string, string> {
  const position = decodeCursor(cursor);
  if (position[index.partitionKey] !== partition) {
    throw new ValidationError(
      'cursor',
      'The page cursor belongs to another list; start again from the first page.',
    );
  }
  return position;
}

/** The key of `item` in `index` (table key + index key): what ExclusiveStartKey needs. */
export function positionOf(item: Record<string, unknown>, index: IndexNames): Record<string, string> {
  const keys = [PARTITION_KEY, SORT_KEY, index.partitionKey, index.sortKey];
  return Object.fromEntries(keys.map((k) => [k, String(item[k])]));
}

/** The audit events of one request (one page of them); `keysOnly` projects just PK and SK. */
export function historyQuery(
  tableName: string,
  id: string,
  start: Record<string, unknown> | undefined,
  keysOnly = false,
): QueryCommandInput {
  return {
    ...(keysOnly ? { ProjectionExpression: '#pk, #sk' } : {}),
    TableName: tableName,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :evt)',
    ExpressionAttributeNames: { '#pk': PARTITION_KEY, '#sk': SORT_KEY },
    ExpressionAttributeValues: { ':pk': requestKey(id)[PARTITION_KEY], ':evt': EVENT_PREFIX },
    ConsistentRead: true,
    ExclusiveStartKey: start,
  };
}
