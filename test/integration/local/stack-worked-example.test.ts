/**
 * The worked example (ListOuAccounts) on the local stack, turned on by config alone: DynamoDB
 * Local, the local Lex runtime built from the config's catalog, Bolt over HTTP and the Slack
 * emulator, driven by the terminal chat. Nothing but `examples.enabled` differs from `npm start`.
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { silentLogger } from '../../../handlers/logger';
import { SANDBOX_USERS } from '../../../local/sandbox-users';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import { ChatSession } from '../../../local/terminal-chat/chat-session';

async function eventually(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the worked example on the local stack', () => {
  let stack: LocalStack;
  let session: ChatSession;
  const printed: string[] = [];

  beforeAll(async () => {
    stack = await startLocalStack({
      config: parseConfig({ ...localConfig, examples: { enabled: true } }),
      logger: silentLogger,
      sink: () => {},
      dynamodbLocalEndpoint: process.env.DYNAMODB_ENDPOINT ?? '',
    });
    if (!stack.emulator || !stack.sender) throw new Error('no emulator');
    session = new ChatSession({
      emulator: stack.emulator,
      sender: stack.sender,
      users: SANDBOX_USERS,
      print: (lines) => printed.push(...lines),
      onQuit: () => {},
    });
    session.attach();
  }, 90_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  it('asks which OU with buttons, then lists its accounts and records the request in the ledger (DynamoDB Local)', async () => {
    // Prepare
    printed.length = 0;

    // Act
    await session.handleLine('which accounts are in an organizational unit');
    await eventually(() => printed.some((l) => l.includes('Security')));
    await session.handleLine('Security');
    await eventually(() => printed.some((l) => l.includes('audit (333333333333)')));

    // Assess
    const text = printed.join('\n');
    expect(text).toContain('Which organizational unit?');
    expect(text).toContain('2 accounts in Security (ou-sec1-33333333):');
    const id = /REQ-[0-9A-Z]{8}/.exec(text)?.[0] ?? '';
    printed.length = 0;
    await session.handleLine(`status of ${id}`);
    await eventually(() => printed.some((l) => l.includes('SUCCEEDED')));
    expect(printed.join('\n')).toContain(id);
  }, 60_000);

  it('names the example in help', async () => {
    // Prepare
    printed.length = 0;

    // Act
    await session.handleLine('help');
    await eventually(() => printed.some((l) => l.includes('organizational unit')));

    // Assess
    expect(printed.join('\n')).toContain('List the AWS accounts in an organizational unit.');
  }, 60_000);
});
