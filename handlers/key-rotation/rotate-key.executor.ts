/**
 * The RotateAccessKey executor (DESIGN §2 "Key rotation"): for an approved request,
 * 1. GetUser (the owner's ARN for the secret's policy) and ListAccessKeys;
 * 2. with two keys, delete the inactive one the confirmation named — never an active key;
 *    two active keys → AccessKeyLimitError, nothing changed;
 * 3. CreateAccessKey → KeyVault.store; if storing fails, DeleteAccessKey on the new key (retried
 *    while IAM does not see it yet) and AccessKeyStoreError — the old key is untouched;
 * 4. wait (backoff) until ListAccessKeys shows the new key (IAM is eventually consistent);
 * 5. schedule the old key's deactivation (+deactivateAfterDays) and deletion (+deleteAfterDays).
 * The result names the secret, its console link and the dates — never the secret's value.
 */
import type { CapabilityResult, ExecuteInput } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import type { Logger } from '../logger';
import { type AccessKeyInfo, type AwsCallContext, keyTail, type NewAccessKey } from './access-keys.port';
import type { KeyRotationDeps } from './key-rotation.deps';
import {
  AccessKeyLimitError,
  AccessKeyRotationError,
  AccessKeyStoreError,
  awsErrorName,
} from './key-rotation.errors';
import { withBackoff } from './retry';

const DAY_MS = 86_400_000;
export const ROTATION_ACTOR = 'system';

/** The Secrets Manager console page of a secret, in the region of its ARN. */
export function secretConsoleUrl(arn: string, name: string): string {
  const region = arn.split(':')[3] || 'us-east-1';
  return `https://${region}.console.aws.amazon.com/secretsmanager/secret?name=${encodeURIComponent(name)}&region=${region}`;
}

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS).toISOString();

/** Runs one rotation. @throws AccessKeyLimitError | AccessKeyStoreError | AccessKeyRotationError */
export async function rotateAccessKey(
  { request }: ExecuteInput,
  deps: KeyRotationDeps & { logger?: Logger },
  config: ChatOpsConfig,
): Promise<CapabilityResult> {
  const userName = request.parameters.UserName ?? '';
  const ctx: AwsCallContext = { requestId: request.id };
  const owner = await deps.accessKeys.getUser(userName, ctx);
  if (!owner) throw new AccessKeyRotationError('GetUser', userName, 'NoSuchEntity');
  const oldKey = await makeRoom(userName, await deps.accessKeys.listKeys(userName, ctx), deps, ctx);
  const created = await deps.accessKeys.createKey(userName, ctx);
  const stored = await storeOrRollBack(created, owner, deps, ctx);
  await waitUntilVisible(created, deps, ctx);
  const now = deps.clock();
  const { deactivateAfterDays, deleteAfterDays } = config.keyRotation;
  const deactivateAt = addDays(now, deactivateAfterDays);
  const deleteAt = addDays(now, deleteAfterDays);
  if (oldKey) {
    await deps.keySchedule.schedule(
      {
        id: request.id,
        userName,
        accessKeyId: oldKey.accessKeyId,
        ownerSlackUserId: request.requester.slackUserId,
        secretName: stored.name,
        deactivateAt,
        deleteAt,
      },
      ROTATION_ACTOR,
      now.toISOString(),
    );
  }
  const console = secretConsoleUrl(stored.arn, stored.name);
  const schedule = oldKey
    ? `The old key ${keyTail(oldKey.accessKeyId)} will be deactivated on ${deactivateAt.slice(0, 10)} and deleted on ${deleteAt.slice(0, 10)}.`
    : `${userName} had no other key, so nothing is scheduled for retirement.`;
  return {
    message: [
      `A new access key ${keyTail(created.accessKeyId)} for ${userName} is in the Secrets Manager secret ${stored.name}, readable only by ${userName}.`,
      `Open it in the console: ${console}`,
      schedule,
      ...(deps.resultNote ? [deps.resultNote] : []),
    ].join('\n'),
    externalIds: {
      secretName: stored.name,
      secretArn: stored.arn,
      // Key ids by their tails only: external ids are shown in Slack (the schedule keeps the full id).
      newAccessKey: keyTail(created.accessKeyId),
      ...(oldKey ? { oldAccessKey: keyTail(oldKey.accessKeyId), deactivateAt, deleteAt } : {}),
    },
  };
}

/** The key that stays (to retire later), after deleting an inactive second key. Never an active one. */
async function makeRoom(
  userName: string,
  keys: AccessKeyInfo[],
  deps: KeyRotationDeps,
  ctx: AwsCallContext,
): Promise<AccessKeyInfo | undefined> {
  if (keys.length < 2) return keys[0];
  const inactive = keys.find((k) => k.status === 'Inactive');
  if (!inactive) throw new AccessKeyLimitError(userName);
  await deps.accessKeys.deleteKey(userName, inactive.accessKeyId, ctx);
  return keys.find((k) => k !== inactive);
}

async function storeOrRollBack(
  key: NewAccessKey,
  owner: { userName: string; arn: string },
  deps: KeyRotationDeps & { logger?: Logger },
  ctx: AwsCallContext,
) {
  try {
    return await deps.keyVault.store(key, owner, ctx);
  } catch (error) {
    const deleted = await withBackoff(
      async () =>
        (await deps.accessKeys.deleteKey(key.userName, key.accessKeyId, ctx)) === 'deleted'
          ? true
          : undefined,
      deps.retry,
    ).catch((rollbackError: unknown) => {
      deps.logger?.error('rollback of the new access key failed', {
        requestId: ctx.requestId,
        key: keyTail(key.accessKeyId),
        awsError: awsErrorName(rollbackError),
      });
      return undefined;
    });
    if (!deleted) {
      deps.logger?.error('the new access key could not be deleted after a failed store', {
        requestId: ctx.requestId,
        key: keyTail(key.accessKeyId),
      });
    }
    throw error instanceof AccessKeyStoreError
      ? error
      : new AccessKeyStoreError(key.userName, awsErrorName(error));
  }
}

async function waitUntilVisible(
  key: NewAccessKey,
  deps: KeyRotationDeps & { logger?: Logger },
  ctx: AwsCallContext,
): Promise<void> {
  const seen = await withBackoff(async () => {
    const keys = await deps.accessKeys.listKeys(key.userName, ctx);
    return keys.some((k) => k.accessKeyId === key.accessKeyId) ? true : undefined;
  }, deps.retry);
  if (!seen) {
    deps.logger?.warn('the new access key is not visible in IAM yet', {
      requestId: ctx.requestId,
      key: keyTail(key.accessKeyId),
    });
  }
}
