/**
 * RotateAccessKey slot checks: the user exists and the caller may act on it (their own mapped IAM
 * user, or any user for admins). "me"/"mine" resolves to the caller's mapped IAM user.
 */
import { rotateAccessKeyIntent } from '../../intents/rotate-access-key.intent';
import { ADMIN_ROLE } from '../authz/roles';
import type { Capability, SlotCheck } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { sandboxRotateAccessKey } from '../sandbox/sandbox-executors';
import type { KeyRotationDeps } from './key-rotation.deps';

const SELF = new Set(['me', 'mine', 'my', 'myself', 'my own', 'my key', 'my keys', 'my own key', 'self']);
const IAM_USER = /^[\w+=,.@-]{1,64}$/;

const fail = (message: string): SlotCheck => ({ ok: false, message });

/** The AWS calls a rotation will make (first version; the approvals issue refines it). */
export function keyRotationPlan(
  parameters: Readonly<Record<string, string>>,
  config: ChatOpsConfig,
): string[] {
  const user = parameters.UserName ?? '?';
  const { deactivateAfterDays, deleteAfterDays } = config.keyRotation;
  return [
    `IAM CreateAccessKey for ${user} (IAM allows two keys per user).`,
    `Secrets Manager: store the new key in a secret readable only by ${user}; if that fails, delete the new key.`,
    `IAM UpdateAccessKey: deactivate ${user}'s old key after ${deactivateAfterDays} days; DeleteAccessKey after ${deleteAfterDays} days.`,
    'The new key is never shown in chat: the requester is told the secret name only.',
  ];
}

export const keyRotationCapability: Capability<KeyRotationDeps> = {
  intent: rotateAccessKeyIntent.id,
  plan: keyRotationPlan,
  risk: () => 'medium',
  execute: sandboxRotateAccessKey,
  slotChecks: {
    async UserName(value, { caller, deps }) {
      const raw = value.trim();
      const isSelf = SELF.has(raw.toLowerCase());
      if (isSelf && !caller.iamUser) {
        return fail(
          'No IAM user is mapped to your Slack account, so I cannot tell which key is yours. Which IAM user?',
        );
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
      if (!(await deps.iamUsers.userExists(userName)))
        return fail(`There is no IAM user named ${userName}. Which IAM user?`);
      return { ok: true, value: userName };
    },
  },
};
