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
import { parseEnv } from '../../handlers/config/env';
import { loadConfig } from '../../handlers/config/load-config';
import { ConfigError } from '../../handlers/errors';
import type { Deduplicator } from '../../handlers/ledger/dedup.port';
import { createLogger, type Logger } from '../../handlers/logger';
import { createSlackApp, type SlackLambdaHandler } from '../app';
import type { TurnQueue } from '../turns/dispatcher';
import { SqsTurnQueue } from '../turns/sqs-turn-queue';
import { dynamoLedger, ingressEnvSchema, knownBot, lexBot } from './lambda-env';
import { loadSlackSecrets } from './slack-secrets';

export interface IngressOverrides {
  queue?: TurnQueue;
  dedup?: Deduplicator;
  logger?: Logger;
}

/**
 * Builds the ingress handler from `env` (clients created once per container).
 * @throws ConfigError naming every missing or bad variable ({@link ingressEnvSchema}).
 */
export async function createIngressHandler(
  env: NodeJS.ProcessEnv = process.env,
  overrides: IngressOverrides = {},
): Promise<SlackLambdaHandler> {
  const { TURN_QUEUE_URL } = parseEnv(ingressEnvSchema, env);
  const config = loadConfig(env);
  const ledger = dynamoLedger(env, config.ledger.retentionDays);
  const bot = knownBot(env);
  const logger = overrides.logger ?? createLogger('chatops-ingress');
  const slackApp = createSlackApp({
    ...(await loadSlackSecrets(env)),
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    mode: {
      kind: 'lambda',
      queue: correlated(overrides.queue ?? new SqsTurnQueue(new SQSClient({}), TURN_QUEUE_URL), logger),
    },
    lex: lexBot(env),
    ledger,
    dedup: overrides.dedup ?? ledger,
    config,
    logger,
    ...(bot ? { bot } : {}),
  });
  const { lambdaHandler } = await slackApp.start();
  if (!lambdaHandler)
    throw new ConfigError([{ path: 'mode', message: 'the lambda receiver returned no handler' }]);
  return async (event, context) => {
    logger.removeKeys?.(['turnId']);
    logger.addContext?.(context);
    return lambdaHandler(event, context);
  };
}

/** Appends the turn's id to the invocation's log entries as the turn is queued (one per invocation). */
function correlated(queue: TurnQueue, logger: Logger): TurnQueue {
  return {
    send(turn) {
      logger.appendKeys?.({ turnId: turn.id });
      return queue.send(turn);
    },
  };
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
