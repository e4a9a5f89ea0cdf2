/**
 * Plays Slack's side of the conversation: builds real Events API / interactivity / slash-command
 * bodies (./payloads.ts), signs them (./signer.ts) and POSTs them to the app's request URL, the way
 * Slack does (JSON for events, `payload=<json>` form for interactivity, plain form for commands).
 * Options reproduce Slack's delivery quirks: stale timestamps, `X-Slack-Retry-Num` /
 * `X-Slack-Retry-Reason` on redeliveries, and the same `event_id` on a retry.
 */
import { type EmulatedSlackUser, SANDBOX_BOT, SANDBOX_USERS } from '../sandbox-users';
import { postText } from './http-post';
import {
  type AppIdentity,
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsPayload,
  eventCallback,
  type JsonObject,
  messageEvent,
  randomSlackId,
  slashCommandFields,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './payloads';
import { signSlackRequest } from './signer';
import type { EnvelopeType, SocketModeHub } from './socket-mode';
import { sharedTsClock } from './ts-clock';
import { dmChannelFor } from './workspace';

export interface SlackSenderOptions {
  /** The app's request URL, e.g. `http://127.0.0.1:P/slack/events`. */
  eventsUrl: string;
  signingSecret: string;
  teamId: string;
  /** The Enterprise Grid organisation of `teamId` (envelopes then carry `enterprise_id`). */
  enterpriseId?: string;
  apiAppId?: string;
  botUserId?: string;
  /** Prefix for `response_url`s (the emulator's `responseUrlBase`); default a hooks.slack.com look-alike. */
  responseUrlBase?: string;
  /** Users whose handles go into payloads (default: the sandbox users). */
  users?: readonly EmulatedSlackUser[];
  /**
   * Deliver as Socket Mode envelopes through this hub instead of signed HTTP (`eventsUrl` and
   * `signingSecret` are then unused; a send resolves with the app's ack, its payload as `body`).
   */
  socketMode?: SocketModeHub;
}

/** Delivery options shared by every send. */
export interface DeliveryOptions {
  /** Signing timestamp in epoch seconds (default now): set it 6 minutes back for a stale request. */
  timestampSeconds?: number;
  /** Adds `X-Slack-Retry-Num` (and `X-Slack-Retry-Reason`, default `http_timeout`). */
  retryNum?: number;
  retryReason?: string;
}

/** Options for events: reuse an `event_id` to simulate Slack redelivering the same event. */
export interface EventDeliveryOptions extends DeliveryOptions {
  eventId?: string;
}

export interface SlackSendResult {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** The `event_id` sent (events only). */
  eventId?: string;
  /** The message `ts` minted for a message or mention. */
  ts?: string;
}

export interface SendMessageInput extends EventDeliveryOptions {
  user: string;
  /** Default: the user's DM channel with the app. */
  channel?: string;
  text: string;
  threadTs?: string;
  /** `im` (default), `channel`, `group` or `mpim`. */
  channelType?: string;
}

export interface BlockActionInput extends DeliveryOptions {
  user: string;
  channel: string;
  messageTs: string;
  actionId: string;
  blockId?: string;
  value: string;
  /** The button's label (default: the value). */
  buttonText?: string;
  /** The message holding the button, as posted (the emulator's `message(channel, ts)`). */
  message?: JsonObject;
  /** The button sat in an ephemeral message (`container.is_ephemeral`). */
  isEphemeral?: boolean;
}

export interface SlashCommandInput extends DeliveryOptions {
  user: string;
  channel?: string;
  text: string;
  command?: string;
}

/** Sends signed Slack requests to one app. */
export class SlackSender {
  private readonly app: AppIdentity;

  constructor(private readonly options: SlackSenderOptions) {
    this.app = {
      teamId: options.teamId,
      apiAppId: options.apiAppId ?? SANDBOX_BOT.appId,
      botUserId: options.botUserId ?? SANDBOX_BOT.userId,
      ...(options.enterpriseId ? { enterpriseId: options.enterpriseId } : {}),
    };
  }

  /** A user's message (a DM to the app by default). */
  sendMessage(input: SendMessageInput): Promise<SlackSendResult> {
    const ts = sharedTsClock.next();
    const channel = input.channel ?? dmChannelFor(input.user);
    const event = messageEvent({
      ...this.userText(input, channel, ts),
      channelType: input.channelType ?? 'im',
    });
    return this.sendEvent(event, input, ts);
  }

  /** A message mentioning the app in a channel. */
  sendAppMention(
    input: Omit<SendMessageInput, 'channelType'> & { channel: string },
  ): Promise<SlackSendResult> {
    const ts = sharedTsClock.next();
    return this.sendEvent(appMentionEvent(this.userText(input, input.channel, ts)), input, ts);
  }

  /** The user opened the app's Home tab. */
  sendAppHomeOpened(input: { user: string } & EventDeliveryOptions): Promise<SlackSendResult> {
    return this.sendEvent(
      appHomeOpenedEvent(input.user, dmChannelFor(input.user), sharedTsClock.next()),
      input,
    );
  }

  /** A button click on a message (interactivity, form body `payload=<json>`). */
  sendBlockAction(input: BlockActionInput): Promise<SlackSendResult> {
    const payload = blockActionsPayload(
      {
        user: this.handle(input.user),
        channel: input.channel,
        messageTs: input.messageTs,
        actionId: input.actionId,
        blockId: input.blockId ?? randomSlackId('', 5),
        value: input.value,
        buttonText: input.buttonText ?? input.value,
        actionTs: sharedTsClock.next(),
        responseUrl: this.responseUrl('actions'),
        ...(input.message ? { message: input.message } : {}),
        ...(input.isEphemeral ? { isEphemeral: true } : {}),
      },
      this.app,
    );
    return this.deliver('interactive', payload, input, () =>
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    );
  }

  /** A modal's submission (interactivity, form body `payload=<json>`). */
  sendViewSubmission(
    input: Omit<ViewSubmissionInput, 'user'> & { user: string } & DeliveryOptions,
  ): Promise<SlackSendResult> {
    const payload = viewSubmissionPayload(
      { user: this.handle(input.user), view: input.view, values: input.values },
      this.app,
    );
    return this.deliver('interactive', payload, input, () =>
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    );
  }

  /** A slash command (`/chatops` by default), form-encoded. */
  sendSlashCommand(input: SlashCommandInput): Promise<SlackSendResult> {
    const fields = slashCommandFields(
      {
        user: this.handle(input.user),
        channel: input.channel ?? dmChannelFor(input.user),
        command: input.command ?? '/chatops',
        text: input.text,
        responseUrl: this.responseUrl('commands'),
      },
      this.app,
    );
    return this.deliver('slash_commands', fields, input, () => new URLSearchParams(fields).toString());
  }

  /** Signs and POSTs `body` as is, with `headers` added (e.g. a content type). */
  async sendRaw(
    body: string,
    headers: Record<string, string>,
    delivery: DeliveryOptions = {},
  ): Promise<SlackSendResult> {
    const signature = signSlackRequest(body, this.options.signingSecret, delivery.timestampSeconds);
    const retry: Record<string, string> =
      delivery.retryNum === undefined
        ? {}
        : {
            'x-slack-retry-num': String(delivery.retryNum),
            'x-slack-retry-reason': delivery.retryReason ?? 'http_timeout',
          };
    return postText(this.options.eventsUrl, body, {
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...headers,
      ...signature,
      ...retry,
    });
  }

  private async sendEvent(
    event: JsonObject,
    delivery: EventDeliveryOptions,
    ts?: string,
  ): Promise<SlackSendResult> {
    const eventId = delivery.eventId ?? randomSlackId('Ev');
    const envelope = eventCallback(event, this.app, eventId, Math.floor(Date.now() / 1000));
    const result = await this.deliver('events_api', envelope, delivery, () => JSON.stringify(envelope));
    return { ...result, eventId, ...(ts ? { ts } : {}) };
  }

  /**
   * Over HTTP: `httpBody()` signed and POSTed (JSON for events, a form otherwise, as Slack does).
   * Over Socket Mode: `payload` in an envelope of `type`; Slack's retry counter travels as
   * `retry_attempt` (there is no signature, so `timestampSeconds` does not apply).
   */
  private async deliver(
    type: EnvelopeType,
    payload: JsonObject,
    delivery: DeliveryOptions,
    httpBody: () => string,
  ): Promise<SlackSendResult> {
    const hub = this.options.socketMode;
    if (hub) {
      const ack = await hub.send(type, payload, {
        ...(delivery.retryNum !== undefined ? { retryAttempt: delivery.retryNum } : {}),
        ...(delivery.retryReason ? { retryReason: delivery.retryReason } : {}),
      });
      return { status: 200, body: ack.payload ? JSON.stringify(ack.payload) : '', headers: {} };
    }
    const contentType = type === 'events_api' ? 'application/json' : 'application/x-www-form-urlencoded';
    return this.sendRaw(httpBody(), { 'content-type': contentType }, delivery);
  }

  private userText(input: { user: string; text: string; threadTs?: string }, channel: string, ts: string) {
    const thread = input.threadTs ? { threadTs: input.threadTs } : {};
    return { user: input.user, channel, text: input.text, ts, teamId: this.app.teamId, ...thread };
  }

  private handle(userId: string): { id: string; name: string } {
    const known = (this.options.users ?? SANDBOX_USERS).find((u) => u.id === userId);
    return { id: userId, name: known?.name ?? userId.toLowerCase() };
  }

  private responseUrl(kind: 'actions' | 'commands'): string {
    const id = `${this.app.teamId}/${Date.now()}/${randomSlackId('', 24).toLowerCase()}`;
    const base = this.options.responseUrlBase ?? 'https://hooks.slack.com/';
    return `${base}${kind}/${id}`;
  }
}
