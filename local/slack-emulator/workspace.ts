/**
 * The emulated workspace behind the loopback Slack Web API: users, DM channels, posted messages and
 * published App Home views, and one function per Web API method that answers with the response
 * shape of the real method (https://api.slack.com/methods/<method>). Pure in-memory state; the HTTP
 * side lives in ./web-api.ts.
 */
import type { EmulatedSlackUser } from '../sandbox-users';
import { type SlackTsClock, sharedTsClock } from './ts-clock';

/** Web API arguments after decoding (JSON-valued form fields such as `blocks` are parsed). */
export type ApiArgs = Record<string, unknown>;
/** A Web API answer: `{ ok: true, ... }` or `{ ok: false, error }`. */
export type ApiResult = { ok: boolean } & Record<string, unknown>;

export interface WorkspaceIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
  users: readonly EmulatedSlackUser[];
}

/** The DM channel id the emulator gives the conversation between the bot and `userId`. */
export function dmChannelFor(userId: string): string {
  return `D${userId.replace(/^[UW]/, '')}`;
}

const fail = (error: string): ApiResult => ({ ok: false, error });
const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** In-memory workspace answering the Web API methods the ChatOps bot uses. */
export class EmulatedWorkspace {
  private readonly messages = new Map<string, Record<string, unknown>>();
  private readonly views = new Map<string, Record<string, unknown>>();
  private viewSeq = 0;

  constructor(
    private readonly identity: WorkspaceIdentity,
    private readonly clock: SlackTsClock = sharedTsClock,
  ) {}

  /** The answer to `method`, or `unknown_method`. */
  answer(method: string, args: ApiArgs): ApiResult {
    const handler = this.handlers[method];
    return handler ? handler(args) : fail('unknown_method');
  }

  /** A message the bot posted (as last updated), or undefined. */
  message(channel: string, ts: string): Record<string, unknown> | undefined {
    return this.messages.get(`${channel}:${ts}`);
  }

  private readonly handlers: Record<string, (args: ApiArgs) => ApiResult> = {
    'auth.test': () => this.authTest(),
    'users.info': (args) => this.usersInfo(args),
    'conversations.open': (args) => this.conversationsOpen(args),
    'chat.postMessage': (args) => this.postMessage(args),
    'chat.update': (args) => this.update(args),
    'chat.postEphemeral': (args) => this.postEphemeral(args),
    'chat.getPermalink': (args) => this.getPermalink(args),
    'views.publish': (args) => this.viewsPublish(args),
    'views.open': (args) => this.viewsOpen(args),
  };

  private authTest(): ApiResult {
    const { teamId, botUserId, botId } = this.identity;
    return {
      ok: true,
      url: 'https://chatops-sandbox.slack.com/',
      team: 'ChatOps Sandbox',
      user: 'chatops',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    };
  }

  private findUser(id: unknown): EmulatedSlackUser | undefined {
    return this.identity.users.find((u) => u.id === id);
  }

