/**
 * Lambda entry of the provisioning poller (EventBridge schedule, e.g. every 5 minutes): the
 * `DescribeRecord` fallback for lost lifecycle events, the 60-minute timeout, and draining the
 * quota queue, telling requesters through the chat outbox. Env: `TABLE_NAME`, `CHAT_QUEUE_URL`.
 */
import type { Context } from 'aws-lambda';
import { loadConfig } from '../config/load-config';
import { createLogger, type Logger } from '../logger';
import { type PollSummary, pollProvisioning } from './provisioning-poller';
import { type VendingAws, vendingFromEnv } from './vending-lambda-deps';

let runtime: { vending: VendingAws; logger: Logger } | undefined;

/** Scheduled handler; returns how many requests were checked and completed. */
export async function handler(_event: unknown, context?: Context): Promise<PollSummary> {
  if (!runtime) {
    const logger = createLogger('chatops-provisioning-poller');
    runtime = { vending: vendingFromEnv(process.env, loadConfig(process.env), logger), logger };
  }
  if (context) runtime.logger.addContext?.(context);
  const { provisioning, factory } = runtime.vending;
  const summary = await pollProvisioning({ provisioning, factory, logger: runtime.logger });
  runtime.logger.info('provisioning poll done', { ...summary });
  return summary;
}
