/**
 * Who may approve, from config (issue 11): approver emails (`approvers.emails`, reached by email
 * link) and Slack approvers (`approvers.slackUserIds`, members of `approvers.userGroupIds`, users
 * with the `approver` role), reached by the buttons in `slack.approversChannel`. One person is one
 * approver whichever way they decide: a Slack user whose config `email` is an approver email counts
 * as that email, so nobody counts twice towards a quorum.
 */
import { APPROVER_ROLE } from '../authz/roles';
import type { ChatOpsConfig } from '../config/config.schema';
import type { ChatOpsRequest } from '../ledger/request';

/** An approver as the desk counts them: `id` is canonical (email, else `slack:<user id>`). */
export interface Approver {
  id: string;
  label: string;
}

const lower = (s: string) => s.trim().toLowerCase();

function emailOf(config: ChatOpsConfig, slackUserId: string): string | undefined {
  const email = config.users.find((u) => u.slackUserId === slackUserId)?.email;
  return email === undefined ? undefined : lower(email);
}

function slackIdOf(config: ChatOpsConfig, email: string): string | undefined {
  return config.users.find((u) => u.email !== undefined && lower(u.email) === email)?.slackUserId;
}

const approverEmails = (config: ChatOpsConfig) => config.approvers.emails.map(lower);

function label(email: string | undefined, slackUserId: string | undefined): string {
  if (email && slackUserId) return `${email} (${slackUserId})`;
  return email ?? slackUserId ?? 'unknown';
}

/** The approver behind an emailed token's approver, or `undefined` if config no longer lists them. */
export function approverByEmail(config: ChatOpsConfig, email: string): Approver | undefined {
  const id = lower(email);
  if (!approverEmails(config).includes(id)) return undefined;
  return { id, label: label(id, slackIdOf(config, id)) };
}

/** The approver behind a verified Slack user, or `undefined` when they may not approve. */
export function approverBySlack(
  config: ChatOpsConfig,
  slackUserId: string,
  userGroupIds: readonly string[] = [],
): Approver | undefined {
  const user = config.users.find((u) => u.slackUserId === slackUserId);
  const allowed =
    config.approvers.slackUserIds.includes(slackUserId) ||
    (user?.roles.includes(APPROVER_ROLE) ?? false) ||
    userGroupIds.some((g) => config.approvers.userGroupIds.includes(g)) ||
    config.userGroups.some(
      (g) => g.roles.includes(APPROVER_ROLE) && userGroupIds.includes(g.slackUserGroupId),
    );
  if (!allowed) return undefined;
  const email = emailOf(config, slackUserId);
  const id = email && approverEmails(config).includes(email) ? email : `slack:${slackUserId}`;
  return { id, label: label(email, slackUserId) };
}

/** Whether the approver is the request's own requester (separation of duties). */
export function isRequester(config: ChatOpsConfig, request: ChatOpsRequest, approver: Approver): boolean {
  const requesterId = request.requester.slackUserId;
  const emails = [request.requester.email, emailOf(config, requesterId) ?? undefined]
    .filter((e): e is string => e !== undefined)
    .map(lower);
  return (
    approver.id === `slack:${requesterId}` ||
    emails.includes(approver.id) ||
    slackIdOf(config, approver.id) === requesterId
  );
}

/** Every approver config names (emails, then Slack-only approvers), for "pending approvers". */
export function allApprovers(config: ChatOpsConfig): Approver[] {
  const byId = new Map<string, Approver>();
  for (const email of approverEmails(config))
    byId.set(email, { id: email, label: label(email, slackIdOf(config, email)) });
  const slackIds = new Set([
    ...config.approvers.slackUserIds,
    ...config.users.filter((u) => u.roles.includes(APPROVER_ROLE)).map((u) => u.slackUserId),
  ]);
  for (const id of slackIds) {
    const approver = approverBySlack(config, id);
    if (approver && !byId.has(approver.id)) byId.set(approver.id, approver);
  }
  return [...byId.values()];
}

/** Approvers who may still approve: not yet counted and not the requester. */
export function pendingApprovers(config: ChatOpsConfig, request: ChatOpsRequest): Approver[] {
  const voted = new Set((request.approval?.votes ?? []).map((v) => v.approver));
  return allApprovers(config).filter((a) => !voted.has(a.id) && !isRequester(config, request, a));
}
