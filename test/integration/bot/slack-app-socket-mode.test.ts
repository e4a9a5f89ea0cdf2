/**
 * The same Bolt app in Socket Mode (what `npm start` uses with real Slack tokens), against the
 * emulator's Socket Mode side: the app opens its connection with the app-level token, acks every
 * envelope by id, answers over the Web API, ignores Slack's redeliveries of an event it already
 * handled, and reconnects when Slack asks it to.
 */
import { dmChannelFor } from '../../../local/slack-emulator/web-api';
import { APP_TOKEN, postsTo, type SlackStack, startSlackStack } from './slack-stack';

let stack: SlackStack;
beforeAll(async () => {
  stack = await startSlackStack({ socketMode: true });
});
afterAll(async () => stack?.stop());

const hub = () => {
  const socketMode = stack.slack.socketMode;
  if (!socketMode) throw new Error('the emulator was started without Socket Mode');
  return socketMode;
};

describe('Slack app over Socket Mode', () => {
  it('opens its connection with the app-level token, which never reaches any other call or record', () => {
    // Prepare
    const opened = stack.slack.calls.filter((c) => c.method === 'apps.connections.open');

    // Act
    const recorded = JSON.stringify(stack.slack.calls);

    // Assess
    expect(opened.length).toBeGreaterThanOrEqual(1);
    expect(opened[0]?.result).toMatchObject({ ok: true });
    expect(recorded).not.toContain(APP_TOKEN);
  });

  it('acks a DM envelope and answers it in the DM', async () => {
    // Prepare
    const channel = dmChannelFor('UALICE0001');
    const before = postsTo(stack.slack, channel).length;

    // Act
    const sent = await stack.sender.sendMessage({ user: 'UALICE0001', text: 'help' });
    await stack.slack.waitForCall(
      'chat.postMessage',
      (c) => c.result.channel === channel && String(c.args.text).includes('Here is what I can do'),
    );
    await stack.app.idle();

    // Assess
    expect(sent.status).toBe(200);
    expect(postsTo(stack.slack, channel).length).toBe(before + 1);
  });

  it('acks Slack redeliveries of the same event but answers it once', async () => {
    // Prepare
    const channel = dmChannelFor('UBOB00001');
    const before = postsTo(stack.slack, channel).length;
    const first = await stack.sender.sendMessage({ user: 'UBOB00001', text: 'help' });

    // Act
    const retry = await stack.sender.sendMessage({
      user: 'UBOB00001',
      text: 'help',
      eventId: first.eventId,
      retryNum: 1,
      retryReason: 'timeout',
    });
    await stack.slack.waitForCall('chat.postMessage', (c) => c.result.channel === channel);
    await stack.app.idle();

    // Assess
    expect(retry.status).toBe(200);
    expect(postsTo(stack.slack, channel).length).toBe(before + 1);
  });

  it('answers `/chatops help` in the ack payload, as an ephemeral message', async () => {
    // Act
    const ack = await stack.sender.sendSlashCommand({ user: 'UALICE0001', text: 'help' });

    // Assess
    expect(JSON.parse(ack.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(ack.body).toContain('/chatops mine');
  });

  it('reconnects after Slack’s disconnect warning and keeps answering', async () => {
    // Prepare
    const socketMode = hub();
    const connectionsBefore = socketMode.connections;
    const channel = dmChannelFor('UCAROL0001');

    // Act
    socketMode.disconnect();
    await waitUntil(() => socketMode.connections > connectionsBefore);
    await socketMode.connected();
    await stack.sender.sendMessage({ user: 'UCAROL0001', text: 'help' });
    const reply = await stack.slack.waitForCall('chat.postMessage', (c) => c.result.channel === channel);

    // Assess
    expect(socketMode.connections).toBe(connectionsBefore + 1);
    expect(String(reply.args.text)).toContain('Here is what I can do');
  });
});

/** Polls `condition` every 20 ms for up to 10 s. */
async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
