import { webApi } from '@slack/bolt';
import { SANDBOX_BOT, SANDBOX_TEAM_ID, SANDBOX_USERS } from '../../../../local/sandbox-users';
import {
  SlackEmulatorTimeoutError,
  type SlackWebApiEmulator,
  startSlackWebApi,
} from '../../../../local/slack-emulator/web-api';

const TOKEN = 'xoxb-test-emulator-token';

describe('startSlackWebApi', () => {
  let api: SlackWebApiEmulator;
  let client: webApi.WebClient;

  beforeEach(async () => {
    api = await startSlackWebApi({
      botToken: TOKEN,
      teamId: SANDBOX_TEAM_ID,
      botUserId: SANDBOX_BOT.userId,
      botId: SANDBOX_BOT.botId,
      users: SANDBOX_USERS,
    });
    client = new webApi.WebClient(TOKEN, {
      slackApiUrl: api.url,
      retryConfig: { retries: 2, factor: 1 },
      logLevel: webApi.LogLevel.ERROR,
    });
  });

  afterEach(async () => {
    await api.stop();
  });

  it('answers auth.test with the bot identity', async () => {
    // Prepare
    const expected = { team_id: SANDBOX_TEAM_ID, user_id: SANDBOX_BOT.userId, bot_id: SANDBOX_BOT.botId };

    // Act
    const result = await client.auth.test();

    // Assess
    expect(result).toMatchObject({ ok: true, ...expected });
  });

  it('answers users.info with the sandbox profile', async () => {
    // Prepare
    const user = 'UBOB00001';

    // Act
    const result = await client.users.info({ user });

    // Assess
    expect(result.user?.profile).toMatchObject({ real_name: 'Bob Example', email: 'bob@example.com' });
  });

  it('records chat.postMessage with decoded blocks, unique increasing ts, and no token', async () => {
    // Prepare
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }];
    const { channel } = await client.conversations.open({ users: 'UALICE0001' });

    // Act
    const first = await client.chat.postMessage({ channel: channel?.id ?? '', text: 'hello', blocks });
    const second = await client.chat.postMessage({ channel: channel?.id ?? '', text: 'again' });

    // Assess
    const posts = api.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts[0]?.args).toMatchObject({ channel: 'DALICE0001', text: 'hello', blocks });
    expect(posts[0]?.args).not.toHaveProperty('token');
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({ bot_id: SANDBOX_BOT.botId, text: 'hello', ts: first.ts });
  });

  it('updates a posted message and answers message_not_found for an unknown one', async () => {
    // Prepare
    const posted = await client.chat.postMessage({ channel: 'DALICE0001', text: 'v1' });

    // Act
    await client.chat.update({ channel: 'DALICE0001', ts: posted.ts ?? '', text: 'v2' });
    const unknown = client.chat.update({ channel: 'DALICE0001', ts: '1.000001', text: 'v2' });

    // Assess
    expect(api.message('DALICE0001', posted.ts ?? '')).toMatchObject({ text: 'v2' });
    await expect(unknown).rejects.toMatchObject({ data: { ok: false, error: 'message_not_found' } });
  });

  it('answers invalid_auth to a wrong token', async () => {
    // Prepare
    const stranger = new webApi.WebClient('xoxb-wrong', { slackApiUrl: api.url });

    // Act
    const call = stranger.chat.postMessage({ channel: 'DALICE0001', text: 'hi' });

    // Assess
    await expect(call).rejects.toMatchObject({ data: { ok: false, error: 'invalid_auth' } });
  });

  it('answers unknown_method to a method it does not emulate', async () => {
    // Prepare
    const method = 'reactions.add';

    // Act
    const call = client.apiCall(method, { channel: 'DALICE0001', name: 'eyes' });

    // Assess
    await expect(call).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('rate-limits with HTTP 429 + Retry-After, which @slack/web-api waits out and retries', async () => {
    // Prepare
    api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    const rateLimited = jest.fn();
    client.on(webApi.WebClientEvent.RATE_LIMITED, rateLimited);

    // Act
    const result = await client.chat.postMessage({ channel: 'DALICE0001', text: 'after the limit' });

    // Assess
    const posts = api.calls.filter((c) => c.method === 'chat.postMessage');
    expect(result.ok).toBe(true);
    expect(rateLimited).toHaveBeenCalledWith(0, expect.anything());
    expect(posts.map((p) => [p.injected, p.result.error])).toEqual([
      [true, 'ratelimited'],
      [false, undefined],
    ]);
  });

  it('rejects with WebAPIRateLimitedError when the client rejects rate-limited calls', async () => {
    // Prepare
    api.failNext('chat.postMessage', { retryAfterSeconds: 7 });
    const strict = new webApi.WebClient(TOKEN, {
      slackApiUrl: api.url,
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });

    // Act
    const call = strict.chat.postMessage({ channel: 'DALICE0001', text: 'x' });

    // Assess
    await expect(call).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 7 });
  });

  it('waitForCall resolves on a past call and on a future call', async () => {
    // Prepare
    await client.chat.postMessage({ channel: 'DALICE0001', text: 'past' });

    // Act
    const past = await api.waitForCall('chat.postMessage', (c) => c.args.text === 'past');
    const future = api.waitForCall('chat.postEphemeral', (c) => c.args.user === 'UBOB00001');
    await client.chat.postEphemeral({ channel: 'DBOB00001', user: 'UBOB00001', text: 'only you' });

    // Assess
    expect(past.args.text).toBe('past');
    expect((await future).result).toMatchObject({ ok: true, message_ts: expect.any(String) });
  });

  it('waitForCall rejects with a coded error when nothing matches in time', async () => {
    // Prepare
    const method = 'views.publish';

    // Act
    const wait = api.waitForCall(method, undefined, 50);

    // Assess
    await expect(wait).rejects.toBeInstanceOf(SlackEmulatorTimeoutError);
    await expect(wait).rejects.toMatchObject({ code: 'SLACK_EMULATOR_TIMEOUT' });
  });

  it('notifies onCall listeners until they unsubscribe, and clear() forgets calls', async () => {
    // Prepare
    const seen: string[] = [];
    const unsubscribe = api.onCall((c) => seen.push(c.method));

    // Act
    await client.views.publish({ user_id: 'UCAROL0001', view: { type: 'home', blocks: [] } });
    unsubscribe();
    await client.chat.getPermalink({ channel: 'DCAROL0001', message_ts: '1700000000.000001' });
    api.clear();

    // Assess
    expect(seen).toEqual(['views.publish']);
    expect(api.calls).toHaveLength(0);
  });
});
