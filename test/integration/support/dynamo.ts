/**
 * Integration-test helper: a fresh, uniquely named ledger table on the DynamoDB Local that the
 * integration project's global setup started (`DYNAMODB_ENDPOINT`).
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLedgerTable } from '../../../handlers/ledger/table-schema';
import { localDynamoClient } from '../../../local/dynamodb-local';

export interface LedgerTable {
  client: DynamoDBClient;
  docClient: DynamoDBDocumentClient;
  tableName: string;
}

/** Creates a new ledger table (with its indexes and TTL) and clients for it. Call `client.destroy()` after. */
export async function freshLedgerTable(): Promise<LedgerTable> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    throw new Error('DYNAMODB_ENDPOINT is not set: run this through the jest "integration" project.');
  }
  const client = localDynamoClient(endpoint);
  const tableName = `ledger-${randomUUID()}`;
  await createLedgerTable(client, tableName);
  return { client, docClient: DynamoDBDocumentClient.from(client), tableName };
}
