/**
 * DynamoLedger's wire behaviour with a mocked document client (aws-sdk-client-mock): the exact
 * TransactWriteItems of a transition, and how throttling, cancellations and conflicts surface.
 * Behaviour against a real engine is covered by the integration test on DynamoDB Local.
 */
import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoLedger } from '../../../../handlers/ledger/dynamo-ledger';
import { LedgerUnavailableError } from '../../../../handlers/ledger/ledger.port';
import { type ChatOpsRequest, initialRequest } from '../../../../handlers/ledger/request';
import { toRequestItem } from '../../../../handlers/ledger/table-schema';
import { RequestNotFoundError, TransitionConflictError } from '../../../../handlers/ledger/transitions';
import { newRequest } from './ledger-contract';

const TABLE = 'chatops-ledger';
const NOW = new Date('2030-01-01T00:00:00.000Z');
const ddb = mockClient(DynamoDBDocumentClient);
const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ledger = (retentionDays?: number) =>
  new DynamoLedger({
    client: docClient,
    tableName: TABLE,
    now: () => NOW,
    retentionDays,
    newId: () => 'REQ-5G8H3N7Q',
  });

const input = newRequest('UALICE0001');
const pending: ChatOpsRequest = {
  ...initialRequest(input, 'REQ-5G8H3N7Q', '2029-12-31T23:00:00.000Z'),
  status: 'PENDING_APPROVAL',
  version: 2,
};
const cancelled = (...reasons: object[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons,
  });

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({ Item: toRequestItem(pending) });
});

describe('DynamoLedger.transition request shape', () => {
  it('updates on status and version and puts the audit event only if absent, in one transaction', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    await ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001', {
      approver: 'UBOB00001',
    });
    // Assess
    const calls = ddb.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      TransactItems: [
        {
          Update: {
            TableName: TABLE,
            Key: { PK: 'REQ#REQ-5G8H3N7Q', SK: 'META' },
            UpdateExpression:
              'SET #status = :status, #version = :version, #updatedAt = :updatedAt, #GSI2PK = :GSI2PK, ' +
              '#approver = :approver REMOVE #externalIds, #reason, #approval, #expiresAt',
            ConditionExpression: '#status = :from AND #version = :v',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#version': 'version',
              '#updatedAt': 'updatedAt',
              '#GSI2PK': 'GSI2PK',
              '#approver': 'approver',
              '#externalIds': 'externalIds',
              '#reason': 'reason',
              '#approval': 'approval',
              '#expiresAt': 'expiresAt',
            },
            ExpressionAttributeValues: {
              ':from': 'PENDING_APPROVAL',
              ':v': 2,
              ':status': 'APPROVED',
              ':version': 3,
              ':updatedAt': NOW.toISOString(),
              ':GSI2PK': 'STATUS#APPROVED',
              ':approver': 'UBOB00001',
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          Put: {
            TableName: TABLE,
            Item: {
              PK: 'REQ#REQ-5G8H3N7Q',
              SK: `EVT#${NOW.toISOString()}#000003`,
              type: 'EVENT',
              requestId: 'REQ-5G8H3N7Q',
              at: NOW.toISOString(),
              seq: 3,
              actor: 'UBOB00001',
              action: 'TRANSITION',
              fromStatus: 'PENDING_APPROVAL',
              toStatus: 'APPROVED',
              details: { approver: 'UBOB00001' },
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    });
  });

  it('sets expiresAt on a terminal request, its idempotency pointer and every audit event', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});
    const eventKeys = [
      { PK: `REQ#${pending.id}`, SK: 'EVT#2029-12-31T23:59:58.000Z#000001' },
      { PK: `REQ#${pending.id}`, SK: 'EVT#2029-12-31T23:59:59.000Z#000002' },
    ];
    ddb.on(QueryCommand).resolves({ Items: eventKeys });
    const expiresAt = NOW.getTime() / 1000 + 30 * 86_400;
    // Act
    await ledger(30).advance(pending, 'REJECTED', 'UBOB00001');
    // Assess
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      ConsistentRead: true,
      ProjectionExpression: '#pk, #sk',
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(5);
    expect(items[0]?.Update?.ExpressionAttributeValues).toMatchObject({ ':expiresAt': expiresAt });
    expect(items[1]?.Put?.Item).toMatchObject({ toStatus: 'REJECTED', expiresAt });
    expect(items.slice(3)).toEqual(
      eventKeys.map((Key) => ({
        Update: {
          TableName: TABLE,
          Key,
          UpdateExpression: 'SET #exp = :exp',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#exp': 'expiresAt' },
          ExpressionAttributeValues: { ':exp': expiresAt },
        },
      })),
    );
    expect(items[2]).toEqual({
      Update: {
        TableName: TABLE,
        Key: { PK: `IDEMP#${pending.idempotencyKey}`, SK: 'META' },
        UpdateExpression: 'SET #rid = :rid, #exp = :exp',
        ExpressionAttributeNames: { '#rid': 'requestId', '#exp': 'expiresAt' },
        ExpressionAttributeValues: { ':rid': pending.id, ':exp': expiresAt },
      },
    });
  });
});

