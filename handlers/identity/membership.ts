/**
 * One organisation, real members (issue 9). Who may use ChatOps is decided from verified facts only:
 * the workspace the signed Slack payload came from (Events API `team_id` / `authorizations`,
 * interactivity `team.id`, slash command `team_id`; https://docs.slack.dev/apis/events-api/#callback-field)
 * and what Slack's own `users.info` says about the user: `team_id` (their home workspace: a Slack
 * Connect user from another organisation has theirs), `enterprise_user.enterprise_id` (Enterprise
 * Grid) and `is_restricted` / `is_ultra_restricted` (multi- and single-channel guests;
 * https://docs.slack.dev/reference/methods/users.info). The Slack side resolves these facts, signs
 * them into the identity attributes (DESIGN §5), and both it and the code hook apply the rule below.
 *
 * The rule: with `slack.teamId`, `slack.teamIds` or `slack.enterpriseId` configured, a payload from
 * another workspace, or a user whose home workspace / enterprise is not ours, is `external` and is
 * refused everything. Guests are refused unless `slack.guests` is `readOnly`, which lets them use
 * read-only intents; changes and approvals always need a full member. When `users.info` could not
 * be read the user is `unverified`: read-only intents work (ids are enough for them), changes and
 * approvals are refused, failing closed. With no team configured, any workspace is accepted.
 */
import type { ChatOpsConfig } from '../config/config.schema';

/** The organisation facts about a requester, as resolved by the Slack side and signed. */
export interface OrgFacts {
  /** Enterprise Grid organisation of the user (`users.info` `enterprise_user.enterprise_id`). */
  enterpriseId?: string;
  /** The user's home workspace (`users.info` `team_id`). */
  userTeamId?: string;
  /** `is_restricted || is_ultra_restricted`; undefined when `users.info` could not be read. */
  guest?: boolean;
  /**
   * The Enterprise Grid organisation the signed payload came from (Bolt's `context.enterpriseId`,
   * from the payload's `enterprise_id` / `authorizations[].enterprise_id` / `enterprise.id`).
   * Absent outside Grid. When present it decides where the payload is from, before any profile.
   */
  payloadEnterpriseId?: string;
}

export type OrgAccess = 'member' | 'guest' | 'unverified' | 'external';
/** What is being attempted: a read-only intent, a change (write intent), or an approval decision. */
export type AccessLevel = 'read' | 'write' | 'approve';

/** Refusal for users of another organisation (Slack Connect) or workspace. */
export const EXTERNAL_REFUSAL =
  "Sorry, ChatOps only serves members of this organisation's Slack workspace, and your account belongs to another one, so I can't do that.";
/** Refusal for guests (and for every guest request when `slack.guests` is `refuse`). */
export const GUEST_REFUSAL =
  "Sorry, guest accounts can't use ChatOps for this: changes and approvals need a full member of the workspace.";
/** Refusal for guests when guests are refused entirely. */
export const GUEST_REFUSED_ENTIRELY = "Sorry, guest accounts can't use ChatOps in this workspace.";
/** Refusal when Slack would not confirm the user's membership. */
export const UNVERIFIED_REFUSAL =
  "Sorry, I couldn't confirm with Slack that you are a full member of this workspace, so I can't make changes or approvals for you. Please try again in a few minutes.";

/** The workspaces config accepts: `slack.teamId` (kept for compatibility) and `slack.teamIds`. */
export function allowedTeams(slack: ChatOpsConfig['slack']): string[] {
  return [...(slack.teamId ? [slack.teamId] : []), ...(slack.teamIds ?? [])];
}

/** Where the requester stands: see the file comment for the rule. */
export function orgAccess(
  teamId: string,
  org: OrgFacts | undefined,
  slack: ChatOpsConfig['slack'],
): OrgAccess {
  const teams = allowedTeams(slack);
  if (teams.length > 0 || slack.enterpriseId) {
    const inOrg = (team: string | undefined, enterprise: string | undefined) =>
      (team !== undefined && teams.includes(team)) ||
      (slack.enterpriseId !== undefined && enterprise === slack.enterpriseId);
    // The payload's own enterprise (signed by Slack) decides when Slack gave one; else the user's.
    if (!inOrg(teamId, org?.payloadEnterpriseId ?? org?.enterpriseId)) return 'external';
    if (org?.userTeamId && !inOrg(org.userTeamId, org.enterpriseId)) return 'external';
  }
  if (org?.guest === undefined) return 'unverified';
  return org.guest ? 'guest' : 'member';
}

/** The message refusing `level` to someone with `access`, or `undefined` when it is allowed. */
export function accessRefusal(
  access: OrgAccess,
  level: AccessLevel,
  slack: ChatOpsConfig['slack'],
): string | undefined {
  switch (access) {
    case 'member':
      return undefined;
    case 'external':
      return EXTERNAL_REFUSAL;
    case 'guest':
      if (level !== 'read') return GUEST_REFUSAL;
      return slack.guests === 'readOnly' ? undefined : GUEST_REFUSED_ENTIRELY;
    case 'unverified':
      return level === 'read' ? undefined : UNVERIFIED_REFUSAL;
  }
}

/** The same refusal from a Slack ids perspective: payload team plus the signed facts. */
export function refusalFor(
  teamId: string,
  org: OrgFacts | undefined,
  level: AccessLevel,
  slack: ChatOpsConfig['slack'],
): string | undefined {
  return accessRefusal(orgAccess(teamId, org, slack), level, slack);
}
