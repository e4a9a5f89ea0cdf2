/**
 * `npm start -- --headless --slack-api-url URL` as a child process (DESIGN §5): the first stdout
 * line names the endpoints and the signing secret; a signed message gets a reply at the Web API
 * given by URL (this test's Slack emulator); SIGTERM stops everything, DynamoDB Local's Java
 * process included.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SANDBOX_BOT, SANDBOX_TEAM_ID, SANDBOX_USERS } from '../../../local/sandbox-users';
import { SlackSender } from '../../../local/slack-emulator/sender';
import { type SlackWebApiEmulator, startSlackWebApi } from '../../../local/slack-emulator/web-api';

const ROOT = join(__dirname, '..', '..', '..');
const TOKEN = 'xoxb-headless-test-token';

interface Endpoints {
  slackEvents: string;
  approvals: string;
  lex: string;
  signingSecret: string;
}

/** Pids of every descendant of `root` with their command names (Linux `ps`). */
function descendants(root: number): { pid: number; command: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, command]) => ({ pid: Number(pid), ppid: Number(ppid), command: command ?? '' }));
  const found: { pid: number; command: string }[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift();
    for (const row of rows.filter((r) => r.ppid === parent)) {
      found.push({ pid: row.pid, command: row.command });
      queue.push(row.pid);
    }
  }
  return found;
}

interface Button {
  action_id?: string;
  value?: string;
}

/** The button with `actionId` in a message's blocks. */
function findButton(blocks: unknown, actionId: string): Button | undefined {
  const elements = (Array.isArray(blocks) ? blocks : []).flatMap((b: { elements?: unknown }) =>
    Array.isArray(b.elements) ? (b.elements as Button[]) : [],
  );
  return elements.find((e) => e.action_id === actionId);
}

const hasButton = (blocks: unknown, actionId: string) => findButton(blocks, actionId) !== undefined;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start -- --headless', () => {
  let api: SlackWebApiEmulator;
  let child: ChildProcess;
  let lines: string[];
  let endpoints: Endpoints;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    api = await startSlackWebApi({
      botToken: TOKEN,
      teamId: SANDBOX_TEAM_ID,
      botUserId: SANDBOX_BOT.userId,
      botId: SANDBOX_BOT.botId,
      users: SANDBOX_USERS,
    });
    const { SLACK_APP_TOKEN: _app, ...env } = process.env;
    // `node --import tsx` keeps main.ts in this one child process (the tsx CLI would add a wrapper).
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local/main.ts', '--headless', '--slack-api-url', api.url],
      { cwd: ROOT, env: { ...env, SLACK_BOT_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    lines = [];
    const first = new Promise<string>((resolve) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        lines.push(line);
        if (lines.length === 1) resolve(line);
      });
    });
    endpoints = JSON.parse(await first) as Endpoints;
  }, 90_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await api.stop();
  }, 30_000);

  it('prints the endpoints and the signing secret as its first line', () => {
    // Prepare
    const pattern = /^http:\/\/127\.0\.0\.1:\d+/;

    // Act
    const keys = Object.keys(endpoints);

    // Assess
    expect(keys).toEqual(['slackEvents', 'approvals', 'lex', 'signingSecret']);
    expect(endpoints.slackEvents).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
    expect(endpoints.approvals).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/approvals$/);
    expect(endpoints.lex).toMatch(pattern);
    expect(endpoints.signingSecret.length).toBeGreaterThanOrEqual(16);
  });

  it('answers a signed DM with a chat.postMessage at the given Web API', async () => {
    // Prepare
    const sender = new SlackSender({
      eventsUrl: endpoints.slackEvents,
      signingSecret: endpoints.signingSecret,
      teamId: SANDBOX_TEAM_ID,
    });

    // Act
    const sent = await sender.sendMessage({ user: 'UALICE0001', text: 'help' });
    const reply = await api.waitForCall('chat.postMessage', (c) => c.args.channel === 'DALICE0001', 30_000);

    // Assess
    expect(sent.status).toBe(200);
    expect(reply.result.ok).toBe(true);
    expect(String(reply.args.text).length).toBeGreaterThan(0);
  }, 40_000);

  it('prints one email JSON line per approver when a request needs approval', async () => {
    // Prepare
    const sender = new SlackSender({
      eventsUrl: endpoints.slackEvents,
      signingSecret: endpoints.signingSecret,
      teamId: SANDBOX_TEAM_ID,
    });
    const text = 'create a sandbox account called data-lab for dana@example.com under Workloads';
    await sender.sendMessage({ user: 'UBOB00001', text });
    const question = await api.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'DBOB00001' && hasButton(c.args.blocks, 'lex_confirm_yes'),
      30_000,
    );
    const yes = findButton(question.args.blocks, 'lex_confirm_yes');

    // Act
    const click = await sender.sendBlockAction({
      user: 'UBOB00001',
      channel: 'DBOB00001',
      messageTs: String(question.result.ts),
      actionId: 'lex_confirm_yes',
      value: yes?.value ?? '',
      message: question.result.message as Record<string, unknown>,
    });
    await waitFor(() => lines.length >= 3, 30_000);

    // Assess
    const emails = lines
      .slice(1)
      .map((l) => JSON.parse(l) as { type: string; to: string; subject: string; body: string });
    expect(click.status).toBe(200);
    expect(emails.map((e) => [e.type, e.to])).toEqual([
      ['email', 'bob@example.com'],
      ['email', 'carol@example.com'],
    ]);
    expect(emails[0]?.subject).toMatch(/^Approval needed: VendAccount REQ-[0-9A-Z]{8}$/);
    expect(emails[0]?.body).toContain(`${endpoints.approvals}/REQ-`);
  }, 60_000);

  it('rejects a request signed with another secret', async () => {
    // Prepare
    const impostor = new SlackSender({
      eventsUrl: endpoints.slackEvents,
      signingSecret: 'not-the-secret',
      teamId: SANDBOX_TEAM_ID,
    });

    // Act
    const sent = await impostor.sendMessage({ user: 'UALICE0001', text: 'help' });

    // Assess
    expect(sent.status).toBe(401);
  });

  it('serves the approval API: a link without a valid token changes nothing', async () => {
    // Prepare
    const url = `${endpoints.approvals}/REQ-5G8H3N7Q`;

    // Act
    const response = await fetch(url);

    // Assess
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('Nothing was changed.');
  });

  it('stops on SIGTERM with no DynamoDB Local Java process left behind', async () => {
    // Prepare
    const javas = descendants(child.pid ?? -1).filter((p) => p.command === 'java');
    expect(javas).toHaveLength(1);

    // Act
    child.kill('SIGTERM');
    const code = await exited;

    // Assess
    expect(code).toBe(0);
    for (const java of javas) expect(isAlive(java.pid)).toBe(false);
    expect(lines.slice(1).every((l) => JSON.parse(l).type === 'email')).toBe(true);
  }, 30_000);
});
