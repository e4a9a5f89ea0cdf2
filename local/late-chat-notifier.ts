/**
 * A {@link ChatNotifier} whose target is attached after start: the local backend (approvals,
 * sweeps, executions) starts before the Slack app whose Web API client posts the messages. Until a
 * target is attached, notices are logged (never dropped silently).
 */

import type { SlackOrigin } from '../handlers/ledger/request';
import type { Logger } from '../handlers/logger';
import type { ChatNotice, ChatNotifier, PostedMessage } from '../handlers/notify/chat-notifier.port';

export class LateChatNotifier implements ChatNotifier {
  private target: ChatNotifier | undefined;
  private seq = 0;

  constructor(private readonly logger: Logger) {}

  attach(target: ChatNotifier): void {
    this.target = target;
  }

  postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage> {
    return this.target ? this.target.postToThread(origin, notice) : this.log(origin.channelId, notice);
  }

  postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.target ? this.target.postToChannel(channelId, notice) : this.log(channelId, notice);
  }

  async updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void> {
    if (this.target) return this.target.updateMessage(message, notice);
    await this.log(message.channelId, notice);
  }

  directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.target ? this.target.directMessage(slackUserId, notice) : this.log(`D${slackUserId}`, notice);
  }

  private async log(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    this.logger.info('Slack notice (no Slack client attached yet)', { channelId, text: notice.text });
    this.seq += 1;
    return { channelId, ts: `0.${String(this.seq).padStart(6, '0')}` };
  }
}
