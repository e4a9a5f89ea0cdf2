/**
 * The verified identity of a turn (DESIGN §2 step 2): Slack ids from the signed payload, profile
 * (name, email) from `users.info`, and user-group membership for the groups config gives roles to.
 * Profiles and memberships are cached for a few minutes per user / group, so a conversation costs
 * one `users.info` call, not one per utterance. A failed look-up (not cached) degrades to ids only:
 * the ids are what authorization uses, the profile only labels the request.
 */
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import { type AccessLevel, type OrgFacts, refusalFor } from '../../handlers/identity/membership';
import type { VerifiedIdentity } from '../../handlers/lex/request-attributes';
import type { Logger } from '../../handlers/logger';
import type { SlackGateway, UserProfile } from '../slack/slack-gateway';

/** How long a profile or group membership is reused. */
export const IDENTITY_CACHE_MS = 5 * 60_000;

export interface IdentityInput {
  teamId: string;
  userId: string;
  channelId: string;
  threadTs?: string;
  turnId: string;
  /** Enterprise Grid organisation of the signed payload (see OrgFacts.payloadEnterpriseId). */
  enterpriseId?: string;
}

function orgFactsOf(profile: UserProfile | undefined, payloadEnterpriseId?: string): OrgFacts {
  const payload = payloadEnterpriseId ? { payloadEnterpriseId } : {};
  if (!profile) return payload;
  return {
    ...payload,
    ...(profile.enterpriseId ? { enterpriseId: profile.enterpriseId } : {}),
    ...(profile.teamId ? { userTeamId: profile.teamId } : {}),
    guest: profile.guest,
  };
}

interface Cached<T> {
  value: T;
  expires: number;
}

/** Resolves (and caches) the verified identity of a turn. */
export class IdentityResolver {
  private readonly profiles = new Map<string, Cached<UserProfile | undefined>>();
  private readonly groups = new Map<string, Cached<ReadonlySet<string>>>();

  constructor(
    private readonly slack: SlackGateway,
    private readonly config: ChatOpsConfig,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The identity to send to Lex for this turn. */
  async resolve(input: IdentityInput): Promise<VerifiedIdentity> {
    const [profile, userGroupIds] = await Promise.all([
      this.profile(input.userId),
      this.groupsOf(input.userId),
    ]);
    return {
      requester: {
        teamId: input.teamId,
        slackUserId: input.userId,
        ...(profile?.name ? { name: profile.name } : {}),
        ...(profile?.email ? { email: profile.email } : {}),
      },
      origin: {
        teamId: input.teamId,
        channelId: input.channelId,
        ...(input.threadTs ? { threadTs: input.threadTs } : {}),
      },
      userGroupIds,
      turnId: input.turnId,
      org: orgFactsOf(profile, input.enterpriseId),
    };
  }

  /** The organisation facts of `userId` from `users.info` (cached); `guest` is unset when unknown. */
  async orgFacts(userId: string, payloadEnterpriseId?: string): Promise<OrgFacts> {
    return orgFactsOf(await this.profile(userId), payloadEnterpriseId);
  }

  /**
   * The refusal for `userId` of `teamId` attempting `level` (handlers/identity/membership.ts), or
   * `undefined` when allowed: the Slack side refuses early with the code hook's own message.
   */
  async refusal(
    teamId: string,
    userId: string,
    level: AccessLevel,
    payloadEnterpriseId?: string,
  ): Promise<string | undefined> {
    return refusalFor(teamId, await this.orgFacts(userId, payloadEnterpriseId), level, this.config.slack);
  }

  private async profile(userId: string): Promise<UserProfile | undefined> {
    try {
      return await this.cached(this.profiles, userId, () => this.slack.userProfile(userId));
    } catch (error) {
      this.logger.warn('users.info failed; continuing with the Slack user id only', { userId, error });
      return undefined;
    }
  }

  private async groupsOf(userId: string): Promise<string[]> {
    const configured = this.config.userGroups.map((g) => g.slackUserGroupId);
    const memberships = await Promise.all(
      configured.map(async (groupId) => {
        const members = await this.members(groupId);
        return members.has(userId) ? groupId : undefined;
      }),
    );
    return memberships.filter((g): g is string => g !== undefined);
  }

  private async members(groupId: string): Promise<ReadonlySet<string>> {
    try {
      return await this.cached(
        this.groups,
        groupId,
        async () => new Set(await this.slack.userGroupMembers(groupId)),
      );
    } catch (error) {
      this.logger.warn('usergroups.users.list failed; treating the group as empty', { groupId, error });
      return new Set();
    }
  }

  private async cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = await load();
    cache.set(key, { value, expires: this.now() + IDENTITY_CACHE_MS });
    return value;
  }
}
