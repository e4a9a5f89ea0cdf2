/**
 * The deployed entry point end to end against DynamoDB Local: the Lambda builds its dependencies
 * from the environment (TABLE_NAME, the SDK's AWS_ENDPOINT_URL_DYNAMODB, IDENTITY_KEY_SECRET_ID read
 * through Powertools parameters from a mocked Secrets Manager) and answers Lex events. A
 * `never`-policy write request is handed to the execution queue (SQS mocked) with its id only.
 */
import { GetUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import {
  ListAccountsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import organizations from '../../fixtures/aws/organizations-small.json';
import { TEST_IDENTITY_KEY } from '../../kit/identity';
import { lexEvent, messageOf, requestIdIn, slot } from '../../kit/lex-events';
import { freshLedgerTable, type LedgerTable } from '../support/dynamo';

describe('handlers/fulfillment.lambda handler', () => {
  let table: LedgerTable;
  let handler: typeof import('../../../handlers/fulfillment.lambda').handler;
  const saved = { ...process.env };
  const secrets = mockClient(SecretsManagerClient);
  const sqs = mockClient(SQSClient);
  const iam = mockClient(IAMClient);
  const executionQueueUrl = 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-dev-executions';
  // The deployed code hook checks VendAccount against the real Organizations API (mocked here).
  const org = mockClient(OrganizationsClient);

  beforeAll(async () => {
    table = await freshLedgerTable();
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: process.env.DYNAMODB_ENDPOINT,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LOG_LEVEL: 'SILENT',
      IDENTITY_KEY_SECRET_ID: 'chatops/identity-key',
      EXECUTION_QUEUE_URL: executionQueueUrl,
      CHAT_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-dev-chat',
    });
    secrets
      .on(GetSecretValueCommand, { SecretId: 'chatops/identity-key' })
      .resolves({ SecretString: JSON.stringify({ current: TEST_IDENTITY_KEY }) });
    org.on(ListRootsCommand).resolves(organizations.ListRoots);
    for (const [ParentId, page] of Object.entries(organizations.ListOrganizationalUnitsForParent))
      org.on(ListOrganizationalUnitsForParentCommand, { ParentId }).resolves(page);
    org.on(ListAccountsCommand).resolves(organizations.ListAccounts);
    ({ handler } = await import('../../../handlers/fulfillment.lambda'));
  });

  afterAll(() => {
    process.env = saved;
    secrets.restore();
    sqs.restore();
    iam.restore();
    org.restore();
    table.client.destroy();
  });

  it('files a write request in DynamoDB, pending approval, with its audit trail', async () => {
    // Prepare
    const event = lexEvent('fulfillment-vend-account', 'alice', 'Ev0LAMBDA001');
    // Act
    const response = await handler(event);
    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(response.sessionState.intent?.state).toBe('Fulfilled');
    const item = await table.docClient.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: `REQ#${id}`, SK: 'META' } }),
    );
    expect(item.Item).toMatchObject({ status: 'PENDING_APPROVAL', intent: 'VendAccount' });
    const events = await table.docClient.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
        ExpressionAttributeValues: { ':pk': `REQ#${id}`, ':evt': 'EVT#' },
      }),
    );
    expect(events.Items?.map((e) => e.toStatus)).toEqual(['RECEIVED', 'PENDING_APPROVAL']);
  });

  it('answers a status question about that request from the same table', async () => {
    // Prepare
    const filed = await handler(lexEvent('fulfillment-vend-account', 'bob', 'Ev0LAMBDA002'));
    const id = requestIdIn(messageOf(filed)) ?? '';
    const question = lexEvent('fulfillment-request-status', 'bob');
    question.sessionState.intent.slots.RequestId = slot(id.replace('-', '').toLowerCase());
    // Act
    const response = await handler(question);
    // Assess
    expect(messageOf(response)).toContain(`Request ${id}: VendAccount is PENDING_APPROVAL.`);
  });

  it('refuses an event whose identity was signed with another key, reading the secret once', async () => {
    // Prepare
    const event = lexEvent('fulfillment-vend-account', 'carol', 'Ev0LAMBDA003');
    event.requestAttributes = {
      ...event.requestAttributes,
      'chatops:signature': `v1=${'0'.repeat(64)}`,
    };
    // Act
    const response = await handler(event);
    // Assess
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toContain("couldn't verify who you are");
    // Powertools caches the secret (maxAge 300 s): one read for every event of this container.
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('hands a never-policy request (rotating your own key) to the execution queue and says so', async () => {
    // Prepare: Alice's own IAM user, with one key; the queue accepts the message.
    sqs.reset();
    iam.reset();
    sqs.on(SendMessageCommand).resolves({ MessageId: '5fea7756-0ea4-451a-a703-a558b933e274' });
    iam.on(GetUserCommand).resolves({
      User: {
        UserName: 'alice',
        Path: '/',
        UserId: 'AIDAEXAMPLEALICE0001',
        Arn: 'arn:aws:iam::111111111111:user/alice',
        CreateDate: new Date('2024-01-01T00:00:00Z'),
      },
    });
    iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    const event = lexEvent('fulfillment-rotate-own-key', 'alice', 'Ev0LAMBDA004');

    // Act
    const response = await handler(event);

    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(messageOf(response)).toContain(`Request ${id} is approved by policy and handed to execution.`);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: executionQueueUrl, MessageBody: JSON.stringify({ requestId: id }) },
    ]);
    const item = await table.docClient.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: `REQ#${id}`, SK: 'META' } }),
    );
    expect(item.Item).toMatchObject({ status: 'APPROVED', intent: 'RotateAccessKey' });
  });

  it('fails the turn when the execution queue refuses the hand-off, so the replayed turn hands it off', async () => {
    // Prepare
    sqs.reset();
    sqs
      .on(SendMessageCommand)
      .rejectsOnce(Object.assign(new Error('throttled'), { name: 'RequestThrottled' }))
      .resolves({ MessageId: '6a1f5c2e-0ea4-451a-a703-a558b933e275' });
    const event = () => {
      const e = lexEvent('fulfillment-rotate-own-key', 'bob', 'Ev0LAMBDA005');
      e.sessionState.intent.slots.UserName = slot('bob');
      return e;
    };

    // Act
    const first = await handler(event());
    const replayed = await handler(event());

    // Assess
    const id = requestIdIn(messageOf(replayed)) ?? '';
    expect(first.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(replayed)).toContain(`Request ${id} is approved by policy and handed to execution.`);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input.MessageBody)).toEqual([
      JSON.stringify({ requestId: id }),
      JSON.stringify({ requestId: id }),
    ]);
  });
});
