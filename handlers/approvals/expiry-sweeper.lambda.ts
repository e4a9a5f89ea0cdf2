/**
 * Lambda entry of the scheduled expiry sweep (EventBridge Scheduler/rule, e.g. every 5 minutes):
 * moves overdue `PENDING_APPROVAL` requests to `EXPIRED` (./expiry-sweeper.ts). Env: `TABLE_NAME`.
 */
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logger';
import { chatUnavailable } from '../notify/unavailable-chat-notifier';
import { approvalEnv, ledgerFromEnv } from './approval-lambda-deps';
import { type ExpirySweepDeps, sweepExpired } from './expiry-sweeper';

let deps: ExpirySweepDeps | undefined;

function buildDeps(): ExpirySweepDeps {
  const config = loadConfig();
  const env = approvalEnv(process.env, []);
  return {
    config,
    ledger: ledgerFromEnv(env, config),
    chat: chatUnavailable,
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
