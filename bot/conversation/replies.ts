/**
 * How a turn answers: ephemeral notes (through the interaction's `response_url` when there is one,
 * else `chat.postEphemeral`), and closing a clicked message so its buttons cannot be clicked twice
 * (`chat.update`, or `replace_original` for ephemeral messages, which `chat.update` cannot touch:
 * https://api.slack.com/interactivity/handling#updating_message_response).
 */
import type { Logger } from '../../handlers/logger';
import { outcomeBlock } from '../render/blocks';
import type { Blocks, SlackGateway } from '../slack/slack-gateway';
import type { ClickedMessage, Turn } from '../turns/turn';

export interface EphemeralTarget {
  userId: string;
  channelId: string;
  threadTs?: string;
  responseUrl?: string;
}

/** Ephemeral notes and clicked-message updates. */
export class Replies {
  constructor(
    private readonly slack: SlackGateway,
    private readonly logger: Logger,
  ) {}

  /** Shows `text` to the user only. Never throws: a note that cannot be delivered is logged. */
  async ephemeral(target: EphemeralTarget, text: string, blocks?: Blocks): Promise<void> {
    if (target.responseUrl) {
      try {
        await this.slack.respond(target.responseUrl, { text, ...(blocks ? { blocks } : {}) });
        return;
      } catch (error) {
        this.logger.warn('response_url post failed; falling back to chat.postEphemeral', { error });
      }
    }
    try {
      await this.slack.postEphemeral({
        channel: target.channelId,
        user: target.userId,
        text,
        ...(blocks ? { blocks } : {}),
        ...(target.threadTs ? { threadTs: target.threadTs } : {}),
      });
    } catch (error) {
      this.logger.error('Could not deliver an ephemeral message', { userId: target.userId, error });
    }
  }

  /** Replaces the clicked message's buttons with its outcome. Never throws. */
  async closeClicked(turn: Turn, clicked: ClickedMessage): Promise<void> {
    const blocks: Blocks = [...(clicked.keptBlocks as Blocks), ...outcomeBlock(clicked.outcome)];
    const text = clicked.text || clicked.outcome;
    try {
      if (clicked.isEphemeral && turn.responseUrl) {
        await this.slack.respond(turn.responseUrl, { text, blocks, replaceOriginal: true });
      } else if (!clicked.isEphemeral) {
        await this.slack.updateMessage({ channel: clicked.channelId, ts: clicked.messageTs, text, blocks });
      }
    } catch (error) {
      this.logger.warn('Could not update the clicked message', { channelId: clicked.channelId, error });
    }
  }
}

/** Where ephemeral notes for `turn` go. */
export function ephemeralTarget(turn: Turn, threadTs?: string): EphemeralTarget {
  return {
    userId: turn.userId,
    channelId: turn.channelId,
    ...(threadTs ? { threadTs } : {}),
    ...(turn.responseUrl ? { responseUrl: turn.responseUrl } : {}),
  };
}
