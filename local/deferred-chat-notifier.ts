/**
 * A chat notifier whose Slack side is bound later: the local backend (code hook, executions)
 * starts before the Slack app and its Web API endpoint exist, so local/stack.ts binds the real
 * `SlackChatNotifier` once it knows where Slack is. A notice sent before that fails with a coded
 * error, which the executions log (the outcome stays in the ledger).
 */
import type { SlackOrigin } from '../handlers/ledger/request';
import type { ChatNotice, ChatNotifier, PostedMessage } from '../handlers/notify/chat-notifier.port';
import { ChatOpsError } from '../kernel/errors';

/** A notice was sent before the Slack side of the local stack was up. */
export class SlackNotBoundError extends ChatOpsError {
  constructor() {
    super('SLACK_NOT_BOUND', 'The Slack side of the local stack is not up yet, so nothing was posted.');
  }
}

export class DeferredChatNotifier implements ChatNotifier {
  private target: ChatNotifier | undefined;

  /** Sends every later notice to `target`. */
  bind(target: ChatNotifier): void {
    this.target = target;
  }

  async postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage> {
    return this.bound().postToThread(origin, notice);
  }

  async postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.bound().postToChannel(channelId, notice);
  }

  async updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void> {
    return this.bound().updateMessage(message, notice);
  }

  async directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.bound().directMessage(slackUserId, notice);
  }

  private bound(): ChatNotifier {
    if (!this.target) throw new SlackNotBoundError();
    return this.target;
  }
}
