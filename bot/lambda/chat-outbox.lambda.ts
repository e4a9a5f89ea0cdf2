/**
 * The chat outbox's consumer (SQS event source with `ReportBatchItemFailures`): every
 * {@link ChatOutboxMessage} the core Lambdas queued (handlers/notify/outbox-chat-notifier.ts) is
 * rendered and posted by the Slack adapter of the chat-notifier port ({@link SlackChatNotifier}
 * over {@link WebClientSlackGateway}, the bot token from the Slack secret), in order, through
 * Powertools batch processing. Then, when the message asks for it (`recordAs`), where the post
 * landed is recorded on the request (an audited NOTE, handlers/notify/recorded-message.ts).
 *
 * - A message that is not an outbox message is logged (its SQS message id only) and dropped: it
 *   would fail forever.
 * - A Slack failure is reported in `batchItemFailures`, so SQS delivers it again (and after 5
 *   receives, to the dead-letter queue). Slack's 429s are waited out by the WebClient's own retry
 *   (`Retry-After`, bot/slack/slack-client.ts) before that.
 * - A post that landed but could not be recorded is logged, not redelivered (it would post twice).
 *
 * Env: `TABLE_NAME`, `SLACK_SECRET_ARN` (or `SLACK_BOT_TOKEN` locally), optional `SLACK_API_URL`.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { optionalVar, parseEnv, requiredVar } from '../../handlers/config/env';
import { loadConfig } from '../../handlers/config/load-config';
import { errorCode } from '../../handlers/errors';
import type { Ledger } from '../../handlers/ledger/ledger.port';
import { createLogger, type Logger } from '../../handlers/logger';
import type { ChatNotifier, PostedMessage } from '../../handlers/notify/chat-notifier.port';
import { type ChatOutboxMessage, chatOutboxMessageSchema } from '../../handlers/notify/chat-outbox-message';
import { recordPostedMessage } from '../../handlers/notify/recorded-message';
import { SlackChatNotifier } from '../slack/slack-chat-notifier';
import { createSlackWebClient } from '../slack/slack-client';
import { WebClientSlackGateway } from '../slack/slack-gateway';
import { dynamoLedger } from './lambda-env';
import { loadSlackSecrets } from './slack-secrets';

/** The consumer's environment (the Slack secret is checked by loadSlackSecrets). */
export const chatOutboxConsumerEnvSchema = z.object({
  TABLE_NAME: requiredVar(),
  SLACK_API_URL: optionalVar(),
});

export interface ChatOutboxDeps {
  /** The Slack adapter of the chat-notifier port. */
  chat: ChatNotifier;
  ledger: Ledger;
  logger: Logger;
}

/** Makes one outbox message's call; returns where it landed (nothing for an update). */
async function deliver(message: ChatOutboxMessage, chat: ChatNotifier): Promise<PostedMessage | undefined> {
  switch (message.kind) {
    case 'thread':
      return chat.postToThread(message.target, message.notice);
    case 'channel':
      return chat.postToChannel(message.target, message.notice);
    case 'dm':
      return chat.directMessage(message.target, message.notice);
    case 'update':
      await chat.updateMessage(message.target, message.notice);
      return undefined;
  }
}

function parseMessage(body: string): ChatOutboxMessage | undefined {
  try {
    const parsed = chatOutboxMessageSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Slack's own error name (`channel_not_found`, `ratelimited`…) of a Web API error, if any. */
function slackError(error: unknown): { slackError?: string } {
  const name = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof name === 'string' && /^[a-z_]{1,64}$/.test(name) ? { slackError: name } : {};
}

/** Delivers the messages of one SQS batch in order; returns the ids to deliver again. */
export async function processOutboxRecords(
  records: SQSRecord[],
  deps: ChatOutboxDeps,
): Promise<SQSBatchResponse> {
  const { chat, ledger, logger } = deps;
  const runRecord = async (record: SQSRecord): Promise<void> => {
    const message = parseMessage(record.body);
    if (!message) {
      logger.error('Dropping a queue message that is not a chat outbox message', {
        messageId: record.messageId,
      });
      return;
    }
    const requestId = message.recordAs?.requestId;
    let posted: PostedMessage | undefined;
    try {
      posted = await deliver(message, chat);
    } catch (error) {
      logger.error('Slack did not take an outbox message; SQS will deliver it again', {
        messageId: record.messageId,
        kind: message.kind,
        code: errorCode(error),
        ...slackError(error),
      });
      throw error;
    }
    if (!message.recordAs || !posted) return;
    try {
      const recorded = await recordPostedMessage(ledger, message.recordAs, posted);
      if (!recorded)
        logger.warn('posted, but not recorded on the request', { messageId: record.messageId, requestId });
    } catch (error) {
      logger.error('posted, but recording it failed', {
        messageId: record.messageId,
        requestId,
        code: errorCode(error),
      });
    }
  };
  const processor = new BatchProcessor(EventType.SQS);
  return processPartialResponse({ Records: records }, runRecord, processor, {
    processInParallel: false,
    throwOnFullBatchFailure: false,
  });
}

/**
 * The consumer's deps: the Slack adapter with the bot token of the Slack secret, the ledger.
 * @throws ConfigError naming every missing variable or secret field (never a value)
 */
export async function buildOutboxDeps(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = createLogger('chatops-chat-outbox'),
): Promise<ChatOutboxDeps> {
  const { SLACK_API_URL } = parseEnv(chatOutboxConsumerEnvSchema, env);
  const config = loadConfig(env);
  const { botToken } = await loadSlackSecrets(env);
  const client = createSlackWebClient(botToken, logger, SLACK_API_URL);
  return {
    chat: new SlackChatNotifier(new WebClientSlackGateway(client)),
    ledger: dynamoLedger(env, config.ledger.retentionDays),
    logger,
  };
}

let deps: ChatOutboxDeps | undefined;

/** The Lambda entry. */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  deps ??= await buildOutboxDeps();
  if (context) deps.logger.addContext?.(context);
  return processOutboxRecords(event.Records, deps);
}
