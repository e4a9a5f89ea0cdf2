/**
 * Lambda entry for CodePipeline's EventBridge events (pipeline execution, and where config asks
 * stage / action, state changes): one Slack message per event id in the pipeline's channel, queued
 * on the chat outbox. Env: `TABLE_NAME` (the ledger table: de-dup markers), `CHAT_QUEUE_URL` (the
 * chat outbox), `AWS_REGION` (set by Lambda; the pipelines' region), config as for every entry.
 * Clients are created once per container. A failed send throws, so EventBridge retries it.
 */

import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { parseEnv, requiredVar } from '../config/env';
import { loadConfig } from '../config/load-config';
import { dynamoLedgerOn } from '../ledger/dynamo-ledger-client';
import { createLogger } from '../logger';
import { chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { CodePipelineAdapter } from './codepipeline-adapter';
import {
  handlePipelineEvent,
  type NotificationOutcome,
  type PipelineNotificationDeps,
} from './notifications';

export const notificationsEnvSchema = z.object({
  TABLE_NAME: requiredVar(),
  CHAT_QUEUE_URL: requiredVar(),
  AWS_REGION: requiredVar(),
});

/** The entry's deps (built once per container). */
export function buildNotificationDeps(env: NodeJS.ProcessEnv = process.env): PipelineNotificationDeps {
  const { TABLE_NAME, AWS_REGION } = parseEnv(notificationsEnvSchema, env);
  const config = loadConfig(env);
  const ledger = dynamoLedgerOn(TABLE_NAME, config.ledger.retentionDays);
  return {
    config,
    notifier: chatOutboxFromEnv(env),
    dedup: ledger,
    pipelines: new CodePipelineAdapter(new CodePipelineClient({ region: AWS_REGION }), AWS_REGION),
    logger: createLogger('chatops-pipeline-notifications'),
  };
}

let deps: PipelineNotificationDeps | undefined;

/** EventBridge handler (two arguments). */
export async function handler(event: unknown, context?: Context): Promise<NotificationOutcome> {
  deps ??= buildNotificationDeps();
  if (context) deps.logger.addContext?.(context);
  const outcome = await handlePipelineEvent(event, deps);
  deps.logger.info('pipeline event handled', { outcome, eventId: (event as { id?: unknown } | null)?.id });
  return outcome;
}
