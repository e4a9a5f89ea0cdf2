/**
 * Authorization from config: roles keyed by verified Slack user ids and user-group ids (DESIGN §2
 * step 4). `admin` may run every intent; an intent with no required roles is open to any verified
 * user (unnamed users may ask for changes, which then need approval, and can never approve).
 */
import type { ApprovalPolicy, IntentSpec } from '../../intents/define-intent';
import type { Caller } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import type { VerifiedIdentity } from '../lex/request-attributes';

export const ADMIN_ROLE = 'admin';
export const APPROVER_ROLE = 'approver';

/** The caller's roles and IAM mapping from config. */
export function toCaller(identity: VerifiedIdentity, config: ChatOpsConfig): Caller {
  const roles = new Set<string>();
  const user = config.users.find((u) => u.slackUserId === identity.requester.slackUserId);
  for (const role of user?.roles ?? []) roles.add(role);
  for (const group of config.userGroups) {
    if (identity.userGroupIds.includes(group.slackUserGroupId))
      for (const role of group.roles) roles.add(role);
  }
  return { ...identity.requester, roles, ...(user?.iamUser ? { iamUser: user.iamUser } : {}) };
}

/** Roles allowed to run the intent: config overrides the catalog. Empty means anyone. */
export function requiredRoles(spec: Readonly<IntentSpec>, config: ChatOpsConfig): readonly string[] {
  return config.intents[spec.id]?.roles ?? spec.requiredRoles;
}

export function canRun(spec: Readonly<IntentSpec>, caller: Caller, config: ChatOpsConfig): boolean {
  const needed = requiredRoles(spec, config);
  return needed.length === 0 || caller.roles.has(ADMIN_ROLE) || needed.some((r) => caller.roles.has(r));
}

export function approvalPolicy(spec: Readonly<IntentSpec>, config: ChatOpsConfig): ApprovalPolicy {
  return config.intents[spec.id]?.approval ?? spec.approval;
}
