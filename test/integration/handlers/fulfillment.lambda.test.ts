/**
 * The deployed entry point end to end against DynamoDB Local: the Lambda builds its dependencies
 * from the environment (TABLE_NAME, the SDK's AWS_ENDPOINT_URL_DYNAMODB, IDENTITY_KEY_SECRET_ID read
 * through Powertools parameters from a mocked Secrets Manager) and answers Lex events.
 */
import {
  ListAccountsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
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
});
