/**
 * Lambda entry of the scheduled expiry sweep (EventBridge Scheduler/rule, e.g. every 5 minutes):
 * moves overdue `PENDING_APPROVAL` requests to `EXPIRED` (./expiry-sweeper.ts) and tells the
 * requester and the approvers' channel through the chat outbox. Env: `TABLE_NAME`, `CHAT_QUEUE_URL`.
 */
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logger';
import { chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { approvalEnv, ledgerFromEnv } from './approval-lambda-deps';
import { type ExpirySweepDeps, sweepExpired } from './expiry-sweeper';

let deps: ExpirySweepDeps | undefined;

function buildDeps(): ExpirySweepDeps {
  const chat = chatOutboxFromEnv(process.env);
  const config = loadConfig();
  const env = approvalEnv(process.env, []);
  return {
    config,
    ledger: ledgerFromEnv(env, config),
    chat,
    logger: createLogger('chatops-expiry-sweeper'),
    now: () => new Date(),
  };
}

/** Scheduled handler: returns how many requests it expired. */
export async function handler(): Promise<{ expired: number }> {
  deps ??= buildDeps();
  const expired = await sweepExpired(deps);
  if (expired.length) deps.logger.info('expired pending approvals', { expired });
  return { expired: expired.length };
}
