/**
 * The outbound Slack port (DESIGN §6 rule 5): the few Web API calls the turn runner makes. The
 * adapter is {@link WebClientSlackGateway}; unit tests use a recording twin. `respond` posts to an
 * interaction's `response_url` (the only way to answer ephemerally everywhere a slash command can
 * be typed, https://api.slack.com/interactivity/handling#message_responses).
 */
import type { types, webApi } from '@slack/bolt';
import { ChatOpsError } from '../../handlers/errors';

export type Blocks = types.KnownBlock[];
type WebClient = webApi.WebClient;

export interface OutgoingMessage {
  channel: string;
  text: string;
  blocks?: Blocks;
  threadTs?: string;
}

export interface UserProfile {
  name?: string;
  email?: string;
  /** The user's home workspace (`team_id`): another organisation's for a Slack Connect user. */
  teamId?: string;
  /** Enterprise Grid organisation (`enterprise_user.enterprise_id`). */
  enterpriseId?: string;
  /** A multi- or single-channel guest (`is_restricted` / `is_ultra_restricted`). */
  guest: boolean;
}

export interface SlackGateway {
  /** Posts a message; returns where it landed. */
  postMessage(message: OutgoingMessage): Promise<{ channel: string; ts: string }>;
  updateMessage(message: OutgoingMessage & { ts: string }): Promise<void>;
  postEphemeral(message: OutgoingMessage & { user: string }): Promise<void>;
  /** Posts to a `response_url` (ephemeral unless `inChannel`; `replaceOriginal` rewrites the clicked message). */
  respond(
    responseUrl: string,
    message: { text: string; blocks?: Blocks; replaceOriginal?: boolean; inChannel?: boolean },
  ): Promise<void>;
  /** The id of the bot's DM channel with `userId`. */
  openDm(userId: string): Promise<string>;
  publishHome(userId: string, view: { type: 'home'; blocks: Blocks }): Promise<void>;
  /** Name and email from `users.info`, or `undefined` when Slack will not say. */
  userProfile(userId: string): Promise<UserProfile | undefined>;
  /** Members of a user group (`usergroups.users.list`). */
  userGroupMembers(userGroupId: string): Promise<string[]>;
}

/** A `response_url` post failed; `status` is the HTTP status. */
export class SlackResponseUrlError extends ChatOpsError {
  constructor(status: number) {
    super(
      'SLACK_RESPONSE_URL_FAILED',
      `Posting to the interaction's response_url failed with HTTP ${status}.`,
      {
        status,
      },
    );
  }
}

/** {@link SlackGateway} over @slack/web-api (which already retries 429s after `Retry-After`). */
export class WebClientSlackGateway implements SlackGateway {
  constructor(
    private readonly client: WebClient,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async postMessage(m: OutgoingMessage): Promise<{ channel: string; ts: string }> {
    const result = await this.client.chat.postMessage({
      channel: m.channel,
      text: m.text,
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    });
    return { channel: result.channel ?? m.channel, ts: result.ts ?? '' };
  }

  async updateMessage(m: OutgoingMessage & { ts: string }): Promise<void> {
    await this.client.chat.update({ channel: m.channel, ts: m.ts, text: m.text, blocks: m.blocks ?? [] });
  }

  async postEphemeral(m: OutgoingMessage & { user: string }): Promise<void> {
    await this.client.chat.postEphemeral({
      channel: m.channel,
      user: m.user,
      text: m.text,
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    });
  }

  async respond(
    responseUrl: string,
    m: { text: string; blocks?: Blocks; replaceOriginal?: boolean; inChannel?: boolean },
  ): Promise<void> {
    const body = {
      text: m.text,
      ...(m.blocks ? { blocks: m.blocks } : {}),
      response_type: m.inChannel ? 'in_channel' : 'ephemeral',
      ...(m.replaceOriginal ? { replace_original: true } : {}),
    };
    const res = await this.fetchFn(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new SlackResponseUrlError(res.status);
  }

  async openDm(userId: string): Promise<string> {
    const result = await this.client.conversations.open({ users: userId });
    return result.channel?.id ?? userId;
  }

  async publishHome(userId: string, view: { type: 'home'; blocks: Blocks }): Promise<void> {
    await this.client.views.publish({ user_id: userId, view });
  }

  async userProfile(userId: string): Promise<UserProfile | undefined> {
    const result = await this.client.users.info({ user: userId });
    const user = result.user;
    if (!user) return undefined;
    const name = user.profile?.real_name || user.real_name || user.name;
    const email = user.profile?.email;
    // users.info (https://docs.slack.dev/reference/methods/users.info): `is_restricted` marks a
    // multi-channel guest, `is_ultra_restricted` a single-channel guest; `team_id` is the user's home
    // workspace and `enterprise_user.enterprise_id` their Enterprise Grid organisation.
    const enterpriseId = user.enterprise_user?.enterprise_id;
    return {
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(user.team_id ? { teamId: user.team_id } : {}),
      ...(enterpriseId ? { enterpriseId } : {}),
      guest: user.is_restricted === true || user.is_ultra_restricted === true,
    };
  }

  async userGroupMembers(userGroupId: string): Promise<string[]> {
    const result = await this.client.usergroups.users.list({ usergroup: userGroupId });
    return result.users ?? [];
  }
}
