import type { webApi } from '@slack/bolt';
import { METHOD_SCOPES } from '../../../../bot/slack/scopes';
import { SlackResponseUrlError, WebClientSlackGateway } from '../../../../bot/slack/slack-gateway';
import { loadFixture } from '../../../support/fixtures';

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

describe('WebClientSlackGateway users.info membership facts', () => {
  it.each([
    [
      'a multi-channel guest',
      'users-info-guest.json',
      { name: 'Gina Guest', email: 'gina@partner.example', teamId: 'T0SANDBOX', guest: true },
    ],
    [
      'an Enterprise Grid user',
      'users-info-grid.json',
      {
        name: 'Grace Grid',
        email: 'grace@acme.example',
        teamId: 'T0GRIDWS02',
        enterpriseId: 'E0ACMEORG',
        guest: false,
      },
    ],
    [
      'a Slack Connect user of another organisation',
      'users-info-slack-connect.json',
      { name: 'Oscar Other', email: 'oscar@other.example', teamId: 'T0OTHERORG', guest: false },
    ],
  ])('reads %s', async (_label, fixture, expected) => {
    // Prepare
    const { user } = loadFixture<{ user: unknown }>(`slack/${fixture}`);
    const { client } = recordingClient({ 'users.info': { user } });

    // Act
    const profile = await new WebClientSlackGateway(client).userProfile('U0ANY0001');

    // Assess
    expect(profile).toEqual(expected);
  });

  it('reads a single-channel guest (is_ultra_restricted) as a guest', async () => {
    // Prepare
    const { user } = loadFixture<{ user: Record<string, unknown> }>('slack/users-info-guest.json');
    const answer = { user: { ...user, is_restricted: false, is_ultra_restricted: true } };
    const { client } = recordingClient({ 'users.info': answer });

    // Act
    const profile = await new WebClientSlackGateway(client).userProfile('UGUEST0001');

    // Assess
    expect(profile?.guest).toBe(true);
  });
});

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
    expect(profile).toEqual({ name: 'Alice Example', email: 'alice@example.com', guest: false });
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
