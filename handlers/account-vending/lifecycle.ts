/**
 * Completion from a Control Tower lifecycle event: the event names the account (name, id, OU), so
 * it is matched to the open VendAccount request holding that account name's claim (a name is held
 * by at most one open request: the ledger claims it with the request, handlers/ledger/). Duplicate, late and
 * foreign events find no in-progress request, or lose the conditional transition, and change nothing.
 */
import type { Logger } from '../logger';
import type { AccountProvisioning } from './account-provisioning';
import { parseLifecycleEvent } from './lifecycle-event';
import { accountNameKey } from './vending-checks';

/**
 * `not-yet`: the request for that account is still between ProvisionProduct and `IN_PROGRESS`
 * (an event that overtook our own write): deliver it again later (the Lambda entry throws, so
 * Lambda's asynchronous retries redeliver it; the poller covers the rest).
 */
export type LifecycleResult = 'completed' | 'not-lifecycle' | 'no-request' | 'already-done' | 'not-yet';

export interface LifecycleDeps {
  provisioning: AccountProvisioning;
  logger: Logger;
}

/** Handles one EventBridge event. Never throws for an event it does not recognise. */
export async function handleLifecycleEvent(event: unknown, deps: LifecycleDeps): Promise<LifecycleResult> {
  const outcome = parseLifecycleEvent(event);
  if (!outcome) {
    deps.logger.warn('not a finished Control Tower account lifecycle event; ignored');
    return 'not-lifecycle';
  }
  // The open request for this account name holds its claim: one consistent read finds it whatever
  // its status, so an event racing our own APPROVED → IN_PROGRESS write is never lost between two
  // (eventually consistent) status-index queries.
  const holder = await deps.provisioning.openHolder(accountNameKey(outcome.accountName));
  const request = holder?.status === 'IN_PROGRESS' ? holder : undefined;
  if (!request) {
    if (holder && (holder.status === 'APPROVED' || holder.status === 'QUEUED')) return 'not-yet';
    deps.logger.info('no in-progress request for this account (duplicate, late or not ours)', {
      accountName: outcome.accountName,
      state: outcome.state,
    });
    return 'no-request';
  }
  if (outcome.state === 'SUCCEEDED' && !outcome.accountId) {
    deps.logger.warn('SUCCEEDED lifecycle event without an account id; the poller will finish it', {
      requestId: request.id,
    });
    return 'no-request';
  }
  const done = await deps.provisioning.complete(
    request,
    outcome.state === 'SUCCEEDED'
      ? { state: 'SUCCEEDED', accountId: outcome.accountId ?? '' }
      : {
          state: 'FAILED',
          reason: `Control Tower reported: ${outcome.message ?? 'the account could not be created.'}`,
        },
    `${outcome.eventName} event`,
  );
  return done ? 'completed' : 'already-done';
}
