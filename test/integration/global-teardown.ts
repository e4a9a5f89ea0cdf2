/** Jest global teardown of the `integration` project: stops the DynamoDB Local of global-setup.ts. */
import type { DynamoDbLocal } from '../../local/dynamodb-local';

/** The key global-setup.ts stored the handle under (a module using `export =` has no other exports). */
const DYNAMODB_LOCAL_HANDLE = Symbol.for('chatops.test.dynamoDbLocal');

/** Stops DynamoDB Local (waits for the Java process to exit). */
async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<symbol, unknown>;
  const local = store[DYNAMODB_LOCAL_HANDLE] as DynamoDbLocal | undefined;
  delete store[DYNAMODB_LOCAL_HANDLE];
  await local?.stop();
}

// Jest requires the module itself to be the function; `export =` gives it that without a default export.
export = globalTeardown;
