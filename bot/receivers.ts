/**
 * One Bolt receiver per mode (DESIGN §4): HTTP (`/slack/events`, the local stack and any HTTP
 * deployment), Socket Mode (real Slack from a laptop) and AWS Lambda behind API Gateway. Building a
 * receiver opens nothing; `startReceiver` does (listen, connect, or hand back the Lambda handler).
 */
import type { AddressInfo } from 'node:net';
import {
  type App,
  AwsLambdaReceiver,
  type Logger as BoltLogger,
  HTTPReceiver,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Logger } from '../handlers/logger';
import { guardHttpReceiver } from './slack/http-guard';
import { checkSlackRequest } from './slack/request-guard';
import type { TurnQueue } from './turns/dispatcher';

/** The one request URL path for events, interactivity and slash commands (Bolt's default). */
export const EVENTS_PATH = '/slack/events';

export type SlackAppMode =
  | { kind: 'http'; port: number; host?: string }
  | { kind: 'socket'; appToken: string }
  /** `queue`: where turns go (default: SQS at env `TURN_QUEUE_URL`). */
  | { kind: 'lambda'; queue?: TurnQueue };

/** The 2-argument handler Bolt's `AwsLambdaReceiver.start()` returns (Node 24 Lambda rejects 3-argument ones). */
export type SlackLambdaHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/**
 * The receiver for `mode` (not started). `clientOptions` are the Web API client options; Socket
 * Mode's own client uses them for `apps.connections.open` (so a `slackApiUrl` reaches it too).
 */
export function buildReceiver(
  mode: SlackAppMode,
  signingSecret: string,
  logger: BoltLogger,
  clientOptions: webApi.WebClientOptions = {},
): Receiver {
  switch (mode.kind) {
    case 'http': {
      const receiver = new HTTPReceiver({
        signingSecret,
        endpoints: EVENTS_PATH,
        logger,
        processBeforeResponse: false,
      });
      guardHttpReceiver(receiver, EVENTS_PATH, signingSecret, logger);
      return receiver;
    }
    case 'socket':
      return new SocketModeReceiver({ appToken: mode.appToken, logger, installerOptions: { clientOptions } });
    case 'lambda':
      return new AwsLambdaReceiver({
        signingSecret,
        logger,
        // Bolt's default handler logs the signature header; a rejection needs no request details.
        invalidRequestSignatureHandler: () =>
          logger.warn('Rejected a Slack request with a bad or stale signature'),
      });
  }
}

/** Starts `app` in `mode`: the events URL for HTTP, the Lambda handler for Lambda. */
export async function startReceiver(
  app: App,
  receiver: Receiver,
  mode: SlackAppMode,
  logger: Logger,
  signingSecret = '',
): Promise<{ url?: string; lambdaHandler?: SlackLambdaHandler }> {
  switch (mode.kind) {
    case 'http': {
      const host = mode.host ?? '127.0.0.1';
      const server = (await app.start({ port: mode.port, host })) as {
        address(): AddressInfo | string | null;
      };
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : mode.port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      return { url: `http://${shownHost}:${port}${EVENTS_PATH}` };
    }
    case 'socket':
      await app.start();
      return {};
    case 'lambda': {
      const handler = await (receiver as AwsLambdaReceiver).start();
      const guarded = guardLambdaRequests((event, context) => handler(event, context), signingSecret, logger);
      return { lambdaHandler: rejectMalformedBodies(guarded, logger) };
    }
  }
}

/**
 * Stops `app` started in `mode`. Socket Mode: waits until the WebSocket has closed (Bolt's
 * `SocketModeReceiver.stop()` resolves before it has: node_modules/@slack/bolt/dist/receivers/
 * SocketModeReceiver.js), so a stopped app has no connection or timer left behind.
 */
export async function stopReceiver(app: App, receiver: Receiver, mode: SlackAppMode): Promise<void> {
  if (mode.kind === 'lambda') return;
  if (mode.kind === 'socket') await (receiver as SocketModeReceiver).client.disconnect();
  await app.stop();
}

/**
 * Checks signature, replay window (both directions) and body shape before `AwsLambdaReceiver`
 * (./slack/request-guard.ts): unsigned junk gets 401 before anything parses it. A base64 body
 * (API Gateway `isBase64Encoded`) is decoded here as UTF-8: Bolt decodes it as ASCII, which
 * mangles non-ASCII text (and so its signature check).
 */
export function guardLambdaRequests(
  handler: SlackLambdaHandler,
  signingSecret: string,
  logger: Logger,
): SlackLambdaHandler {
  return async (event, context) => {
    const raw = event.body ?? '';
    const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    const headers = Object.fromEntries(
      Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? undefined]),
    );
    const verdict = checkSlackRequest(
      {
        body,
        contentType: headers['content-type'],
        signature: headers['x-slack-signature'],
        timestamp: headers['x-slack-request-timestamp'],
      },
      signingSecret,
    );
    if (!verdict.ok) {
      logger.warn('Refused a Slack request before Bolt', { reason: verdict.reason, status: verdict.status });
      return { statusCode: verdict.status, body: '' };
    }
    return handler({ ...event, body, isBase64Encoded: false }, context);
  };
}

/**
 * `AwsLambdaReceiver` parses the body before checking the signature and lets a JSON error escape
 * (a Lambda error, 502 at API Gateway). Answer 400 instead, like the HTTP receiver does.
 */
export function rejectMalformedBodies(handler: SlackLambdaHandler, logger: Logger): SlackLambdaHandler {
  return async (event, context) => {
    try {
      return await handler(event, context);
    } catch (error) {
      if (error instanceof SyntaxError) {
        logger.warn('Malformed Slack request body', { error: error.message });
        return { statusCode: 400, body: '' };
      }
      throw error;
    }
  };
}
