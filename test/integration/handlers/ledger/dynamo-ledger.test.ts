/**
 * DynamoLedger against DynamoDB Local (started by the integration global setup): the shared Ledger
 * and Deduplicator contracts on one fresh table per file, plus the TTL attributes actually stored.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoLedger } from '../../../../handlers/ledger/dynamo-ledger';
import type { StoredExpiries } from '../../../../handlers/ledger/memory-ledger';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';
import {
  dedupKey,
  idempotencyKey,
  requestKey,
  TTL_ATTRIBUTE,
} from '../../../../handlers/ledger/table-schema';
import {
  describeDeduplicatorContract,
  describeLedgerContract,
  newRequest,
} from '../../../unit/handlers/ledger/ledger-contract';
import { freshLedgerTable, type LedgerTable } from '../../support/dynamo';

let table: LedgerTable;

beforeAll(async () => {
  table = await freshLedgerTable();
});

afterAll(() => {
  table.client.destroy();
});

const ledgerAt = (now: () => Date, retentionDays?: number) =>
  new DynamoLedger({ client: table.docClient, tableName: table.tableName, now, retentionDays });

const rawItem = async (key: Record<string, string>) =>
  (await table.docClient.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true })))
    .Item;

/** The expiries stored on the request, its idempotency pointer and its event items (raw items). */
async function storedExpiries(request: ChatOpsRequest): Promise<StoredExpiries> {
  const out = await table.docClient.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
      ExpressionAttributeValues: { ':pk': `REQ#${request.id}`, ':evt': 'EVT#' },
      ConsistentRead: true,
    }),
  );
  const requestAt = (await rawItem(requestKey(request.id)))?.[TTL_ATTRIBUTE];
  const pointerAt = (await rawItem(idempotencyKey(request.idempotencyKey)))?.[TTL_ATTRIBUTE];
  return {
    ...(requestAt === undefined ? {} : { request: requestAt }),
    ...(pointerAt === undefined ? {} : { pointer: pointerAt }),
    events: (out.Items ?? []).map((item) => item[TTL_ATTRIBUTE]),
  };
}

describeLedgerContract(
  'DynamoLedger',
  async (now) => ledgerAt(now),
  (_ledger, request) => storedExpiries(request),
);

describeDeduplicatorContract('DynamoLedger', async (now) => ledgerAt(now));

describe('DynamoLedger TTL attributes', () => {
  const now = new Date('2030-01-01T00:00:00.000Z');
  const nowSeconds = now.getTime() / 1000;

  it('stores a de-dup marker that expires one hour later and refuses a second claim', async () => {
    // Prepare
    const ledger = ledgerAt(() => now);
    // Act
    const first = await ledger.claimOnce('Ev0SLACKRETRY1');
    const second = await ledger.claimOnce('Ev0SLACKRETRY1');
    // Assess
    expect([first, second]).toEqual([true, false]);
    expect((await rawItem(dedupKey('Ev0SLACKRETRY1')))?.[TTL_ATTRIBUTE]).toBe(nowSeconds + 3600);
  });

  it('sets expiresAt on terminal requests (and their idempotency pointer) only', async () => {
    // Prepare
    const ledger = ledgerAt(() => now, 30);
    const input = newRequest();
    const { request } = await ledger.create(input);
    // Act
    await ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'router');
    const pending = await rawItem(requestKey(request.id));
    await ledger.transition(request.id, 'PENDING_APPROVAL', 'REJECTED', 'UBOB00001', {
      approver: 'UBOB00001',
    });
    // Assess
    const expiresAt = nowSeconds + 30 * 86_400;
    expect(pending?.[TTL_ATTRIBUTE]).toBeUndefined();
    expect((await rawItem(requestKey(request.id)))?.[TTL_ATTRIBUTE]).toBe(expiresAt);
    expect(await rawItem(idempotencyKey(input.idempotencyKey))).toMatchObject({
      requestId: request.id,
      [TTL_ATTRIBUTE]: expiresAt,
    });
    expect(await ledger.get(request.id)).not.toHaveProperty(TTL_ATTRIBUTE);
  });
});
