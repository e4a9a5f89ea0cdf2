/**
 * The fallback when a lifecycle event is lost: every in-progress VendAccount request is checked
 * with `DescribeRecord` on its record id. `SUCCEEDED` stores the account id, `FAILED` the record's
 * errors in plain words, and a provisioning still running after `timeoutMs` (default 60 minutes)
 * fails with guidance. Then queued requests start in the freed slots.
 */
import { errorCode } from '../errors';
import type { Logger } from '../logger';
import type { AccountFactory } from './account-factory.port';
import type { AccountProvisioning } from './account-provisioning';

export const PROVISIONING_TIMEOUT_MS = 60 * 60 * 1000;

export interface PollerDeps {
  provisioning: AccountProvisioning;
  factory: AccountFactory;
  logger: Logger;
  now?: () => number;
  timeoutMs?: number;
}

export interface PollSummary {
  checked: number;
  completed: number;
}

/** One poll over every in-progress request. Never throws for one bad request. */
export async function pollProvisioning(deps: PollerDeps): Promise<PollSummary> {
  const now = deps.now ?? Date.now;
  const timeout = deps.timeoutMs ?? PROVISIONING_TIMEOUT_MS;
  const summary: PollSummary = { checked: 0, completed: 0 };
  for (const request of await deps.provisioning.listVending('IN_PROGRESS')) {
    const recordId = request.externalIds?.recordId;
    if (!recordId) continue;
    summary.checked += 1;
    try {
      const record = await deps.factory.describeRecord(recordId, request.id);
      let done = false;
      if (record.status === 'SUCCEEDED' && record.accountId) {
        done = await deps.provisioning.complete(
          request,
          { state: 'SUCCEEDED', accountId: record.accountId },
          'DescribeRecord',
        );
      } else if (record.status === 'FAILED') {
        const errors = record.errors.length ? record.errors.join('; ') : 'no error details were given';
        done = await deps.provisioning.complete(
          request,
          { state: 'FAILED', reason: `Account Factory record ${recordId} failed: ${errors}.` },
          'DescribeRecord',
        );
      } else if (now() - Date.parse(request.updatedAt) > timeout) {
        const minutes = Math.round(timeout / 60000);
        const reason = `Provisioning was still running after ${minutes} minutes. Check record ${recordId} in Service Catalog and Account Factory in the Control Tower console; once it is resolved, ask again or enrol the account by hand.`;
        done = await deps.provisioning.complete(request, { state: 'FAILED', reason }, 'timeout');
      }
      if (done) summary.completed += 1;
    } catch (error) {
      deps.logger.error('could not poll a provisioning record', {
        requestId: request.id,
        code: errorCode(error),
      });
    }
  }
  await deps.provisioning.startQueued();
  return summary;
}
