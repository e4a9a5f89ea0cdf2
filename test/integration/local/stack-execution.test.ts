/**
 * An approved write request completes offline: with VendAccount's approval policy set to `never`,
 * the local stack's executions run the sandbox executor and post the outcome back in Alice's DM
 * through the SlackChatNotifier and the built-in Slack emulator.
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { silentLogger } from '../../../handlers/logger';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import type { ChatSession } from '../../../local/terminal-chat/chat-session';
import { attachChat } from '../support/chat-session';
import { eventually } from '../support/eventually';

describe('local stack: an approved request runs to completion', () => {
  let stack: LocalStack;
  let session: ChatSession;
  const printed: string[] = [];

  beforeAll(async () => {
    stack = await startLocalStack({
      config: parseConfig({ ...localConfig, intents: { VendAccount: { approval: 'never' } } }),
      logger: silentLogger,
      sink: () => {},
      store: 'memory',
    });
    session = attachChat(stack, printed);
  }, 90_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  it('posts the simulated outcome back to the requester in Slack', async () => {
    // Prepare
    await session.handleLine('create a sandbox account called data-lab for dana@example.com under Workloads');
    await eventually(() => printed.some((l) => l.includes('[1] Yes')));

    // Act
    await session.handleLine('1');
    await eventually(() => printed.some((l) => l.includes('succeeded')));

    // Assess
    const text = printed.join('\n');
    const [, id = '', accountId = ''] =
      /Request (REQ-[0-9A-Z]{8}) succeeded: account data-lab is ready, account id (\d{12})\./.exec(text) ??
      [];
    expect(id).not.toBe('');
    expect(text).toContain(`Request ${id}: provisioning started for account data-lab.`);
    expect(text).toContain(`Request ${id} is approved by policy and handed to execution.`);
    expect(text).not.toContain('It will need approval');
    expect(text.slice(text.indexOf(accountId))).toContain('(Sandbox: simulated AWS');
  }, 40_000);
});