  private usersInfo(args: ApiArgs): ApiResult {
    const user = this.findUser(args.user);
    if (!user) return fail('user_not_found');
    const profile = {
      real_name: user.realName,
      display_name: user.displayName,
      real_name_normalized: user.realName,
      display_name_normalized: user.displayName,
      email: user.email,
      team: user.teamId ?? this.identity.teamId,
    };
    // The users.info fields the membership rule reads (https://docs.slack.dev/reference/methods/users.info).
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: user.teamId ?? this.identity.teamId,
        name: user.name,
        is_restricted: user.restricted === true || user.ultraRestricted === true,
        is_ultra_restricted: user.ultraRestricted === true,
        ...(user.enterpriseId ? { enterprise_user: { enterprise_id: user.enterpriseId, id: user.id } } : {}),
        deleted: false,
        real_name: user.realName,
        tz: 'Europe/London',
        is_bot: false,
        is_app_user: false,
        profile,
      },
    };
  }

  private conversationsOpen(args: ApiArgs): ApiResult {
    const users = (str(args.users) ?? '').split(',').filter(Boolean);
    const channel = str(args.channel);
    if (channel) return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
    const first = users[0];
    if (users.length !== 1 || !first)
      return fail(users.length ? 'not_enough_users' : 'users_list_not_supplied');
    if (!this.findUser(first)) return fail('user_not_found');
    return { ok: true, no_op: true, already_open: true, channel: { id: dmChannelFor(first) } };
  }

  /** `channel` as Slack resolves it: a user id posts to that user's DM. */
  private resolveChannel(args: ApiArgs): string | undefined {
    const channel = str(args.channel);
    return channel && /^[UW]/.test(channel) ? dmChannelFor(channel) : channel;
  }

  private content(args: ApiArgs): Record<string, unknown> | undefined {
    if (!str(args.text) && !Array.isArray(args.blocks) && !Array.isArray(args.attachments)) return undefined;
    const out: Record<string, unknown> = { text: str(args.text) ?? '' };
    for (const key of ['blocks', 'attachments', 'metadata'] as const) if (args[key]) out[key] = args[key];
    return out;
  }

  private botMessage(
    ts: string,
    content: Record<string, unknown>,
    threadTs?: string,
  ): Record<string, unknown> {
    const { botUserId, botId, teamId } = this.identity;
    const thread = threadTs ? { thread_ts: threadTs } : {};
    return { type: 'message', user: botUserId, bot_id: botId, team: teamId, ts, ...thread, ...content };
  }

  private postMessage(args: ApiArgs): ApiResult {
    const channel = this.resolveChannel(args);
    if (!channel) return fail('channel_not_found');
    const content = this.content(args);
    if (!content) return fail('no_text');
    const ts = this.clock.next();
    const message = this.botMessage(ts, content, str(args.thread_ts));
    this.messages.set(`${channel}:${ts}`, message);
    return { ok: true, channel, ts, message };
  }

  private update(args: ApiArgs): ApiResult {
    const channel = this.resolveChannel(args);
    const ts = str(args.ts);
    const existing = channel && ts ? this.message(channel, ts) : undefined;
    if (!channel || !ts || !existing) return fail(channel ? 'message_not_found' : 'channel_not_found');
    const content = this.content(args);
    if (!content) return fail('no_text');
    const message: Record<string, unknown> = {
      ...existing,
      ...content,
      edited: { user: this.identity.botUserId, ts: this.clock.next() },
    };
    this.messages.set(`${channel}:${ts}`, message);
    return { ok: true, channel, ts, text: message.text, message };
  }

  private postEphemeral(args: ApiArgs): ApiResult {
    const channel = this.resolveChannel(args);
    if (!channel) return fail('channel_not_found');
    if (!this.findUser(args.user)) return fail('user_not_in_channel');
    if (!this.content(args)) return fail('no_text');
    return { ok: true, message_ts: this.clock.next() };
  }

  private getPermalink(args: ApiArgs): ApiResult {
    const channel = str(args.channel);
    const ts = str(args.message_ts);
    if (!channel || !ts) return fail(channel ? 'message_not_found' : 'channel_not_found');
    const permalink = `https://chatops-sandbox.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
    return { ok: true, channel, permalink };
  }

  private viewsPublish(args: ApiArgs): ApiResult {
    if (!this.findUser(args.user_id)) return fail('user_not_found');
    const view = args.view;
    if (!view || typeof view !== 'object') return fail('invalid_arguments');
    this.viewSeq += 1;
    const id = `VHOME${String(this.viewSeq).padStart(6, '0')}`;
    return { ok: true, view: { id, team_id: this.identity.teamId, ...view, hash: `${Date.now()}.${id}` } };
  }

  /** https://api.slack.com/methods/views.open: a modal for a (not yet expired) trigger id. */
  private viewsOpen(args: ApiArgs): ApiResult {
    const trigger = str(args.trigger_id);
    if (!trigger) return fail('invalid_arguments');
    if (!/^\d+\.\d+\.[0-9a-f]+$/.test(trigger)) return fail('invalid_trigger_id');
    const view = args.view;
    if (!view || typeof view !== 'object' || (view as { type?: unknown }).type !== 'modal')
      return fail('invalid_arguments');
    this.viewSeq += 1;
    const id = `VMODAL${String(this.viewSeq).padStart(5, '0')}`;
    const opened = {
      id,
      team_id: this.identity.teamId,
      ...view,
      state: { values: {} },
      hash: `${Date.now()}.${id}`,
    };
    this.views.set(id, opened);
    return { ok: true, view: opened };
  }

  /** A modal opened with `views.open`, as Slack holds it (for simulating its submission). */
  view(id: string): Record<string, unknown> | undefined {
    return this.views.get(id);
  }
}
