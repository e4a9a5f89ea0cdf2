/**
 * Lambda entry of the key sweeper (scheduled by EventBridge, e.g. hourly). The event may carry
 * `{ "dryRun": true }` to only report. Clients and config are created once per container; the
 * owners' DMs go through the chat outbox (`CHAT_QUEUE_URL`). Env: `TABLE_NAME`, `CHAT_QUEUE_URL`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IAMClient } from '@aws-sdk/client-iam';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { parseEnv, requiredVar } from '../config/env';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logger';
import { chatOutboxEnvSchema, chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { DynamoKeySchedule } from './dynamo-key-schedule';
import { IamAccessKeys } from './iam-access-keys';
import { type SweeperDeps, type SweepReport, sweepKeys } from './sweeper';

export const sweeperEnvSchema = z.object({ TABLE_NAME: requiredVar(), ...chatOutboxEnvSchema.shape });

/** The handler over injected deps. */
export function createSweeperHandler(deps: SweeperDeps): (event?: unknown) => Promise<SweepReport> {
  return async (event) => {
    const dryRun = (event as { dryRun?: unknown } | undefined)?.dryRun === true;
    return sweepKeys({ dryRun }, deps);
  };
}

function buildDeps(env: NodeJS.ProcessEnv = process.env): SweeperDeps {
  const { TABLE_NAME } = parseEnv(sweeperEnvSchema, env);
  const config = loadConfig(env);
  const logger = createLogger('chatops-key-sweeper');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return {
    accessKeys: new IamAccessKeys(new IAMClient({}), config.keyRotation.iamUserPath),
    keySchedule: new DynamoKeySchedule({ client, tableName: TABLE_NAME }),
    notifier: chatOutboxFromEnv(env),
    clock: () => new Date(),
    logger,
  };
}

let sweep: ((event?: unknown) => Promise<SweepReport>) | undefined;

/** Scheduled entry: one sweep per invocation. */
export async function handler(event?: unknown): Promise<SweepReport> {
  sweep ??= createSweeperHandler(buildDeps());
  return sweep(event);
}
