/**
 * Completion from a Control Tower lifecycle event: the event names the account (name, id, OU), so
 * it is matched to the in-progress VendAccount request for that account name (names are unique
 * among accounts and open requests, checked at the dialog and at fulfilment). Duplicate, late and
 * foreign events find no in-progress request, or lose the conditional transition, and change nothing.
 */
import type { Logger } from '../logger';
import type { AccountProvisioning } from './account-provisioning';
import { parseLifecycleEvent } from './lifecycle-event';

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
  const running = await deps.provisioning.listVending('IN_PROGRESS');
  const request = running.find((r) => r.parameters.AccountName === outcome.accountName);
  if (!request) {
    const starting = [
      ...(await deps.provisioning.listVending('APPROVED')),
      ...(await deps.provisioning.listVending('QUEUED')),
    ].some((r) => r.parameters.AccountName === outcome.accountName);
    if (starting) return 'not-yet';
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
