/**
 * Lambda entry of the group-membership expiry sweep (EventBridge, every 15 minutes): removes the
 * Identity Center memberships whose time is up (./expiry-sweep.ts) and DMs each requester through
 * the chat outbox. With the worked example off it returns at once and builds nothing. Clients and
 * config are created once per container. Env: `TABLE_NAME`, `AWS_REGION`, `CHAT_QUEUE_URL`.
 */
import * as z from 'zod';
import type { ChatOpsConfig } from '../config/config.schema';
import { parseEnv, requiredVar } from '../config/env';
import { loadConfig } from '../config/load-config';
import { identityStoreIdOf } from '../examples/worked-example.extension';
import { dynamoLedgerOn } from '../ledger/dynamo-ledger-client';
import { createLogger } from '../logger';
import { chatOutboxEnvSchema, chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { type GroupExpiryDeps, type GroupExpiryStep, sweepGroupExpiries } from './expiry-sweep';
import { IdentitystoreGroupAccess, identitystoreClient } from './identitystore-group-access';

export const groupExpiryEnvSchema = z.object({
  TABLE_NAME: requiredVar(),
  AWS_REGION: requiredVar(),
  ...chatOutboxEnvSchema.shape,
});

/** The sweep's deps on real AWS. @throws ConfigError (environment, or no identity store configured) */
export function groupExpiryDeps(env: NodeJS.ProcessEnv, config: ChatOpsConfig): GroupExpiryDeps {
  const { TABLE_NAME, AWS_REGION } = parseEnv(groupExpiryEnvSchema, env);
  return {
    ledger: dynamoLedgerOn(TABLE_NAME, config.ledger.retentionDays),
    groupAccess: new IdentitystoreGroupAccess(identitystoreClient(AWS_REGION), identityStoreIdOf(config)),
    notifier: chatOutboxFromEnv(env),
    clock: () => new Date(),
    logger: createLogger('chatops-group-expiry'),
  };
}

let config: ChatOpsConfig | undefined;
let deps: GroupExpiryDeps | undefined;

/** Scheduled handler: how many memberships it removed (or found gone), and how many failed. */
export async function handler(): Promise<{ removed: number; failed: number }> {
  config ??= loadConfig();
  if (!config.examples.enabled) return { removed: 0, failed: 0 };
  deps ??= groupExpiryDeps(process.env, config);
  const steps: GroupExpiryStep[] = await sweepGroupExpiries(deps);
  const failed = steps.filter((s) => s.error).length;
  return { removed: steps.length - failed, failed };
}
