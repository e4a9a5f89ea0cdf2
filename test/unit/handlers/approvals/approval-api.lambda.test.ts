import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { QueryCommand as DocQueryCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { getEvent } from './support/api-events';

const secrets = mockClient(SecretsManagerClient);
const dynamo = mockClient(DynamoDBClient);
const documents = mockClient(DynamoDBDocumentClient);

describe('approval-api.lambda handler', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    secrets.reset();
    dynamo.reset();
    documents.reset();
    process.env.TABLE_NAME = 'chatops-ledger';
    process.env.APPROVAL_KEY_SECRET_ID = 'chatops/approval-keys';
    process.env.EXECUTION_QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-executions';
    process.env.AWS_REGION = 'us-east-1';
    process.env.CHAT_QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-chat';
    secrets.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ current: Buffer.alloc(32, 1).toString('base64') }),
    });
    for (const client of [dynamo, documents]) {
      client.on(GetItemCommand as never).resolves({} as never);
      client.on(GetCommand as never).resolves({} as never);
      client.on(QueryCommand as never).resolves({ Items: [] } as never);
      client.on(DocQueryCommand as never).resolves({ Items: [] } as never);
    }
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  it('builds its deps once and answers an unknown request with the 404 page and the security headers', async () => {
    // Prepare
    const { handler } = await import('../../../../handlers/approvals/approval-api.lambda');
    const event = getEvent({ id: 'REQ-0000AAAA', token: 'v1.REQ-0000AAAA.Ym9i.1.d.s' });

    // Act
    const first = await handler(event, {} as Context);
    const second = await handler(getEvent({ id: 'REQ-0000AAAA', token: 'x', method: 'PUT' }), {} as Context);

    // Assess
    expect(first.statusCode).toBe(404);
    expect(first.headers?.['x-frame-options']).toBe('DENY');
    expect(first.body).toContain('Nothing was changed.');
    expect(second.statusCode).toBe(405);
  });
});
