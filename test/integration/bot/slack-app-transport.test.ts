/**
 * The Slack transport over signed HTTP against the real Bolt app: signature and replay checks,
 * Slack's retries, malformed bodies, and Slack 429s on outgoing calls.
 */
import { dmChannelFor } from '../../../local/slack-emulator/web-api';
import { postsTo, type SlackStack, startSlackStack } from './slack-stack';

let stack: SlackStack;
beforeAll(async () => {
  stack = await startSlackStack();
});
afterAll(async () => stack?.stop());

const HELP_REPLY = (text: string) => (call: { args: Record<string, unknown> }) =>
  String(call.args.text).includes(text);

describe('Slack app over signed HTTP', () => {
  it('answers 401 to a bad signature and to a stale timestamp, and does nothing', async () => {
    // Prepare
    const before = stack.slack.calls.length;
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;

    // Act
    const forged = await stack.forger.sendMessage({ user: 'UALICE0001', text: 'help' });
    const replayed = await stack.sender.sendMessage({
      user: 'UALICE0001',
      text: 'help',
      timestampSeconds: stale,
    });
    await stack.app.idle();

    // Assess
    expect([forged.status, replayed.status]).toEqual([401, 401]);
    expect(stack.slack.calls.length).toBe(before);
  });

  it('replies once to the same event delivered three times', async () => {
    // Prepare
    const channel = dmChannelFor('UBOB00001');
    const first = await stack.sender.sendMessage({ user: 'UBOB00001', text: 'help' });

    // Act
    const retries = [
      await stack.sender.sendMessage({
        user: 'UBOB00001',
        text: 'help',
        eventId: first.eventId,
        retryNum: 1,
      }),
      await stack.sender.sendMessage({
        user: 'UBOB00001',
        text: 'help',
        eventId: first.eventId,
        retryNum: 2,
      }),
    ];
    await stack.slack.waitForCall('chat.postMessage', HELP_REPLY('Here is what I can do'));
    await stack.app.idle();

    // Assess
    expect([first.status, ...retries.map((r) => r.status)]).toEqual([200, 200, 200]);
    expect(postsTo(stack.slack, channel)).toHaveLength(1);
  });

  it('answers a malformed body with 400 and keeps serving', async () => {
    // Prepare
    const malformed = '{"type":"event_callback","event":';

    // Act
    const bad = await stack.sender.sendRaw(malformed, { 'content-type': 'application/json' });
    const good = await stack.sender.sendMessage({ user: 'UCAROL0001', text: 'help' });
    const reply = await stack.slack.waitForCall(
      'chat.postMessage',
      (c) => c.result.channel === dmChannelFor('UCAROL0001'),
    );

    // Assess
    expect(bad.status).toBe(400);
    expect(good.status).toBe(200);
    expect(String(reply.args.text)).toContain('Here is what I can do');
  });

  it.each(['null', '1', '"text"', '[]', 'true'])(
    'answers a signed body of %s with 400 and keeps serving',
    async (body) => {
      // Prepare
      const payload = `payload=${encodeURIComponent(body)}`;
      const from = stack.slack.calls.length;

      // Act
      const bad = await stack.sender.sendRaw(body, { 'content-type': 'application/json' });
      const badForm = await stack.sender.sendRaw(payload, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      const good = await stack.sender.sendMessage({ user: 'UCAROL0001', text: 'help' });
      const reply = await stack.slack.waitForCall(
        'chat.postMessage',
        (c) => c.result.channel === dmChannelFor('UCAROL0001') && stack.slack.calls.indexOf(c) >= from,
      );
      await stack.app.idle();

      // Assess
      expect(bad.status).toBe(400);
      expect(badForm.status).toBe(400);
      expect(good.status).toBe(200);
      expect(String(reply.args.text)).toContain('Here is what I can do');
    },
  );

  it('refuses a request whose timestamp is more than 5 minutes in the future', async () => {
    // Prepare
    const future = Math.floor(Date.now() / 1000) + 10 * 60;

    // Act
    const sent = await stack.sender.sendMessage({
      user: 'UCAROL0001',
      text: 'help',
      timestampSeconds: future,
    });

    // Assess
    expect(sent.status).toBe(401);
  });

  it('waits out a Slack 429 (Retry-After) and still delivers the reply', async () => {
    // Prepare
    stack.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const before = stack.slack.calls.length;

    // Act
    await stack.sender.sendAppMention({
      user: 'UALICE0001',
      channel: 'C0DEPLOYS',
      text: '<@UCHATOPSBOT> help',
    });
    const reply = await stack.slack.waitForCall(
      'chat.postMessage',
      (c) => c.result.channel === 'C0DEPLOYS',
      20_000,
    );
    await stack.app.idle();

    // Assess
    const attempts = stack.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.injected)).toEqual([true, false]);
    expect(reply.args.thread_ts).toBeDefined();
  });

  it('answers /chatops help in the acknowledgement', async () => {
    // Prepare / Act
    const response = await stack.sender.sendSlashCommand({ user: 'UALICE0001', text: 'help' });

    // Assess
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(response.body).toContain('/chatops mine');
  });
});
