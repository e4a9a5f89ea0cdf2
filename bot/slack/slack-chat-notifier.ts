/**
 * The Slack adapter of the core's chat-notifier port (handlers/notify/chat-notifier.port.ts) over
 * the outbound {@link SlackGateway}: a notice becomes Block Kit — a section for the text (led by
 * real `<@U…>` mentions), a fields section, a detail section, and buttons with optional confirm
 * dialogs. Every string from the notice is escaped with `escapeSlackText`, so nothing a requester
 * typed can become a mention, a link or a broadcast.
 */
import type { types } from '@slack/bolt';
import type { SlackOrigin } from '../../handlers/ledger/request';
import type {
  ChatNotice,
  ChatNotifier,
  NoticeAction,
  PostedMessage,
} from '../../handlers/notify/chat-notifier.port';
import { escapeSlackText } from '../conversation/slack-text';
import type { Blocks, SlackGateway } from './slack-gateway';

/** Slack's limits: 3000 characters per section text, 10 fields per section, 2000 per field. */
const SECTION_MAX = 3000;
const FIELDS_PER_SECTION = 10;
const FIELD_MAX = 2000;
/** Slack user ids (`U…`, `W…`) — anything else in `mentions` is dropped, never rendered. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plain = (text: string, max = 75): types.PlainTextElement => ({
  type: 'plain_text',
  text: clip(escapeSlackText(text), max),
});

/** The fallback text: mentions, then the escaped message. */
export function noticeText(notice: ChatNotice): string {
  const mentions = (notice.mentions ?? []).filter((id) => USER_ID.test(id)).map((id) => `<@${id}>`);
  return [...mentions, escapeSlackText(notice.text)].join(' ');
}

function button(action: NoticeAction): types.Button {
  return {
    type: 'button',
    action_id: action.actionId,
    text: plain(action.label),
    value: action.value,
    ...(action.style ? { style: action.style } : {}),
    ...(action.confirm
      ? {
          confirm: {
            title: plain(action.confirm.title, 100),
            text: plain(action.confirm.text, 300),
            confirm: plain(action.confirm.confirm, 30),
            deny: plain(action.confirm.deny, 30),
          },
        }
      : {}),
  };
}

/** The Block Kit of a notice (pure). */
export function noticeBlocks(notice: ChatNotice): Blocks {
  const blocks: Blocks = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(noticeText(notice), SECTION_MAX) } },
  ];
  const fields = (notice.fields ?? []).map(
    (f): types.MrkdwnElement => ({
      type: 'mrkdwn',
      text: clip(`*${escapeSlackText(f.label)}*\n${escapeSlackText(f.value)}`, FIELD_MAX),
    }),
  );
  for (let i = 0; i < fields.length; i += FIELDS_PER_SECTION) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + FIELDS_PER_SECTION) });
  }
  if (notice.detail) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(escapeSlackText(notice.detail), SECTION_MAX) },
    });
  }
  if (notice.actions?.length) blocks.push({ type: 'actions', elements: notice.actions.map(button) });
  return blocks;
}

/** {@link ChatNotifier} over the Slack Web API gateway. */
export class SlackChatNotifier implements ChatNotifier {
  constructor(private readonly slack: SlackGateway) {}

  async postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage> {
    return this.post(origin.channelId, notice, origin.threadTs);
  }

  async postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.post(channelId, notice);
  }

  async updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void> {
    await this.slack.updateMessage({
      channel: message.channelId,
      ts: message.ts,
      text: noticeText(notice),
      blocks: noticeBlocks(notice),
    });
  }

  async directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.post(await this.slack.openDm(slackUserId), notice);
  }

  private async post(channel: string, notice: ChatNotice, threadTs?: string): Promise<PostedMessage> {
    const posted = await this.slack.postMessage({
      channel,
      text: noticeText(notice),
      blocks: noticeBlocks(notice),
      ...(threadTs ? { threadTs } : {}),
    });
    return { channelId: posted.channel, ts: posted.ts };
  }
}
