/**
 * `npm start -- --headless --slack-api-url URL` as a child process (DESIGN §5): the first stdout
 * line names the endpoints and the signing secret; a signed message gets a reply at the Web API
 * given by URL (this test's Slack emulator); SIGTERM stops everything, DynamoDB Local's Java
 * process included. The child inherits `CHATOPS_IDENTITY_KEY` (jest's setup file), so this test can
 * also sign identities for its local Lex runtime, and forge them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { signIdentityAttributes } from '../../../handlers/identity/identity-signature';
import { SANDBOX_BOT, SANDBOX_TEAM_ID, SANDBOX_USERS } from '../../../local/sandbox-users';
import { SlackSender } from '../../../local/slack-emulator/sender';
import { type SlackWebApiEmulator, startSlackWebApi } from '../../../local/slack-emulator/web-api';
import { TEST_IDENTITY_KEY } from '../../kit/identity';
import { localLexClient } from '../support/local-lex';

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

/** Carol (an admin in the local config) as hand-made identity attributes, unsigned. */
const CAROL_CLAIM = {
  'chatops:slackTeamId': SANDBOX_TEAM_ID,
  'chatops:slackUserId': 'UCAROL0001',
  'chatops:slackChannelId': 'DCAROL0001',
  'chatops:slackUserGroupIds': 'S0ADMINS',
};
const VEND = 'a new sandbox account called team-blue for blue@example.com under Sandbox';
/** The same kind of request through Slack; its own name and email (an open request keeps both taken). */
const VEND_VIA_SLACK = 'a new sandbox account called team-green for green@example.com under Sandbox';
const NOT_VERIFIED =
  "Sorry, I couldn't verify who you are, so I can't do that. Please use ChatOps from Slack.";

/** One RecognizeText straight to the child's local Lex runtime; the reply's text and intent. */
async function recognize(
  lex: LexRuntimeV2Client,
  sessionId: string,
  text: string,
  attrs: Record<string, string>,
) {
  const out = await lex.send(
    new RecognizeTextCommand({
      botId: 'CHATOPSBOT',
      botAliasId: 'TSTALIASID',
      localeId: 'en_US',
      sessionId,
      text,
      requestAttributes: attrs,
    }),
  );
  return {
    text: (out.messages ?? []).map((m) => m.content ?? '').join('\n'),
    intent: out.sessionState?.intent,
  };
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
  }, 180_000);

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
    expect(String(reply.args.text)).toContain('Create a new AWS account');
    expect(String(reply.args.text)).toContain('Show the status of a CodePipeline pipeline');
  }, 40_000);

  it('prints one email JSON line per approver when a request needs approval', async () => {
    // Prepare: Alice (a requester, not an approver) asks, so both approvers get their email.
    const sender = new SlackSender({
      eventsUrl: endpoints.slackEvents,
      signingSecret: endpoints.signingSecret,
      teamId: SANDBOX_TEAM_ID,
    });
    const text = 'create a sandbox account called data-lab for dana@example.com under Workloads';
    await sender.sendMessage({ user: 'UALICE0001', text });
    const question = await api.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'DALICE0001' && hasButton(c.args.blocks, 'lex_confirm_yes'),
      30_000,
    );
    const yes = findButton(question.args.blocks, 'lex_confirm_yes');

    // Act
    const click = await sender.sendBlockAction({
      user: 'UALICE0001',
      channel: 'DALICE0001',
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

  it('serves the approval page on GET and HEAD: a link without a valid token changes nothing', async () => {
    // Prepare
    const lex = localLexClient(endpoints.lex);
    const bob = () =>
      signIdentityAttributes(
        {
          'chatops:slackTeamId': SANDBOX_TEAM_ID,
          'chatops:slackUserId': 'UBOB00001',
          'chatops:slackChannelId': 'DBOB00001',
          'chatops:slackGuest': 'false',
          // Bob's verified profile, as the Slack side signs it in from users.info.
          'chatops:slackUserName': 'Bob Example',
          'chatops:slackUserEmail': 'bob@example.com',
        },
        TEST_IDENTITY_KEY,
      );
    await recognize(lex, 'headless-page-file', VEND, bob());
    const filed = await recognize(lex, 'headless-page-file', 'yes', bob());
    const id = /REQ-[0-9A-Z]{8}/.exec(filed.text)?.[0] ?? 'missing';
    const status = async (session: string) => {
      await recognize(lex, session, 'what happened to my request', bob());
      return (await recognize(lex, session, id, bob())).text;
    };
    const before = await status('headless-page-before');
    const url = `${endpoints.approvals}/${id}?token=not-a-real-token`;

    // Act
    const get = await fetch(url);
    const head = await fetch(url, { method: 'HEAD' });
    const after = await status('headless-page-after');
    lex.destroy();

    // Assess
    expect(filed.text).toContain(`Request ${id} is waiting for approval`);
    expect(get.status).toBe(403);
    expect(get.headers.get('cache-control')).toBe('no-store');
    expect(await get.text()).toContain('Nothing was changed.');
    expect(head.status).toBe(403);
    expect(before).toContain(`${id}: VendAccount is PENDING_APPROVAL.`);
    expect(after).toBe(before);
  }, 60_000);

  it.each([
    ['unsigned', () => ({ ...CAROL_CLAIM })],
    [
      'signed with a guessed key',
      () => signIdentityAttributes(CAROL_CLAIM, 'guessed-key-guessed-key-guessed-key!'),
    ],
    [
      'signed with the right key 10 minutes ago',
      () => signIdentityAttributes(CAROL_CLAIM, TEST_IDENTITY_KEY, Date.now() - 600_000),
    ],
  ])(
    'refuses RecognizeText straight to local Lex claiming to be an admin, %s',
    async (label, attrs) => {
      // Prepare
      const lex = localLexClient(endpoints.lex);

      // Act
      const reply = await recognize(lex, `headless-forged-${label.length}`, VEND, attrs());
      lex.destroy();

      // Assess
      expect(reply.text).toBe(NOT_VERIFIED);
      expect(reply.intent?.state).toBe('Failed');
    },
    30_000,
  );

  it('lets the same request through the Slack app, which signs the identity', async () => {
    // Prepare
    const sender = new SlackSender({
      eventsUrl: endpoints.slackEvents,
      signingSecret: endpoints.signingSecret,
      teamId: SANDBOX_TEAM_ID,
    });

    // Act
    const sent = await sender.sendMessage({ user: 'UCAROL0001', text: VEND_VIA_SLACK });
    const reply = await api.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'DCAROL0001' && hasButton(c.args.blocks, 'lex_confirm_yes'),
      30_000,
    );

    // Assess
    expect(sent.status).toBe(200);
    expect(String(reply.args.text)).not.toContain("couldn't verify");
    expect(String(reply.args.text)).toContain('team-green');
  }, 40_000);

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