describe('DynamoLedger failures', () => {
  const writes = () =>
    ddb.commandCalls(TransactWriteCommand).length +
    ddb.commandCalls(PutCommand).length +
    ddb.commandCalls(UpdateCommand).length;

  it('surfaces ProvisionedThroughputExceededException as LedgerUnavailableError without writing', async () => {
    // Prepare
    ddb
      .on(GetCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    // Act
    const attempt = ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(LedgerUnavailableError);
    await expect(attempt).rejects.toMatchObject({
      code: 'LEDGER_UNAVAILABLE',
      details: { operation: 'get' },
    });
    expect(writes()).toBe(0);
  });

  it('surfaces a throttled transaction as LedgerUnavailableError and sends it only once', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(new ThrottlingException({ message: 'throttled', $metadata: {} }));
    // Act
    const attempt = ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001');
    // Assess
    await expect(attempt).rejects.toMatchObject({
      code: 'LEDGER_UNAVAILABLE',
      details: { awsError: 'ThrottlingException' },
    });
    expect(writes()).toBe(1);
  });

  it('surfaces a cancellation for ThrottlingError as LedgerUnavailableError', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ThrottlingError' }, { Code: 'None' }));
    // Act
    const attempt = ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(LedgerUnavailableError);
  });

  it('reports the status found by the failed condition (ALL_OLD) as a TransitionConflictError', async () => {
    // Prepare
    const old = { Code: 'ConditionalCheckFailed', Item: { status: { S: 'REJECTED' }, version: { N: '3' } } };
    ddb.on(TransactWriteCommand).rejects(cancelled(old, { Code: 'None' }));
    // Act
    const attempt = ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(TransitionConflictError);
    await expect(attempt).rejects.toMatchObject({
      details: { expected: 'PENDING_APPROVAL', actual: 'REJECTED' },
    });
  });

  it('reports a request deleted before the write as RequestNotFoundError', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }, { Code: 'None' }));
    // Act
    const attempt = ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(RequestNotFoundError);
  });

  it('retries a TransactionConflict cancellation with the same items', async () => {
    // Prepare
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled({ Code: 'TransactionConflict' }, { Code: 'None' }))
      .resolves({});
    // Act
    const moved = await ledger().transition(pending.id, 'PENDING_APPROVAL', 'APPROVED', 'UBOB00001');
    // Assess
    const calls = ddb.commandCalls(TransactWriteCommand);
    expect(moved.status).toBe('APPROVED');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input).toEqual(calls[0]?.args[0].input);
  });

  it('returns the existing request when the idempotency pointer already exists', async () => {
    // Prepare
    ddb
      .on(TransactWriteCommand)
      .rejects(cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }));
    ddb.on(GetCommand, { Key: { PK: `IDEMP#${pending.idempotencyKey}`, SK: 'META' } }).resolves({
      Item: { requestId: pending.id },
    });
    // Act
    const result = await ledger().create(input);
    // Assess
    expect(result).toEqual({ request: pending, created: false });
  });

  it('rethrows errors that are bugs, not outages, unchanged', async () => {
    // Prepare
    const bug = Object.assign(new Error('Invalid UpdateExpression'), {
      name: 'ValidationException',
      $fault: 'client',
    });
    ddb.on(GetCommand).rejects(bug);
    // Act
    const attempt = ledger().get(pending.id);
    // Assess
    await expect(attempt).rejects.toBe(bug);
  });
});
