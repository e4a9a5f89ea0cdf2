/**
 * Lambda entry for the Control Tower lifecycle events (EventBridge rule on source
 * `aws.controltower`, detail `eventName` `CreateManagedAccount` / `UpdateManagedAccount`): completes
 * the matching in-progress VendAccount request and starts the next queued one, telling the
 * requester through the chat outbox. Env: `TABLE_NAME`, `CHAT_QUEUE_URL`.
 */
import type { Context } from 'aws-lambda';
import { loadConfig } from '../config/load-config';
import { ChatOpsError } from '../errors';
import { createLogger, type Logger } from '../logger';
import { handleLifecycleEvent, type LifecycleResult } from './lifecycle';
import { type VendingAws, vendingFromEnv } from './vending-lambda-deps';

/** Thrown so that Lambda's asynchronous retries redeliver an event that overtook our own write. */
export class LifecycleNotYetError extends ChatOpsError {
  constructor() {
    super('LIFECYCLE_EVENT_EARLY', 'The request for this account is not in progress yet; retry the event.');
  }
}

let runtime: { vending: VendingAws; logger: Logger } | undefined;

/** EventBridge handler; returns what happened (for logs and tests). */
export async function handler(event: unknown, context?: Context): Promise<{ result: LifecycleResult }> {
  if (!runtime) {
    const logger = createLogger('chatops-account-lifecycle');
    runtime = { vending: vendingFromEnv(process.env, loadConfig(process.env), logger), logger };
  }
  if (context) runtime.logger.addContext?.(context);
  const result = await handleLifecycleEvent(event, {
    provisioning: runtime.vending.provisioning,
    logger: runtime.logger,
  });
  runtime.logger.info('lifecycle event handled', { result });
  if (result === 'not-yet') throw new LifecycleNotYetError();
  return { result };
}
