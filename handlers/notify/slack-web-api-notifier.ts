/**
 * A minimal `ChatNotifier` for core Lambda entries that post without the Bolt app (the pipeline
 * notifications): Slack Web API `chat.postMessage` over `fetch`
 * (https://api.slack.com/methods/chat.postMessage), no `@slack/*` package, every string escaped
 * for Slack's markup. Only `postToChannel` and `postToThread` are needed by those entries.
 */
import { ChatOpsError } from '../errors';
import type { SlackOrigin } from '../ledger/request';
import type { ChatNotice, ChatNotifier, PostedMessage } from './chat-notifier.port';

const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Block Kit for a notice: its text, its fields, its detail, its buttons. */
export function noticeBlocks(notice: ChatNotice): unknown[] {
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: escapeSlack(notice.text) } }];
  if (notice.fields?.length) {
    const lines = notice.fields.map((f) => `*${escapeSlack(f.label)}:* ${escapeSlack(f.value)}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.slice(0, 3000) } });
  }
  if (notice.detail)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: escapeSlack(notice.detail).slice(0, 3000) },
    });
  if (notice.actions?.length) {
    blocks.push({
      type: 'actions',
      elements: notice.actions.map((a) => ({
        type: 'button',
        action_id: a.actionId,
        text: { type: 'plain_text', text: a.label.slice(0, 75) },
        value: a.value,
        ...(a.style ? { style: a.style } : {}),
      })),
    });
  }
  return blocks;
}

export class SlackWebApiNotifier implements Pick<ChatNotifier, 'postToChannel' | 'postToThread'> {
  constructor(
    private readonly token: () => Promise<string>,
    private readonly apiUrl = 'https://slack.com/api/',
  ) {}

  postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.post({ channel: channelId }, notice);
  }

  postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage> {
    return this.post(
      { channel: origin.channelId, ...(origin.threadTs ? { thread_ts: origin.threadTs } : {}) },
      notice,
    );
  }

  private async post(where: Record<string, string>, notice: ChatNotice): Promise<PostedMessage> {
    const response = await fetch(`${this.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.token()}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({ ...where, text: escapeSlack(notice.text), blocks: noticeBlocks(notice) }),
    });
    const body = (await response.json()) as { ok?: boolean; error?: string; channel?: string; ts?: string };
    if (!body.ok || !body.ts) {
      throw new ChatOpsError(
        'SLACK_POST_FAILED',
        `Slack refused the message (${body.error ?? response.status}).`,
        {
          slackError: body.error ?? String(response.status),
        },
      );
    }
    return { channelId: body.channel ?? where.channel ?? '', ts: body.ts };
  }
}
