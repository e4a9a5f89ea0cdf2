/**
 * Worker Lambda (DESIGN §5; SQS event source with `ReportBatchItemFailures`): runs each queued turn
 * with the same turn runner as the in-process modes. A turn that fails, or that the per-user rate
 * limit defers, is reported in `batchItemFailures`, so SQS delivers it again and nothing is lost
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). A message that is
 * not a turn is logged and dropped: it would fail forever.
 */
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseEnv } from '../../handlers/config/env';
import { loadConfig } from '../../handlers/config/load-config';
import { createLogger, type Logger } from '../../handlers/logger';
import { createSlackWebClient } from '../slack/slack-client';
import { WebClientSlackGateway } from '../slack/slack-gateway';
import { createTurnRunner } from '../turns/create-turn-runner';
import { InvalidTurnError, parseTurn } from '../turns/turn';
import type { TurnRunner } from '../turns/turn-runner';
import { dynamoLedger, lexBot, rateLimit, slackSecrets, workerEnvSchema } from './lambda-env';

/**
 * Runs the turns of one SQS batch in order; returns the ids of the messages to deliver again.
 * While a turn runs, every entry of `logger` (the runner's too) carries its `turnId`.
 */
export async function processTurnRecords(
  records: SQSRecord[],
  runner: TurnRunner,
  logger: Logger,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of records) {
    try {
      const turn = parseTurn(record.body);
      logger.appendKeys?.({ turnId: turn.id });
      const result = await runner.run(turn);
      if (result.status === 'deferred') batchItemFailures.push({ itemIdentifier: record.messageId });
    } catch (error) {
      if (error instanceof InvalidTurnError) {
        logger.error('Dropping a queue message that is not a turn', { messageId: record.messageId, error });
        continue;
      }
      logger.error('Turn failed; SQS will deliver it again', { messageId: record.messageId, error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    } finally {
      logger.removeKeys?.(['turnId']);
    }
  }
  return { batchItemFailures };
}

/**
 * Builds the turn runner from `env`.
 * @throws ConfigError naming every missing or bad variable ({@link workerEnvSchema}).
 */
export function createWorkerRunner(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = createLogger('chatops-worker'),
) {
  parseEnv(workerEnvSchema, env);
  const config = loadConfig(env);
  const client = createSlackWebClient(slackSecrets(env).botToken, logger, env.SLACK_API_URL || undefined);
  return createTurnRunner({
    slack: new WebClientSlackGateway(client),
    lex: lexBot(env),
    ledger: dynamoLedger(env, config.ledger.retentionDays),
    config,
    logger,
    rateLimit: rateLimit(env),
  });
}

let runtime: { runner: TurnRunner; logger: Logger } | undefined;

/** The Lambda entry. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  if (!runtime) {
    const logger = createLogger('chatops-worker');
    runtime = { runner: createWorkerRunner(process.env, logger), logger };
  }
  runtime.logger.addContext?.(context);
  return processTurnRecords(event.Records, runtime.runner, runtime.logger);
}
