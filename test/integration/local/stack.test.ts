/**
 * The composition root in-process, as `npm start` runs it behind the terminal chat: DynamoDB Local,
 * the local Lex runtime, the Bolt app over HTTP and the built-in Slack emulator, driven by the chat
 * session; `stop()` leaves no DynamoDB Local Java process behind.
 */
import { execFileSync } from 'node:child_process';
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { silentLogger } from '../../../handlers/logger';
import type { EmailNotification } from '../../../local/notifications';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import type { ChatSession } from '../../../local/terminal-chat/chat-session';
import { attachChat } from '../support/chat-session';
import { eventually } from '../support/eventually';

/** Java processes started by this (jest worker) process. */
function childJavas(): number[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, command]) => Number(ppid) === process.pid && command === 'java')
    .map(([pid]) => Number(pid));
}

describe('startLocalStack (built-in Slack emulator)', () => {
  let stack: LocalStack;
  let session: ChatSession;
  const printed: string[] = [];
  const emails: EmailNotification[] = [];
  let javasBefore: number[];

  beforeAll(async () => {
    // Jest's global setup may run its own DynamoDB Local from this very process (in-band runs).
    javasBefore = childJavas();
    stack = await startLocalStack({
      config: parseConfig(localConfig),
      logger: silentLogger,
      sink: (n) => emails.push(n),
    });
    session = attachChat(stack, printed);
  }, 90_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  it('answers a typed question in the terminal chat with the sandbox pipeline status', async () => {
    // Prepare
    const line = 'status of pipeline payments-api';

    // Act
    await session.handleLine(line);
    await eventually(() => printed.some((l) => l.includes('payments-api')));

    // Assess
    expect(printed[0]).toBe('chatops:');
    expect(printed.join('\n')).toMatch(/Build/);
  }, 30_000);

  it('confirms a new account with a numbered button and notifies both approvers', async () => {
    // Prepare
    printed.length = 0;
    await session.handleLine('create a sandbox account called data-lab for dana@example.com under Workloads');
    await eventually(() => printed.some((l) => l.includes('[1] Yes')));

    // Act
    await session.handleLine('1');
    await eventually(() => emails.length === 2);

    // Assess
    expect(emails.map((e) => e.to)).toEqual(['bob@example.com', 'carol@example.com']);
    expect(emails[0]?.body).toContain(`${stack.approvalsUrl}/REQ-`);
  }, 30_000);

  it('stops everything, DynamoDB Local’s Java process included', async () => {
    // Prepare
    const ours = childJavas().filter((pid) => !javasBefore.includes(pid));
    expect(ours).toHaveLength(1);

    // Act
    await stack.stop();

    // Assess
    expect(childJavas().filter((pid) => ours.includes(pid))).toEqual([]);
  }, 30_000);
});
