/**
 * RotateAccessKey: "rotate my key" means the caller's mapped IAM user (dialog default); naming
 * another user needs the admin role. The slot check looks the user up (GetUser) and refuses, with
 * guidance, a user whose two keys are both active; with one inactive key the confirmation names
 * it (last 4 characters, age) before it is deleted. Execution: ./rotate-key.executor.ts.
 */
import { rotateAccessKeyIntent } from '../../intents/rotate-access-key.intent';
import { ADMIN_ROLE } from '../authz/roles';
import type { Caller, Capability, SlotCheck } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { type AccessKeyInfo, type AwsCallContext, keyTail } from './access-keys.port';
import { keyRotationNeeds } from './aws-actions';
import { describeLastUse, keyAgeDays } from './key-facts';
import type { KeyRotationDeps } from './key-rotation.deps';
import { rotateAccessKey } from './rotate-key.executor';

const SELF = new Set(['me', 'mine', 'my', 'myself', 'my own', 'my key', 'my keys', 'my own key', 'self']);
const IAM_USER = /^[\w+=,.@-]{1,64}$/;

const fail = (message: string, final = false): SlotCheck => ({
  ok: false,
  message,
  ...(final ? { final } : {}),
});
/** Dialog look-ups have no request yet: the user agent names the caller instead. */
const dialogCtx = (caller: Caller): AwsCallContext => ({ requestId: `dialog-${caller.slackUserId}` });

/** How a Slack user without an IAM mapping gets one. */
export function noMappingMessage(caller: Caller): string {
  return `No IAM user is mapped to your Slack account, so I cannot tell which key is yours. Ask a ChatOps admin to add "iamUser" for your Slack user id ${caller.slackUserId} under "users" in the ChatOps configuration, then ask again.`;
}

/** The AWS calls a rotation will make. */
export function keyRotationPlan(
  parameters: Readonly<Record<string, string>>,
  config: ChatOpsConfig,
): string[] {
  const user = parameters.UserName ?? '?';
  const { deactivateAfterDays, deleteAfterDays, secretPrefix } = config.keyRotation;
  return [
    `IAM GetUser and ListAccessKeys for ${user}; if ${user} has two keys, DeleteAccessKey on the inactive one (never an active key).`,
    `IAM CreateAccessKey for ${user} (IAM allows two keys per user).`,
    `Secrets Manager: store the new key in ${secretPrefix}${user}, readable only by ${user}; if that fails, delete the new key.`,
    `IAM UpdateAccessKey: deactivate ${user}'s old key after ${deactivateAfterDays} days; DeleteAccessKey after ${deleteAfterDays} days.`,
    'The new key is never shown in chat: the requester is told the secret name only.',
  ];
}

async function describeKeys(
  keys: AccessKeyInfo[],
  deps: KeyRotationDeps,
  ctx: AwsCallContext,
): Promise<string> {
  const now = deps.clock();
  const lines = await Promise.all(
    keys.map(async (k) => {
      const use = await deps.accessKeys.lastUsed(k.accessKeyId, ctx);
      return `${keyTail(k.accessKeyId)} (${k.status}, ${keyAgeDays(k, now)} days old, ${describeLastUse(use, now)})`;
    }),
  );
  return lines.join('; ');
}

export const keyRotationCapability: Capability<KeyRotationDeps> = {
  intent: rotateAccessKeyIntent.id,
  plan: keyRotationPlan,
  awsNeeds: keyRotationNeeds,
  risk: () => 'medium',
  execute: rotateAccessKey,
  dialogDefaults({ caller }): Record<string, string> {
    if (caller.iamUser) return { UserName: caller.iamUser };
    return caller.roles.has(ADMIN_ROLE) ? {} : { UserName: 'me' };
  },
  async confirmationPrompt(values, { caller, deps, config }) {
    const userName = values.UserName ?? '';
    const keys = await deps.accessKeys.listKeys(userName, dialogCtx(caller));
    const inactive = keys.length >= 2 ? keys.find((k) => k.status === 'Inactive') : undefined;
    if (!inactive) return undefined;
    const active = keys.find((k) => k !== inactive);
    const age = keyAgeDays(inactive, deps.clock());
    const { deactivateAfterDays, deleteAfterDays } = config.keyRotation;
    const old = active
      ? ` The active key ${keyTail(active.accessKeyId)} will be deactivated in ${deactivateAfterDays} days and deleted in ${deleteAfterDays}.`
      : '';
    return `IAM user ${userName} already has two access keys (IAM's limit). To make room I will delete the inactive key ${keyTail(inactive.accessKeyId)} (created ${age} days ago), then put a new key in Secrets Manager.${old} Delete ${keyTail(inactive.accessKeyId)} and rotate?`;
  },
  slotChecks: {
    async UserName(value, { caller, deps }) {
      const raw = value.trim();
      const isSelf = SELF.has(raw.toLowerCase());
      if (isSelf && !caller.iamUser) {
        if (!caller.roles.has(ADMIN_ROLE)) return fail(noMappingMessage(caller), true);
        return fail('No IAM user is mapped to your Slack account. Which IAM user?');
      }
      const userName = isSelf ? (caller.iamUser as string) : raw;
      if (!IAM_USER.test(userName)) {
        return fail(`"${raw.slice(0, 70)}" is not an IAM user name (1-64 of letters, digits and +=,.@_-).`);
      }
      if (userName !== caller.iamUser && !caller.roles.has(ADMIN_ROLE)) {
        const own = caller.iamUser ? ` (yours is ${caller.iamUser})` : '';
        return fail(
          `You can only rotate your own access key${own}; ask an admin to rotate ${userName}'s. Which IAM user?`,
        );
      }
      const ctx = dialogCtx(caller);
      if (!(await deps.accessKeys.getUser(userName, ctx))) {
        return fail(`There is no IAM user named ${userName}. Which IAM user?`);
      }
      const keys = await deps.accessKeys.listKeys(userName, ctx);
      if (keys.length >= 2 && keys.every((k) => k.status === 'Active')) {
        return fail(
          `IAM user ${userName} already has two active access keys (IAM's limit), and I never delete or deactivate an active key to make room: ${await describeKeys(keys, deps, ctx)}. Deactivate the one no longer in use (IAM console → Users → ${userName} → Security credentials), then ask me again.`,
          true,
        );
      }
      return { ok: true, value: userName };
    },
  },
};
