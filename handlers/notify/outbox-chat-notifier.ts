/**
 * The chat outbox: the {@link ChatNotifier} of every core Lambda entry. handlers/ may not reach
 * Slack (the layer rule keeps `@slack/*` on the Slack side), so each notice becomes one
 * {@link ChatOutboxMessage} on the SQS queue `CHAT_QUEUE_URL` (SSE, dead-letter queue), which
 * bot/lambda/chat-outbox.lambda.ts renders with the Slack adapter and posts. The returned
 * {@link PostedMessage} is marked `queued`: it is not in Slack yet, so a caller that needs to know
 * where it lands puts `recordAs` on the notice and the consumer records it on the request.
 * SendMessage errors are retried by the SDK's standard retry strategy, then thrown to the caller
 * (who logs them; the outcome itself is already in the ledger).
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { parseEnv, requiredVar } from '../config/env';
import type { SlackOrigin } from '../ledger/request';
import type { ChatNotice, ChatNotifier, PostedMessage } from './chat-notifier.port';
import { type ChatOutboxMessage, chatOutboxMessageSchema, outboxNotice } from './chat-outbox-message';

/** The environment of an entry that posts through the outbox. */
export const chatOutboxEnvSchema = z.object({ CHAT_QUEUE_URL: requiredVar() });

export class OutboxChatNotifier implements ChatNotifier {
  constructor(private readonly options: { client: SQSClient; queueUrl: string }) {}

  async postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage> {
    const target = { teamId: origin.teamId, channelId: origin.channelId, ...pick(origin.threadTs) };
    return this.send({ kind: 'thread', target, ...parts(notice) }, origin.channelId);
  }

  async postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.send({ kind: 'channel', target: channelId, ...parts(notice) }, channelId);
  }

  async updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void> {
    const target = { channelId: message.channelId, ts: message.ts };
    await this.send({ kind: 'update', target, ...parts(notice) }, message.channelId);
  }

  /** The DM channel is opened by the consumer: `channelId` is empty here. */
  async directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.send({ kind: 'dm', target: slackUserId, ...parts(notice) }, '');
  }

  private async send(message: ChatOutboxMessage, channelId: string): Promise<PostedMessage> {
    const body = chatOutboxMessageSchema.parse(message);
    await this.options.client.send(
      new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: JSON.stringify(body) }),
    );
    return { channelId, ts: '', queued: true };
  }
}

const pick = (threadTs: string | undefined) => (threadTs ? { threadTs } : {});

function parts(notice: ChatNotice): Pick<ChatOutboxMessage, 'notice' | 'recordAs'> {
  return {
    notice: outboxNotice(notice),
    ...(notice.recordAs
      ? { recordAs: { requestId: notice.recordAs.requestId, externalId: notice.recordAs.externalId } }
      : {}),
  };
}

/**
 * The outbox of a Lambda entry, from `CHAT_QUEUE_URL`; one SQS client per container.
 * @throws ConfigError naming `CHAT_QUEUE_URL` when it is not set (at cold start).
 */
export function chatOutboxFromEnv(env: NodeJS.ProcessEnv, client?: SQSClient): OutboxChatNotifier {
  const { CHAT_QUEUE_URL } = parseEnv(chatOutboxEnvSchema, env);
  return new OutboxChatNotifier({ client: client ?? new SQSClient({}), queueUrl: CHAT_QUEUE_URL });
}
