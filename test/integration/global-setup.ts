/**
 * Jest global setup of the `integration` project: starts DynamoDB Local once (in memory, free port)
 * and publishes its endpoint as `DYNAMODB_ENDPOINT`; test workers start after this and inherit it.
 * The handle stays on `globalThis` for global-teardown.ts (same process).
 */
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb-local';

/** Where the running DynamoDB Local is kept for global-teardown.ts (which uses the same key). */
const DYNAMODB_LOCAL_HANDLE = Symbol.for('chatops.test.dynamoDbLocal');

/** Starts DynamoDB Local for the integration tests. */
async function globalSetup(): Promise<void> {
  const local: DynamoDbLocal = await startDynamoDbLocal();
  (globalThis as Record<symbol, unknown>)[DYNAMODB_LOCAL_HANDLE] = local;
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
}

// Jest requires the module itself to be the function; `export =` gives it that without a default export.
export = globalSetup;
