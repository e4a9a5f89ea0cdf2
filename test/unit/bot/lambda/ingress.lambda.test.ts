import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createIngressHandler } from '../../../../bot/lambda/ingress.lambda';
import type { SlackLambdaHandler } from '../../../../bot/receivers';
import { parseTurn } from '../../../../bot/turns/turn';
import { MemoryDeduplicator } from '../../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { signSlackRequest } from '../../../../local/slack-emulator/signer';
import apigwEvent from '../../../fixtures/slack/apigw-event-message-im.json';
import command from '../../../fixtures/slack/command-chatops.json';
import blockActions from '../../../fixtures/slack/interactivity-block-actions.json';

const SECRET = 'ingress-test-signing-secret';
const sqs = mockClient(SQSClient);
const env = {
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-ingress-test',
  SLACK_BOT_USER_ID: 'UCHATOPSBOT',
  SLACK_BOT_ID: 'BCHATOPS01',
  TABLE_NAME: 'chatops-test',
  LEX_BOT_ID: 'CHATOPSBOT',
  LEX_BOT_ALIAS_ID: 'TSTALIASID',
  TURN_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-turns',
  AWS_REGION: 'us-east-1',
};
const context = {} as Context;

/** The fixture's API Gateway event with `body`, signed now (or as told). */
function signed(
  body: string,
  options: { contentType?: string; timestamp?: number; secret?: string; retryNum?: number } = {},
): APIGatewayProxyEvent {
  const signature = signSlackRequest(body, options.secret ?? SECRET, options.timestamp);
  const headers: Record<string, string> = {
    ...apigwEvent.headers,
    'Content-Type': options.contentType ?? 'application/json',
    'X-Slack-Request-Timestamp': signature['x-slack-request-timestamp'],
    'X-Slack-Signature': signature['x-slack-signature'],
    ...(options.retryNum
      ? { 'X-Slack-Retry-Num': String(options.retryNum), 'X-Slack-Retry-Reason': 'http_timeout' }
      : {}),
  };
  return { ...(apigwEvent as unknown as APIGatewayProxyEvent), headers, body };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const sentTurns = () =>
  sqs.commandCalls(SendMessageCommand).map((c) => parseTurn(c.args[0].input.MessageBody ?? ''));

let handler: SlackLambdaHandler;
beforeEach(async () => {
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  handler = await createIngressHandler(env, { dedup: new MemoryDeduplicator(), logger: silentLogger });
});

describe('ingress Lambda', () => {
  it('acknowledges a signed DM and queues one turn for the worker', async () => {
    // Prepare
    const event = signed(apigwEvent.body);

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(sentTurns()).toEqual([
      expect.objectContaining({
        kind: 'utterance',
        id: 'evt:Ev0SANDBOX0001',
        text: 'I need a new sandbox account',
      }),
    ]);
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.QueueUrl).toBe(env.TURN_QUEUE_URL);
  });

  it('queues an event delivered three times (Slack retries) once', async () => {
    // Prepare
    const deliveries = [
      signed(apigwEvent.body),
      signed(apigwEvent.body, { retryNum: 1 }),
      signed(apigwEvent.body, { retryNum: 2 }),
    ];

    // Act
    const statuses = [];
    for (const d of deliveries) statuses.push((await handler(d, context)).statusCode);

    // Assess
    expect(statuses).toEqual([200, 200, 200]);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });

  it('rejects a bad signature and a stale timestamp with 401 and queues nothing', async () => {
    // Prepare
    const forged = signed(apigwEvent.body, { secret: 'not-the-secret' });
    const stale = signed(apigwEvent.body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });

    // Act
    const responses = [await handler(forged, context), await handler(stale, context)];

    // Assess
    expect(responses.map((r) => r.statusCode)).toEqual([401, 401]);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('answers a malformed body with 400 and keeps serving', async () => {
    // Prepare
    const malformed = signed('{"type":"event_callback",');

    // Act
    const bad = await handler(malformed, context);
    const good = await handler(signed(apigwEvent.body), context);

    // Assess
    expect(bad.statusCode).toBe(400);
    expect(good.statusCode).toBe(200);
  });

  it.each(['null', '[]', '42'])('answers a signed body of %s with 400, queueing nothing', async (body) => {
    // Act
    const response = await handler(signed(body), context);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('answers unsigned junk with 401 before parsing it', async () => {
    // Prepare
    const junk = { ...signed('{'), headers: { 'Content-Type': 'application/json' } };

    // Act
    const response = await handler(junk, context);

    // Assess
    expect(response.statusCode).toBe(401);
  });

  it('refuses a timestamp more than 5 minutes in the future', async () => {
    // Prepare
    const future = signed(apigwEvent.body, { timestamp: Math.floor(Date.now() / 1000) + 600 });

    // Act
    const response = await handler(future, context);

    // Assess
    expect(response.statusCode).toBe(401);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('decodes a base64 body as UTF-8, so non-ASCII text keeps its signature', async () => {
    // Prepare
    const body = apigwEvent.body.replace(/"text":"[^"]*"/, '"text":"café für Zoë ✓"');
    const event = signed(body);
    const encoded = { ...event, body: Buffer.from(body, 'utf8').toString('base64'), isBase64Encoded: true };

    // Act
    const response = await handler(encoded, context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(sentTurns().map((t) => (t as { text?: string }).text)).toEqual(['café für Zoë ✓']);
  });

  it('queues a button click with the clicked message', async () => {
    // Prepare
    const value = JSON.stringify({ o: 'UALICE0001', u: 'Sandbox' });
    const payload = {
      ...blockActions,
      actions: [{ ...blockActions.actions[0], action_id: 'lex_slot_value_0', value }],
    };
    const event = signed(form({ payload: JSON.stringify(payload) }), {
      contentType: 'application/x-www-form-urlencoded',
    });

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(sentTurns()[0]).toMatchObject({ kind: 'utterance', source: 'block_actions', text: 'Sandbox' });
  });

  it('answers /chatops help in the acknowledgement without queueing anything', async () => {
    // Prepare
    const event = signed(form({ ...command, text: 'help' }), {
      contentType: 'application/x-www-form-urlencoded',
    });

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(response.body).toContain('/chatops status');
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('never puts the signing secret or bot token in a queued turn', async () => {
    // Prepare
    const event = signed(apigwEvent.body);

    // Act
    await handler(event, context);

    // Assess
    const body = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '';
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain(env.SLACK_BOT_TOKEN);
  });
});
