import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest } from '@slack/bolt';
import { readBody } from '../../../../local/http-body';
import { SANDBOX_TEAM_ID } from '../../../../local/sandbox-users';
import { SlackSender } from '../../../../local/slack-emulator/sender';
import commandFixture from '../../../fixtures/slack/command-chatops.json';
import appHomeFixture from '../../../fixtures/slack/event-app-home-opened.json';
import appMentionFixture from '../../../fixtures/slack/event-app-mention.json';
import messageFixture from '../../../fixtures/slack/event-message-im.json';
import blockActionsFixture from '../../../fixtures/slack/interactivity-block-actions.json';

interface Captured {
  headers: IncomingMessage['headers'];
  body: string;
}

/** The key structure of a JSON value: objects → sorted keys with nested shapes, arrays → first item. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  }
  return value === null ? null : typeof value;
}

const SECRET = 'sender-test-secret';

describe('SlackSender', () => {
  let server: Server;
  let captured: Captured[];
  let sender: SlackSender;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      captured.push({ headers: req.headers, body: await readBody(req) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sender = new SlackSender({
      eventsUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SECRET,
      teamId: SANDBOX_TEAM_ID,
    });
  });

  beforeEach(() => {
    captured = [];
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const last = (): Captured => captured[captured.length - 1] as Captured;
  const isSigned = (c: Captured) =>
    isValidSlackRequest({
      signingSecret: SECRET,
      body: c.body,
      headers: {
        'x-slack-signature': String(c.headers['x-slack-signature']),
        'x-slack-request-timestamp': Number(c.headers['x-slack-request-timestamp']),
      },
    });

  it('sends a signed message.im event_callback shaped like the fixture', async () => {
    // Prepare
    const input = { user: 'UALICE0001', text: 'I need a new sandbox account' };

    // Act
    const result = await sender.sendMessage(input);

    // Assess
    const body = JSON.parse(last().body);
    expect(result.status).toBe(200);
    expect(isSigned(last())).toBe(true);
    expect(last().headers['content-type']).toBe('application/json');
    expect(shape(body)).toEqual(shape(messageFixture));
    expect(body.event).toMatchObject({
      type: 'message',
      channel: 'DALICE0001',
      channel_type: 'im',
      ts: result.ts,
    });
    expect(body.event_id).toBe(result.eventId);
  });

  it('sends app_mention and app_home_opened events shaped like the fixtures', async () => {
    // Prepare
    const mention = {
      user: 'UBOB00001',
      channel: 'C0DEPLOYS',
      text: '<@UCHATOPSBOT> status of payments-api?',
    };

    // Act
    await sender.sendAppMention(mention);
    await sender.sendAppHomeOpened({ user: 'UCAROL0001' });

    // Assess
    const [mentionBody, homeBody] = captured.map((c) => JSON.parse(c.body));
    expect(shape(mentionBody)).toEqual(shape(appMentionFixture));
    expect(shape(homeBody)).toEqual(shape(appHomeFixture));
    expect(homeBody.event).toMatchObject({
      type: 'app_home_opened',
      user: 'UCAROL0001',
      channel: 'DCAROL0001',
    });
  });

  it('sends a block_actions payload as a signed payload= form shaped like the fixture', async () => {
    // Prepare
    const click = {
      user: 'UALICE0001',
      channel: 'DALICE0001',
      messageTs: '1700000001.000001',
      actionId: 'chatops_choice_0',
      value: 'Sandbox',
      message: blockActionsFixture.message,
    };

    // Act
    await sender.sendBlockAction(click);

    // Assess
    const form = new URLSearchParams(last().body);
    const payload = JSON.parse(form.get('payload') ?? '{}');
    expect(isSigned(last())).toBe(true);
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(shape(payload)).toEqual(shape(blockActionsFixture));
    expect(payload.actions[0]).toMatchObject({ action_id: 'chatops_choice_0', value: 'Sandbox' });
    expect(payload.user).toMatchObject({ id: 'UALICE0001', username: 'alice' });
  });

  it('sends a slash command as form fields shaped like the fixture', async () => {
    // Prepare
    const command = { user: 'UALICE0001', text: 'status REQ-5G8H3N7Q' };

    // Act
    await sender.sendSlashCommand(command);

    // Assess
    const fields = Object.fromEntries(new URLSearchParams(last().body));
    expect(isSigned(last())).toBe(true);
    expect(Object.keys(fields).sort()).toEqual(Object.keys(commandFixture).sort());
    expect(fields).toMatchObject({ command: '/chatops', text: 'status REQ-5G8H3N7Q', user_id: 'UALICE0001' });
  });

  it('can send a stale timestamp, retry headers and a reused event_id', async () => {
    // Prepare
    const staleSeconds = Math.floor(Date.now() / 1000) - 6 * 60;

    // Act
    await sender.sendMessage({
      user: 'UBOB00001',
      text: 'hi',
      eventId: 'EvREUSED0001',
      retryNum: 1,
      timestampSeconds: staleSeconds,
    });

    // Assess
    expect(last().headers).toMatchObject({
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
      'x-slack-request-timestamp': String(staleSeconds),
    });
    expect(JSON.parse(last().body).event_id).toBe('EvREUSED0001');
    expect(isSigned(last())).toBe(false);
  });
});
