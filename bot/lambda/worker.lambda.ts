/**
 * Worker Lambda (DESIGN §5; SQS event source with `ReportBatchItemFailures`): runs each queued turn
 * with the same turn runner as the in-process modes, through Powertools batch processing. A turn
 * that fails, or that the per-user rate limit defers, is reported in `batchItemFailures`, so SQS
 * delivers it again and nothing is lost
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). A message that is
 * not a turn is logged and dropped: it would fail forever. Turns run one after the other (a user's
 * turns keep their order within a batch), and a batch whose every turn is deferred is an answer, not
 * a Lambda error (`throwOnFullBatchFailure: false`).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseEnv } from '../../handlers/config/env';
import { loadConfig } from '../../handlers/config/load-config';
import { createLogger, type Logger } from '../../handlers/logger';
import { createSlackWebClient } from '../slack/slack-client';
import { WebClientSlackGateway } from '../slack/slack-gateway';
import { createTurnRunner } from '../turns/create-turn-runner';
import { InvalidTurnError, parseTurn } from '../turns/turn';
import type { TurnRunner } from '../turns/turn-runner';
import {
  dynamoLedger,
  lexBot,
  rateLimit,
  type SlackSecrets,
  slackSecrets,
  workerEnvSchema,
} from './lambda-env';
import { loadSlackSecrets } from './slack-secrets';

/** A turn the rate limit deferred: reported as a batch item failure so SQS delivers it later. */
class DeferredTurnError extends Error {}

/**
 * Runs the turns of one SQS batch in order; returns the ids of the messages to deliver again.
 * While a turn runs, every entry of `logger` (the runner's too) carries its `turnId`.
 */
export async function processTurnRecords(
  records: SQSRecord[],
  runner: TurnRunner,
  logger: Logger,
): Promise<SQSBatchResponse> {
  const runRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const turn = parseTurn(record.body);
      logger.appendKeys?.({ turnId: turn.id });
      const result = await runner.run(turn);
      if (result.status === 'deferred') throw new DeferredTurnError();
    } catch (error) {
      if (error instanceof InvalidTurnError) {
        logger.error('Dropping a queue message that is not a turn', { messageId: record.messageId, error });
        return;
      }
      if (!(error instanceof DeferredTurnError)) {
        logger.error('Turn failed; SQS will deliver it again', { messageId: record.messageId, error });
      }
      throw error;
    } finally {
      logger.removeKeys?.(['turnId']);
    }
  };
  const processor = new BatchProcessor(EventType.SQS);
  return processPartialResponse({ Records: records }, runRecord, processor, {
    processInParallel: false,
    throwOnFullBatchFailure: false,
  });
}

/**
 * Builds the turn runner from `env`.
 * @throws ConfigError naming every missing or bad variable ({@link workerEnvSchema}).
 */
export function createWorkerRunner(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = createLogger('chatops-worker'),
  secrets: SlackSecrets = slackSecrets(env),
) {
  parseEnv(workerEnvSchema, env);
  const config = loadConfig(env);
  const client = createSlackWebClient(secrets.botToken, logger, env.SLACK_API_URL || undefined);
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
    const secrets = await loadSlackSecrets(process.env);
    runtime = { runner: createWorkerRunner(process.env, logger, secrets), logger };
  }
  runtime.logger.addContext?.(context);
  return processTurnRecords(event.Records, runtime.runner, runtime.logger);
}
