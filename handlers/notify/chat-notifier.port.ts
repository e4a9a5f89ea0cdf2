/**
 * The chat-notifier port: how executors, sweepers and the approval machinery tell people what
 * happened without knowing Slack (DESIGN §6 rules 1 and 5). A notice is plain data — text, a few
 * labelled facts, buttons — that the Slack adapter (bot/slack/) renders as Block Kit, escaping every
 * string for Slack's markup. `RecordingChatNotifier` is the twin for tests.
 */
import { plainCopy } from '../../kernel/plain-copy';
import type { SlackOrigin } from '../ledger/request';

/** One button. `actionId` is one the Slack side listens for (e.g. `approval_approve`). */
export interface NoticeAction {
  actionId: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
  /** A confirm dialog shown before the click counts. */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

/** What to say. Strings are plain text: the adapter escapes them (nothing in them is markup). */
export interface ChatNotice {
  /** The message (also the notification fallback text). */
  text: string;
  /** Key facts shown as a list of `label: value`. */
  fields?: readonly { label: string; value: string }[];
  /** Longer detail shown under the fields (e.g. a plan of AWS calls). */
  detail?: string;
  actions?: readonly NoticeAction[];
  /** Slack user ids to mention as real mentions (e.g. the requester in "Requested by"). */
  mentions?: readonly string[];
  /**
   * Where the posted message should be remembered: the external id `externalId` of request
   * `requestId` gets `channel/ts` (an audited NOTE). An in-process notifier ignores it (the caller
   * records what it got back); the chat outbox's consumer records it once Slack has answered.
   */
  recordAs?: RecordAs;
}

/** The request external id a posted message's `channel/ts` is recorded as. */
export interface RecordAs {
  requestId: string;
  externalId: string;
}

/** Where a posted message landed, so it can be updated later. */
export interface PostedMessage {
  channelId: string;
  ts: string;
  /**
   * Set when the notice was only queued (the chat outbox): it is not in Slack yet, `ts` is empty
   * and nothing may be recorded from it (put `recordAs` on the notice instead).
   */
  queued?: true;
}

export interface ChatNotifier {
  /** Posts in the request's original thread (`origin.threadTs`), or in its channel when there is none. */
  postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage>;
  /** Posts a new message in a channel (the approvers channel, a pipeline's channel). */
  postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage>;
  /** Replaces a message posted earlier (e.g. an approval message once decided). */
  updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void>;
  /** A direct message to one user. */
  directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage>;
}

/** One call the recording twin saw. */
export type RecordedNotice =
  | { kind: 'thread'; origin: SlackOrigin; notice: ChatNotice; posted: PostedMessage }
  | { kind: 'channel'; channelId: string; notice: ChatNotice; posted: PostedMessage }
  | { kind: 'update'; message: PostedMessage; notice: ChatNotice }
  | { kind: 'dm'; slackUserId: string; notice: ChatNotice; posted: PostedMessage };

/** Recording twin: keeps every notice; message timestamps count up from `1000.000001`. */
export class RecordingChatNotifier implements ChatNotifier {
  readonly notices: RecordedNotice[] = [];
  private seq = 0;

  async postToThread(origin: SlackOrigin, notice: ChatNotice): Promise<PostedMessage> {
    const posted = this.next(origin.channelId);
    this.notices.push({ kind: 'thread', origin: plainCopy(origin), notice: plainCopy(notice), posted });
    return posted;
  }

  async postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    const posted = this.next(channelId);
    this.notices.push({ kind: 'channel', channelId, notice: plainCopy(notice), posted });
    return posted;
  }

  async updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void> {
    this.notices.push({ kind: 'update', message: plainCopy(message), notice: plainCopy(notice) });
  }

  async directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage> {
    const posted = this.next(`D${slackUserId}`);
    this.notices.push({ kind: 'dm', slackUserId, notice: plainCopy(notice), posted });
    return posted;
  }

  private next(channelId: string): PostedMessage {
    this.seq += 1;
    return { channelId, ts: `1000.${String(this.seq).padStart(6, '0')}` };
  }
}
