/**
 * The test kit for intent handlers, one import for a framework user's tests (CONTRIBUTING.md,
 * "Add an intent"):
 * - `codeHookEvent` / `lexEvent`: Lex V2 code-hook events with a signed verified identity;
 * - `kitDeps` / `testConfig`: deps with the sandbox twins and an in-memory ledger;
 * - `startConversation`: a whole conversation through the local Lex runtime, in process, as text;
 * - `recordAws` / `expectDeclared`: the AWS calls made (aws-sdk-client-mock) against `awsNeeds`.
 *
 * @example
 * const chat = await startConversation({ config: testConfig({ examples: { enabled: true } }) });
 * const reply = await chat.say('list the accounts in Security');
 * expect(reply.text).toContain('audit (333333333333)');
 * const [request] = await chat.requests();
 * expect((await chat.history(request.id)).map((e) => e.toStatus)).toEqual(['RECEIVED', 'SUCCEEDED']);
 */
export { type AwsRecorder, expectDeclared, recordAws, undeclaredActions } from './aws';
export { type Conversation, messagesText, type Reply, startConversation } from './conversation';
export { type KitDepsOptions, kitDeps, testConfig } from './deps';
export {
  SANDBOX_USERS,
  type SandboxUserName,
  signedForTest,
  signedIdentity,
  TEST_IDENTITY_KEY,
  testIdentityKeys,
} from './identity';
export {
  type CodeHookEventOptions,
  codeHookEvent,
  type FixtureEvent,
  lexEvent,
  messageOf,
  requestIdIn,
  slot,
  textOf,
} from './lex-events';
