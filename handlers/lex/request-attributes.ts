/**
 * The contract between the Slack side and the code hook: the verified Slack identity travels in
 * Lex `requestAttributes` under these keys (Lex reserves the `x-amz-lex:` prefix, so ours is
 * `chatops:`). The requester is always this verified identity, never something typed in chat.
 */
import * as z from 'zod';
import { acceptedKeys, type IdentityKeyring } from '../identity/identity-keys';
import { type IdentityVerdict, verifyIdentityAttributes } from '../identity/identity-signature';
import type { OrgFacts } from '../identity/membership';
import type { Requester, SlackOrigin } from '../ledger/request';

export const REQUEST_ATTRIBUTE_KEYS = {
  teamId: 'chatops:slackTeamId',
  userId: 'chatops:slackUserId',
  channelId: 'chatops:slackChannelId',
  threadTs: 'chatops:slackThreadTs',
  userName: 'chatops:slackUserName',
  userEmail: 'chatops:slackUserEmail',
  userGroupIds: 'chatops:slackUserGroupIds',
  /** Slack event or action id of this turn: the ledger's idempotency key. */
  turnId: 'chatops:turnId',
  /** Organisation facts (handlers/identity/membership.ts), from `users.info`: */
  enterpriseId: 'chatops:slackEnterpriseId',
  userTeamId: 'chatops:slackUserTeamId',
  /** `true` (guest), `false` (full member); absent when Slack would not say (treated as unverified). */
  guest: 'chatops:slackGuest',
  /** Enterprise Grid organisation of the signed payload (absent outside Grid). */
  payloadEnterpriseId: 'chatops:slackPayloadEnterpriseId',
} as const;

const identitySchema = z.object({
  [REQUEST_ATTRIBUTE_KEYS.teamId]: z.string().regex(/^[TE][A-Z0-9]+$/),
  [REQUEST_ATTRIBUTE_KEYS.userId]: z.string().regex(/^[UW][A-Z0-9]+$/),
  [REQUEST_ATTRIBUTE_KEYS.channelId]: z.string().regex(/^[CDG][A-Z0-9]+$/),
  [REQUEST_ATTRIBUTE_KEYS.threadTs]: z.string().optional(),
  [REQUEST_ATTRIBUTE_KEYS.userName]: z.string().optional(),
  [REQUEST_ATTRIBUTE_KEYS.userEmail]: z.string().optional(),
  [REQUEST_ATTRIBUTE_KEYS.userGroupIds]: z.string().optional(),
  [REQUEST_ATTRIBUTE_KEYS.turnId]: z.string().optional(),
  [REQUEST_ATTRIBUTE_KEYS.enterpriseId]: z
    .string()
    .regex(/^E[A-Z0-9]+$/)
    .optional(),
  [REQUEST_ATTRIBUTE_KEYS.userTeamId]: z
    .string()
    .regex(/^[TE][A-Z0-9]+$/)
    .optional(),
  [REQUEST_ATTRIBUTE_KEYS.guest]: z.enum(['true', 'false']).optional(),
  [REQUEST_ATTRIBUTE_KEYS.payloadEnterpriseId]: z
    .string()
    .regex(/^E[A-Z0-9]+$/)
    .optional(),
});

export interface VerifiedIdentity {
  requester: Requester;
  origin: SlackOrigin;
  userGroupIds: string[];
  turnId?: string;
  /** Organisation facts; absent or partial when Slack would not say (see membership.ts). */
  org?: OrgFacts;
}

/** Builds request attributes from a verified Slack identity (used by the Slack side). */
export function toRequestAttributes(identity: VerifiedIdentity): Record<string, string> {
  const k = REQUEST_ATTRIBUTE_KEYS;
  const attrs: Record<string, string> = {
    [k.teamId]: identity.requester.teamId,
    [k.userId]: identity.requester.slackUserId,
    [k.channelId]: identity.origin.channelId,
  };
  if (identity.origin.threadTs) attrs[k.threadTs] = identity.origin.threadTs;
  if (identity.requester.name) attrs[k.userName] = identity.requester.name;
  if (identity.requester.email) attrs[k.userEmail] = identity.requester.email;
  if (identity.userGroupIds.length) attrs[k.userGroupIds] = identity.userGroupIds.join(',');
  if (identity.turnId) attrs[k.turnId] = identity.turnId;
  if (identity.org?.enterpriseId) attrs[k.enterpriseId] = identity.org.enterpriseId;
  if (identity.org?.userTeamId) attrs[k.userTeamId] = identity.org.userTeamId;
  if (identity.org?.guest !== undefined) attrs[k.guest] = String(identity.org.guest);
  if (identity.org?.payloadEnterpriseId) attrs[k.payloadEnterpriseId] = identity.org.payloadEnterpriseId;
  return attrs;
}

/** The verified identity, or `undefined` when the attributes are missing or malformed. */
export function parseRequestAttributes(
  attrs: Record<string, string> | null | undefined,
): VerifiedIdentity | undefined {
  const parsed = identitySchema.safeParse(attrs ?? {});
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const k = REQUEST_ATTRIBUTE_KEYS;
  const teamId = a[k.teamId];
  const threadTs = a[k.threadTs];
  const turnId = a[k.turnId];
  const guest = a[k.guest];
  const org: OrgFacts = {
    ...(a[k.enterpriseId] ? { enterpriseId: a[k.enterpriseId] } : {}),
    ...(a[k.userTeamId] ? { userTeamId: a[k.userTeamId] } : {}),
    ...(guest ? { guest: guest === 'true' } : {}),
    ...(a[k.payloadEnterpriseId] ? { payloadEnterpriseId: a[k.payloadEnterpriseId] } : {}),
  };
  return {
    requester: {
      teamId,
      slackUserId: a[k.userId],
      ...(a[k.userName] ? { name: a[k.userName] } : {}),
      ...(a[k.userEmail] ? { email: a[k.userEmail] } : {}),
    },
    origin: { teamId, channelId: a[k.channelId], ...(threadTs ? { threadTs } : {}) },
    userGroupIds: (a[k.userGroupIds] ?? '').split(',').filter(Boolean),
    ...(turnId ? { turnId } : {}),
    ...(Object.keys(org).length ? { org } : {}),
  };
}

/**
 * The identity in `attrs` when its signature (DESIGN §5) verifies against `keyring` and is fresh;
 * otherwise `undefined` and why (never the attribute values: they may be forged).
 */
export function verifyRequestAttributes(
  attrs: Record<string, string> | null | undefined,
  keyring: IdentityKeyring,
  nowMs: number = Date.now(),
): { identity: VerifiedIdentity } | { identity?: undefined; reason: string } {
  const verdict: IdentityVerdict = verifyIdentityAttributes(attrs, acceptedKeys(keyring), nowMs);
  if (!verdict.ok) return { reason: verdict.reason };
  const identity = parseRequestAttributes(attrs);
  return identity ? { identity } : { reason: 'malformed' };
}
