/**
 * The Slack emulator against real Bolt apps over loopback: the bare echo app (signed event in →
 * chat.postMessage out, Bolt's signature and replay checks) and the terminal chat session driving a
 * small Bolt app with buttons.
 */
import { App, type BlockAction, type ButtonAction, HTTPReceiver, LogLevel } from '@slack/bolt';
import { SANDBOX_BOT, SANDBOX_TEAM_ID, SANDBOX_USERS } from '../../../local/sandbox-users';
import { SlackSender } from '../../../local/slack-emulator/sender';
import { type SlackWebApiEmulator, startSlackWebApi } from '../../../local/slack-emulator/web-api';
import { ChatSession } from '../../../local/terminal-chat/chat-session';
import { type EchoApp, listenOnLoopback, startEchoApp } from '../../bench/echo-app';

const SECRET = 'emulator-bolt-secret';
const TOKEN = 'xoxb-emulator-bolt';

async function startEmulator(): Promise<SlackWebApiEmulator> {
  return startSlackWebApi({
    botToken: TOKEN,
    teamId: SANDBOX_TEAM_ID,
    botUserId: SANDBOX_BOT.userId,
    botId: SANDBOX_BOT.botId,
    users: SANDBOX_USERS,
  });
}

/** A Bolt app that offers two buttons on any message and says which one was pressed. */
async function startButtonApp(
  slackApiUrl: string,
): Promise<{ eventsUrl: string; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({
    signingSecret: SECRET,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({ token: TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl } });
  app.message(async ({ say }) => {
    const buttons = ['Yes', 'No'].map((t) => ({
      type: 'button' as const,
      action_id: `pick_${t}`,
      value: t,
      text: { type: 'plain_text' as const, text: t },
    }));
    await say({
      text: 'Sure?',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Sure?' } },
        { type: 'actions', block_id: 'b', elements: buttons },
      ],
    });
  });
  app.action<BlockAction<ButtonAction>>(/^pick_/, async ({ ack, body, action, say }) => {
    await ack();
    await say(`${body.user.id} picked ${action.value}`);
  });
  return listenOnLoopback(receiver);
}

describe('Slack emulator with the bare Bolt echo app', () => {
  let api: SlackWebApiEmulator;
  let echo: EchoApp;
  let sender: SlackSender;

  beforeAll(async () => {
    api = await startEmulator();
    echo = await startEchoApp({ signingSecret: SECRET, botToken: TOKEN, slackApiUrl: api.url });
    sender = new SlackSender({ eventsUrl: echo.eventsUrl, signingSecret: SECRET, teamId: SANDBOX_TEAM_ID });
  });

  afterAll(async () => {
    await echo.stop();
    await api.stop();
  });

  it('turns a signed message event into a chat.postMessage at the emulator', async () => {
    // Prepare
    const text = `hello ${Date.now()}`;

    // Act
    const sent = await sender.sendMessage({ user: 'UALICE0001', text });
    const reply = await api.waitForCall('chat.postMessage', (c) => c.args.text === `echo: ${text}`);

    // Assess
    expect(sent.status).toBe(200);
    expect(reply.args.channel).toBe('DALICE0001');
    expect(reply.result.ok).toBe(true);
  });

  it('is rejected by Bolt when the signature is stale (older than 5 minutes)', async () => {
    // Prepare
    const staleSeconds = Math.floor(Date.now() / 1000) - 6 * 60;

    // Act
    const sent = await sender.sendMessage({
      user: 'UALICE0001',
      text: 'stale',
      timestampSeconds: staleSeconds,
    });

    // Assess
    expect(sent.status).toBe(401);
  });

  it('is rejected by Bolt when signed with another secret', async () => {
    // Prepare
    const impostor = new SlackSender({
      eventsUrl: echo.eventsUrl,
      signingSecret: 'wrong',
      teamId: SANDBOX_TEAM_ID,
    });

    // Act
    const sent = await impostor.sendMessage({ user: 'UALICE0001', text: 'forged' });

    // Assess
    expect(sent.status).toBe(401);
  });
});

describe('ChatSession against a Bolt app with buttons', () => {
  let api: SlackWebApiEmulator;
  let app: { eventsUrl: string; stop: () => Promise<void> };
  let printed: string[];
  let session: ChatSession;
  let detach: () => void;

  beforeAll(async () => {
    api = await startEmulator();
    app = await startButtonApp(api.url);
    const sender = new SlackSender({
      eventsUrl: app.eventsUrl,
      signingSecret: SECRET,
      teamId: SANDBOX_TEAM_ID,
    });
    session = new ChatSession({
      emulator: api,
      sender,
      users: SANDBOX_USERS,
      print: (l) => printed.push(...l),
      onQuit: () => {},
    });
    detach = session.attach();
  });

  beforeEach(() => {
    printed = [];
  });

  afterAll(async () => {
    detach();
    await app.stop();
    await api.stop();
  });

  it('shows replies with numbered buttons and presses one by number as the current user', async () => {
    // Prepare
    await session.handleLine('/as bob');
    await session.handleLine('do it');
    await api.waitForCall('chat.postMessage', (c) => c.args.text === 'Sure?');

    // Act
    await session.handleLine('2');
    await api.waitForCall('chat.postMessage', (c) => c.args.text === 'UBOB00001 picked No');

    // Assess
    expect(printed).toContain('You are now Bob Example (UBOB00001, bob@example.com).');
    expect(printed).toContain('  [1] Yes  [2] No');
    expect(printed).toContain('(bob pressed "No")');
    expect(printed).toContain('  UBOB00001 picked No');
  });

  it('says so when a button number does not exist', async () => {
    // Prepare
    const line = '99';

    // Act
    await session.handleLine(line);

    // Assess
    expect(printed).toEqual(['There is no button [99].']);
  });
});
