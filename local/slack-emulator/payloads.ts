/**
 * Builders for the request bodies Slack sends to an app, in the shapes of the fixtures under
 * test/fixtures/slack/ (a unit test checks that every builder produces the fixture's key set):
 * - Events API `event_callback` envelopes (https://api.slack.com/apis/events-api#callback-field)
 *   around `message` (https://api.slack.com/events/message.im), `app_mention` and `app_home_opened`;
 * - interactivity `block_actions` payloads (https://api.slack.com/reference/interaction-payloads/block-actions);
 * - slash-command form fields (https://api.slack.com/interactivity/slash-commands#app_command_handling).
 */
import { randomBytes } from 'node:crypto';

/** Who the app is in the envelope (`api_app_id`, `authorizations`). */
export interface AppIdentity {
  teamId: string;
  apiAppId: string;
  botUserId: string;
  /** The Enterprise Grid organisation of the workspace (absent: not Grid). */
  enterpriseId?: string;
}

export type JsonObject = Record<string, unknown>;

/** A random upper-case alphanumeric id with `prefix`, like Slack's `Ev…` event ids. */
export function randomSlackId(prefix: string, length = 12): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return prefix + [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A `trigger_id` such as `1700000002.123456789.0a1b…`. */
export function randomTriggerId(): string {
  return `${Math.floor(Date.now() / 1000)}.${100000000 + (randomBytes(3).readUIntBE(0, 3) % 899999999)}.${randomBytes(16).toString('hex')}`;
}

/** Wraps an event in an `event_callback` envelope. */
export function eventCallback(
  event: JsonObject,
  app: AppIdentity,
  eventId: string,
  eventTime: number,
): JsonObject {
  const enterprise = app.enterpriseId ?? null;
  return {
    token: 'XXYYZZverificationtoken',
    // Grid workspaces' envelopes carry the organisation too (https://docs.slack.dev/apis/events-api/#callback-field).
    ...(enterprise ? { enterprise_id: enterprise } : {}),
    team_id: app.teamId,
    context_team_id: app.teamId,
    context_enterprise_id: enterprise,
    api_app_id: app.apiAppId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: enterprise,
        team_id: app.teamId,
        user_id: app.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: eventContext(event, app),
  };
}

/** Slack's opaque `event_context`: `4-` + base64url JSON naming event type, team, app and channel. */
function eventContext(event: JsonObject, app: AppIdentity): string {
  const context = { et: event.type, tid: app.teamId, aid: app.apiAppId, cid: event.channel };
  return `4-${Buffer.from(JSON.stringify(context)).toString('base64url')}`;
}

export interface UserText {
  user: string;
  channel: string;
  text: string;
  ts: string;
  teamId: string;
  threadTs?: string;
}

/** The `rich_text` block Slack clients attach to a typed message; `<@U…>` becomes a user element. */
function richText(text: string): JsonObject[] {
  const elements = text
    .split(/(<@[UW][A-Z0-9]+>)/)
    .filter(Boolean)
    .map((part) => {
      const mention = /^<@([UW][A-Z0-9]+)>$/.exec(part);
      return mention ? { type: 'user', user_id: mention[1] } : { type: 'text', text: part };
    });
  return [
    {
      type: 'rich_text',
      block_id: randomSlackId('', 4),
      elements: [{ type: 'rich_text_section', elements }],
    },
  ];
}

function userTextEvent(type: string, input: UserText): JsonObject {
  const thread = input.threadTs ? { thread_ts: input.threadTs } : {};
  return {
    client_msg_id: randomBytes(16)
      .toString('hex')
      .replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5'),
    type,
    text: input.text,
    user: input.user,
    ts: input.ts,
    blocks: richText(input.text),
    team: input.teamId,
    ...thread,
    channel: input.channel,
    event_ts: input.ts,
  };
}

/** A user's `message` event (`channel_type` `im` for a DM with the app). */
export function messageEvent(input: UserText & { channelType: string }): JsonObject {
  return { ...userTextEvent('message', input), channel_type: input.channelType };
}

/** An `app_mention` event (text should contain `<@BOTUSERID>`). */
export function appMentionEvent(input: UserText): JsonObject {
  return userTextEvent('app_mention', input);
}

/** An `app_home_opened` event for the Home tab. */
export function appHomeOpenedEvent(user: string, channel: string, eventTs: string): JsonObject {
  return { type: 'app_home_opened', user, channel, tab: 'home', event_ts: eventTs };
}

export interface BlockActionInput {
  user: { id: string; name: string };
  channel: string;
  messageTs: string;
  actionId: string;
  blockId: string;
  value: string;
  buttonText: string;
  actionTs: string;
  responseUrl: string;
  /** The message that held the button, as the app posted it. */
  message?: JsonObject;
  /** True when the button sat in an ephemeral message. */
  isEphemeral?: boolean;
}

/** A `block_actions` payload for a button click on a message. */
export function blockActionsPayload(input: BlockActionInput, app: AppIdentity): JsonObject {
  const channelName = input.channel.startsWith('D') ? 'directmessage' : input.channel.toLowerCase();
  return {
    type: 'block_actions',
    user: { id: input.user.id, username: input.user.name, name: input.user.name, team_id: app.teamId },
    api_app_id: app.apiAppId,
    token: 'XXYYZZverificationtoken',
    container: {
      type: 'message',
      message_ts: input.messageTs,
      channel_id: input.channel,
      is_ephemeral: input.isEphemeral ?? false,
    },
    trigger_id: randomTriggerId(),
    team: { id: app.teamId, domain: 'chatops-sandbox' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel, name: channelName },
    message: input.message ?? { type: 'message', ts: input.messageTs, text: '' },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        action_id: input.actionId,
        block_id: input.blockId,
        text: { type: 'plain_text', text: input.buttonText, emoji: true },
        value: input.value,
        type: 'button',
        action_ts: input.actionTs,
      },
    ],
  };
}

export interface SlashCommandInput {
  user: { id: string; name: string };
  channel: string;
  command: string;
  text: string;
  responseUrl: string;
}

/** The form fields of a slash command invocation (all strings, as Slack posts them). */
export function slashCommandFields(input: SlashCommandInput, app: AppIdentity): Record<string, string> {
  return {
    token: 'XXYYZZverificationtoken',
    team_id: app.teamId,
    team_domain: 'chatops-sandbox',
    channel_id: input.channel,
    channel_name: input.channel.startsWith('D') ? 'directmessage' : input.channel.toLowerCase(),
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command,
    text: input.text,
    api_app_id: app.apiAppId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: randomTriggerId(),
  };
}

export interface ViewSubmissionInput {
  user: { id: string; name: string };
  /** The modal as the app opened it (`views.open`'s `view`, with its `id`). */
  view: JsonObject;
  /** `state.values`: block id → action id → `{ type, value }`. */
  values: Record<string, Record<string, { type: string; value: string | null }>>;
}

/** A `view_submission` payload (https://api.slack.com/reference/interaction-payloads/views). */
export function viewSubmissionPayload(input: ViewSubmissionInput, app: AppIdentity): JsonObject {
  return {
    type: 'view_submission',
    team: { id: app.teamId, domain: 'chatops-sandbox' },
    user: { id: input.user.id, username: input.user.name, name: input.user.name, team_id: app.teamId },
    api_app_id: app.apiAppId,
    token: 'XXYYZZverificationtoken',
    trigger_id: randomTriggerId(),
    view: {
      ...input.view,
      team_id: app.teamId,
      app_id: app.apiAppId,
      bot_id: 'B0SANDBOX',
      state: { values: input.values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
