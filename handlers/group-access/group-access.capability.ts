/**
 * JoinIdentityCenterGroup (the worked example's write intent): the requester joins one of the
 * groups config allows (checked against the identity store) for 1..`maxHours` hours, after
 * approval. The member is the requester's own Identity Center user, found by the verified email
 * of their Slack profile (never a typed value). Removal when the time is up: ./expiry-sweep.ts.
 */
import { joinIdentityCenterGroupIntent } from '../../intents/examples/join-identity-center-group.intent';
import type { Capability, CapabilityResult, ExecuteInput, SlotCheck } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { type GroupAccessDeps, GroupAccessError } from './group-access.port';

/** The deps the capability uses: its port, and the shared clock of every capability's deps. */
export type JoinGroupDeps = GroupAccessDeps & { clock: () => Date };

const HOUR_MS = 3_600_000;

/** The configured group whose name is `value` (any case), in config's spelling. */
function allowedGroup(value: string, config: ChatOpsConfig): string | undefined {
  const wanted = value.trim().toLowerCase();
  return config.examples.groupAccess.allowedGroups.find((g) => g.toLowerCase() === wanted);
}

const choicesOf = (config: ChatOpsConfig) =>
  config.examples.groupAccess.allowedGroups.map((g) => ({ text: g, value: g }));

async function checkGroup(
  value: string,
  { config, deps }: { config: ChatOpsConfig; deps: JoinGroupDeps },
): Promise<SlotCheck> {
  const { allowedGroups } = config.examples.groupAccess;
  if (allowedGroups.length === 0) {
    return {
      ok: false,
      final: true,
      message:
        'No Identity Center group may be joined from chat yet: a ChatOps admin lists them under "examples.groupAccess.allowedGroups" in the configuration.',
    };
  }
  const group = allowedGroup(value, config);
  if (!group) {
    return {
      ok: false,
      message: `${value} is not a group you may join from chat. Pick one of: ${allowedGroups.join(', ')}.`,
      choices: choicesOf(config),
    };
  }
  if (!(await deps.groupAccess.groupId(group))) {
    return {
      ok: false,
      message: `The identity store has no group called ${group} (ask a ChatOps admin to fix the configuration). Pick another group.`,
      choices: choicesOf(config).filter((c) => c.value !== group),
    };
  }
  return { ok: true, value: group };
}

function checkHours(value: string, config: ChatOpsConfig): SlotCheck {
  const { maxHours } = config.examples.groupAccess;
  const hours = Number(value.trim());
  if (!Number.isInteger(hours) || hours < 1 || hours > maxHours) {
    return { ok: false, message: `Please give a whole number of hours from 1 to ${maxHours}.` };
  }
  return { ok: true, value: String(hours) };
}

/** The AWS calls an execution will make, for the approver. */
export function joinGroupPlan(parameters: Readonly<Record<string, string>>, config: ChatOpsConfig): string[] {
  const group = parameters.GroupName ?? '?';
  const hours = parameters.Hours ?? '?';
  const store = config.examples.groupAccess.identityStoreId ?? '(identity store not configured)';
  return [
    `Identity Store ${store}: GetUserId of the requester by the verified email of their Slack profile; GetGroupId of ${group}.`,
    `Identity Store CreateGroupMembership: the requester joins ${group} (already a member: kept as it is, and never removed by ChatOps).`,
    `After ${hours} hours, the scheduled sweep calls DeleteGroupMembership and tells the requester.`,
  ];
}

/** Runs one approved request. @throws GroupAccessError (no email, no such user or group) */
export async function joinGroup({ request }: ExecuteInput, deps: JoinGroupDeps): Promise<CapabilityResult> {
  const group = request.parameters.GroupName ?? '';
  const hours = Number(request.parameters.Hours);
  const email = request.requester.email?.trim();
  if (!email) {
    throw new GroupAccessError(
      'GetUserId',
      'NoEmail',
      'Your Slack profile has no email address, which is how I find your Identity Center user. Ask a Slack admin to show emails to the ChatOps app, then ask again.',
    );
  }
  const userId = await deps.groupAccess.userId(email);
  if (!userId) {
    throw new GroupAccessError(
      'GetUserId',
      'ResourceNotFoundException',
      `Identity Center has no user with the email ${email}; nothing was changed.`,
    );
  }
  const groupId = await deps.groupAccess.groupId(group);
  if (!groupId) throw new GroupAccessError('GetGroupId', 'ResourceNotFoundException');
  const { membershipId, created } = await deps.groupAccess.addMember(groupId, userId);
  if (!created) {
    // A membership this request did not create (given by hand, or by another tool) is not ours to
    // take away: no expiry is recorded, so the sweep never removes it.
    return {
      message: `You were already a member of the Identity Center group ${group}, so I changed nothing; I will not remove that membership.`,
      externalIds: { membershipId, groupId, preExisting: 'true' },
    };
  }
  const expiresAt = new Date(deps.clock().getTime() + hours * HOUR_MS).toISOString();
  return {
    message: `You are in the Identity Center group ${group} until ${expiresAt.slice(0, 16).replace('T', ' ')} UTC. Sign in again to the AWS access portal to see it. I will remove you when the time is up.`,
    externalIds: { membershipId, expiresAt, groupId },
  };
}

/**
 * The ARN of config's identity store. Group, user and membership ARNs name neither an account nor
 * a store, and their ids are known only at run time: the store resource limits every call to it.
 */
function storeArn(config: ChatOpsConfig): string {
  // `*` only while no store is configured (the deployed entries then refuse to start).
  const id = config.examples.groupAccess?.identityStoreId ?? '*';
  return `arn:{partition}:identitystore::{account}:identitystore/${id}`;
}

export const joinGroupCapability: Capability<JoinGroupDeps> = {
  intent: joinIdentityCenterGroupIntent.id,
  slotChecks: {
    GroupName: (value, ctx) => checkGroup(value, ctx),
    Hours: async (value, { config }) => checkHours(value, config),
  },
  slotChoices: {
    // The allowed groups the identity store has (a group renamed in the store is not offered).
    async GroupName({ config, deps }) {
      const names = new Set(await deps.groupAccess.listGroupNames());
      return choicesOf(config).filter((c) => names.has(c.value));
    },
  },
  risk: () => 'medium',
  plan: joinGroupPlan,
  execute: joinGroup,
  awsNeeds: (config) => [
    {
      actions: ['identitystore:GetGroupId'],
      resources: [storeArn(config), 'arn:{partition}:identitystore:::group/*'],
      by: ['codeHook', 'executor'],
      why: 'Check the group exists (GetGroupId by display name; group ids are only known once resolved).',
    },
    {
      actions: ['identitystore:ListGroups'],
      resources: [storeArn(config)],
      by: ['codeHook'],
      why: 'Offer, as buttons, the allowed groups the identity store has.',
    },
    {
      actions: [
        'identitystore:GetUserId',
        'identitystore:CreateGroupMembership',
        'identitystore:GetGroupMembershipId',
      ],
      resources: [
        storeArn(config),
        'arn:{partition}:identitystore:::group/*',
        'arn:{partition}:identitystore:::user/*',
      ],
      by: ['executor'],
      why: "Add the requester (found by their verified email) to the group; an existing membership's id is read back.",
    },
    {
      actions: ['identitystore:DeleteGroupMembership'],
      resources: [storeArn(config), 'arn:{partition}:identitystore:::membership/*'],
      by: ['groupExpiry'],
      why: 'Remove the membership when its time is up (membership ids are created at execution).',
    },
  ],
};
