/**
 * Ingress Lambda (DESIGN §5; API Gateway proxy for Slack events, interactivity and slash commands).
 * Bolt's `AwsLambdaReceiver` verifies the signature (5-minute window); the listeners acknowledge,
 * claim the event / action id once (conditional write in the ledger table, so Slack's retries and
 * double clicks stop here) and send the turn to SQS (`TURN_QUEUE_URL`). Nothing here calls Lex or
 * touches requests, so the answer is back well inside Slack's 3 seconds. The handler takes two
 * arguments, as Node 24 Lambda runtimes require.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { loadConfig } from '../../handlers/config/load-config';
import { ConfigError } from '../../handlers/errors';
import type { Deduplicator } from '../../handlers/ledger/dedup.port';
import { createLogger, type Logger } from '../../handlers/logger';
import { createSlackApp, type SlackLambdaHandler } from '../app';
import type { TurnQueue } from '../turns/dispatcher';
import { SqsTurnQueue } from '../turns/sqs-turn-queue';
import { dynamoLedger, knownBot, lexBot, requireEnv } from './lambda-env';
import { loadSlackSecrets } from './slack-secrets';

export interface IngressOverrides {
  queue?: TurnQueue;
  dedup?: Deduplicator;
  logger?: Logger;
}

/** Builds the ingress handler from `env` (clients created once per container). */
export async function createIngressHandler(
  env: NodeJS.ProcessEnv = process.env,
  overrides: IngressOverrides = {},
): Promise<SlackLambdaHandler> {
  const config = loadConfig(env);
  const ledger = dynamoLedger(env, config.ledger.retentionDays);
  const bot = knownBot(env);
  const slackApp = createSlackApp({
    ...(await loadSlackSecrets(env)),
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    mode: {
      kind: 'lambda',
      queue: overrides.queue ?? new SqsTurnQueue(new SQSClient({}), requireEnv(env, 'TURN_QUEUE_URL')),
    },
    lex: lexBot(env),
    ledger,
    dedup: overrides.dedup ?? ledger,
    config,
    logger: overrides.logger ?? createLogger('chatops-ingress'),
    ...(bot ? { bot } : {}),
  });
  const { lambdaHandler } = await slackApp.start();
  if (!lambdaHandler)
    throw new ConfigError([{ path: 'mode', message: 'the lambda receiver returned no handler' }]);
  return lambdaHandler;
}

let ready: Promise<SlackLambdaHandler> | undefined;

/** The Lambda entry. */
export async function handler(event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> {
  ready ??= createIngressHandler().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return (await ready)(event, context);
}
