/**
 * The ledger a Lambda entry uses: a {@link DynamoLedger} on `tableName` over a document client made
 * here (once per container: entries call this while building their deps), dropping `undefined`
 * attributes as the ledger's items expect.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoLedger } from './dynamo-ledger';

export function dynamoLedgerOn(tableName: string, retentionDays?: number): DynamoLedger {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return new DynamoLedger({ client, tableName, ...(retentionDays ? { retentionDays } : {}) });
}
