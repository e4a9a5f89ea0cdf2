/**
 * ListDueAccessKeys (read-only): access keys older than `keyRotation.maxKeyAgeDays`, with age and
 * last use, for the users the caller may see — their own mapped IAM user; every user under the
 * configured path for an admin. Never a secret: key ids are shown by their last 4 characters.
 */
import { listDueAccessKeysIntent } from '../../intents/list-due-access-keys.intent';
import { ADMIN_ROLE } from '../authz/roles';
import type { Capability } from '../capability';
import { keyTail } from './access-keys.port';
import { keyRotationNeeds } from './aws-actions';
import { describeLastUse, keyAgeDays } from './key-facts';
import { noMappingMessage } from './key-rotation.capability';
import type { KeyRotationDeps } from './key-rotation.deps';

export const dueKeysCapability: Capability<KeyRotationDeps> = {
  intent: listDueAccessKeysIntent.id,
  awsNeeds: (config) => keyRotationNeeds(config).filter((need) => need.by.includes('codeHook')),
  async run({ caller, request }, deps, config) {
    const admin = caller.roles.has(ADMIN_ROLE);
    if (!admin && !caller.iamUser) return { message: noMappingMessage(caller) };
    const ctx = { requestId: request?.id ?? `dialog-${caller.slackUserId}` };
    const users = admin ? await deps.accessKeys.listUsers(ctx) : [caller.iamUser as string];
    const now = deps.clock();
    const maxAge = config.keyRotation.maxKeyAgeDays;
    const lines: string[] = [];
    for (const userName of users) {
      for (const key of await deps.accessKeys.listKeys(userName, ctx)) {
        const age = keyAgeDays(key, now);
        if (age <= maxAge) continue;
        const use = await deps.accessKeys.lastUsed(key.accessKeyId, ctx);
        lines.push(
          `• ${userName} ${keyTail(key.accessKeyId)} (${key.status}): ${age} days old, ${describeLastUse(use, now)}`,
        );
      }
    }
    const whose = admin ? 'any IAM user' : `${caller.iamUser}`;
    if (lines.length === 0) return { message: `No access key of ${whose} is older than ${maxAge} days.` };
    return {
      message: [
        `Access keys older than ${maxAge} days (${admin ? 'all users' : caller.iamUser}):`,
        ...lines,
        'Say "rotate my access key" to rotate yours.',
      ].join('\n'),
    };
  },
};
