/**
 * Worker Lambda (DESIGN §5; SQS event source with `ReportBatchItemFailures`): runs each queued turn
 * with the same turn runner as the in-process modes, through Powertools batch processing (in order:
 * a user's turns keep their order within a batch). A turn that fails is reported in
 * `batchItemFailures`, so SQS delivers it again and nothing is lost
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). A turn the per-user
 * rate limit defers is re-enqueued as a new message with `DelaySeconds` (see SqsTurnRequeue: that
 * does not count towards `maxReceiveCount`); only if that fails is it reported for redelivery. A
 * message that is not a turn is logged and dropped: it would fail forever. A batch whose every turn
 * failed is an answer, not a Lambda error (`throwOnFullBatchFailure: false`).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { approvalDeskFromEnv } from '../../handlers/approvals/approval-lambda-deps';
import { parseEnv } from '../../handlers/config/env';
import { loadConfig } from '../../handlers/config/load-config';
import { identityKeysFromEnv } from '../../handlers/identity/secrets-manager-keys';
import { createLogger, type Logger } from '../../handlers/logger';
import { SlackChatNotifier } from '../slack/slack-chat-notifier';
import { createSlackWebClient } from '../slack/slack-client';
import { WebClientSlackGateway } from '../slack/slack-gateway';
import { createTurnRunner } from '../turns/create-turn-runner';
import { SqsTurnRequeue, type TurnRequeue } from '../turns/sqs-turn-queue';
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

/** A deferred turn that could not be re-enqueued: reported so SQS delivers it again. */
class DeferredTurnError extends Error {}

/**
 * Runs the turns of one SQS batch in order; returns the ids of the messages to deliver again.
 * While a turn runs, every entry of `logger` (the runner's too) carries its `turnId`.
 */
export async function processTurnRecords(
  records: SQSRecord[],
  runner: TurnRunner,
  logger: Logger,
  requeue: TurnRequeue,
): Promise<SQSBatchResponse> {
  const runRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const turn = parseTurn(record.body);
      logger.appendKeys?.({ turnId: turn.id });
      const result = await runner.run(turn);
      if (result.status === 'deferred' && !(await deferred(record, result.retryAfterMs, requeue, logger)))
        throw new DeferredTurnError();
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

/** Re-enqueues a deferred turn; false (so SQS redelivers it) when that fails. */
async function deferred(record: SQSRecord, retryAfterMs: number, requeue: TurnRequeue, logger: Logger) {
  try {
    await requeue.requeue(record, retryAfterMs / 1000);
    logger.info('Rate-limited turn re-enqueued with a delay', { messageId: record.messageId, retryAfterMs });
    return true;
  } catch (error) {
    logger.error('Could not re-enqueue a rate-limited turn; SQS will deliver it again', {
      messageId: record.messageId,
      error,
    });
    return false;
  }
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
  const slack = new WebClientSlackGateway(client);
  const ledger = dynamoLedger(env, config.ledger.retentionDays);
  // Approve / Reject buttons: the approval desk (tokens' keys, hand-off to the execution queue)
  // when the stack gives the worker the approval key and the queue; else the "use the email" twin.
  const approvals =
    env.APPROVAL_KEY_SECRET_ID && env.EXECUTION_QUEUE_URL
      ? approvalDeskFromEnv(env, { config, ledger, chat: new SlackChatNotifier(slack), logger })
      : undefined;
  return createTurnRunner({
    slack,
    lex: lexBot(env),
    ledger,
    ...(approvals ? { approvals } : {}),
    config,
    logger,
    rateLimit: rateLimit(env),
    identityKeys: identityKeysFromEnv(env),
  });
}

let runtime: { runner: TurnRunner; logger: Logger; requeue: TurnRequeue } | undefined;

/** The Lambda entry. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  if (!runtime) {
    const logger = createLogger('chatops-worker');
    const secrets = await loadSlackSecrets(process.env);
    const requeue = new SqsTurnRequeue(new SQSClient({}), process.env.TURN_QUEUE_URL);
    runtime = { runner: createWorkerRunner(process.env, logger, secrets), logger, requeue };
  }
  runtime.logger.addContext?.(context);
  return processTurnRecords(event.Records, runtime.runner, runtime.logger, runtime.requeue);
}
