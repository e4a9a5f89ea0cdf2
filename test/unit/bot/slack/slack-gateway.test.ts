import type { webApi } from '@slack/bolt';
import { METHOD_SCOPES } from '../../../../bot/slack/scopes';
import { SlackResponseUrlError, WebClientSlackGateway } from '../../../../bot/slack/slack-gateway';

/** A WebClient stand-in that records `a.b.c(args)` calls and answers like Slack. */
function recordingClient(answers: Record<string, unknown> = {}) {
  const calls: { method: string; args: unknown }[] = [];
  const node = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_t, key: string) => node([...path, key]),
      apply: async (_t, _this, [args]) => {
        const method = path.join('.');
        calls.push({ method, args });
        return { ok: true, ...((answers[method] as object) ?? {}) };
      },
    });
  return { client: node([]) as webApi.WebClient, calls };
}

describe('WebClientSlackGateway', () => {
  it('calls only Web API methods whose scopes are declared', async () => {
    // Prepare
    const { client, calls } = recordingClient({
      'chat.postMessage': { channel: 'DALICE0001', ts: '1.2' },
      'conversations.open': { channel: { id: 'DALICE0001' } },
      'users.info': {
        user: { name: 'alice', profile: { real_name: 'Alice Example', email: 'alice@example.com' } },
      },
      'usergroups.users.list': { users: ['UALICE0001'] },
    });
    const gateway = new WebClientSlackGateway(client);

    // Act
    await gateway.postMessage({ channel: 'DALICE0001', text: 'hi', threadTs: '1.1' });
    await gateway.updateMessage({ channel: 'DALICE0001', ts: '1.2', text: 'hi' });
    await gateway.postEphemeral({ channel: 'DALICE0001', user: 'UALICE0001', text: 'hi' });
    const dm = await gateway.openDm('UALICE0001');
    await gateway.publishHome('UALICE0001', { type: 'home', blocks: [] });
    const profile = await gateway.userProfile('UALICE0001');
    const members = await gateway.userGroupMembers('S0PLATFORM');

    // Assess
    // `views.open` is the one method a listener calls on Bolt's client itself (the reject modal needs
    // the click's trigger_id within 3 s): every other declared method goes through the gateway.
    const listenerOnly = ['views.open'];
    expect([...new Set(calls.map((c) => c.method)), ...listenerOnly].sort()).toEqual(
      Object.keys(METHOD_SCOPES).sort(),
    );
    expect(calls[0]).toEqual({
      method: 'chat.postMessage',
      args: { channel: 'DALICE0001', text: 'hi', thread_ts: '1.1' },
    });
    expect(dm).toBe('DALICE0001');
    expect(profile).toEqual({ name: 'Alice Example', email: 'alice@example.com' });
    expect(members).toEqual(['UALICE0001']);
  });

  it('posts ephemeral JSON to a response_url and reports a failure by status only', async () => {
    // Prepare
    const posts: { url: string; body: unknown }[] = [];
    let status = 200;
    const fetchFn = (async (url: string, init: { body: string }) => {
      posts.push({ url, body: JSON.parse(init.body) });
      return new Response('', { status });
    }) as unknown as typeof fetch;
    const gateway = new WebClientSlackGateway(recordingClient().client, fetchFn);

    // Act
    await gateway.respond('https://hooks.slack.com/actions/x', { text: 'hi', replaceOriginal: true });
    status = 404;
    const error = await gateway.respond('https://hooks.slack.com/actions/y', { text: 'hi' }).catch((e) => e);

    // Assess
    expect(posts[0]).toEqual({
      url: 'https://hooks.slack.com/actions/x',
      body: { text: 'hi', response_type: 'ephemeral', replace_original: true },
    });
    expect(error).toBeInstanceOf(SlackResponseUrlError);
    expect(error.message).toBe("Posting to the interaction's response_url failed with HTTP 404.");
  });
});
