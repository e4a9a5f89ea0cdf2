/**
 * Account vending from approval to account id (DESIGN §2 "Execution and completion"). Owns every
 * transition of an approved VendAccount request: `APPROVED → QUEUED | IN_PROGRESS` (the quota
 * queue: at most `accountFactory.maxConcurrentProvisions` in progress, the rest wait in approval
 * order), `QUEUED → IN_PROGRESS` when a slot frees, and `IN_PROGRESS → SUCCEEDED | FAILED` from a
 * lifecycle event or the poller. Each is a conditional ledger write with its audit event, so
 * duplicate or out-of-order events and double approvals change nothing: the loser of a race sees
 * a TransitionConflictError and stops. Provisioning is called before the claiming transition; the
 * `ProvisionToken` (the request id) makes concurrent or repeated calls return one record.
 */
import { vendAccountIntent } from '../../intents/vend-account.intent';
import type { ChatOpsConfig } from '../config/config.schema';
import { ChatOpsError, errorCode } from '../errors';
import type { Ledger } from '../ledger/ledger.port';
import type { ChatOpsRequest, RequestStatus } from '../ledger/request';
import { isTerminal, TransitionConflictError } from '../ledger/transitions';
import type { Logger } from '../logger';
import type { ChatNotice, ChatNotifier } from '../notify/chat-notifier.port';
import { type AccountFactory, AccountFactoryError } from './account-factory.port';
import { failedNotice, queuedNotice, startedNotice, succeededNotice } from './provisioning-notices';
import { ssoUserOf } from './sso-user';

/** The ledger actor of every vending transition. */
export const VENDING_ACTOR = 'system:account-vending';

/** A finished provisioning, from a lifecycle event or DescribeRecord. */
export type ProvisioningOutcome =
  | { state: 'SUCCEEDED'; accountId: string }
  | { state: 'FAILED'; reason: string };

export interface AccountProvisioningOptions {
  ledger: Ledger;
  factory: AccountFactory;
  notifier: ChatNotifier;
  config: ChatOpsConfig;
  logger: Logger;
  /** Appended to every notice (the sandbox twins' "simulated AWS" label); none on real AWS. */
  resultNote?: string;
}

const OU_PARAMETER = /^(.*) \((ou-[a-z0-9-]+)\)$/;

export class AccountProvisioning {
  constructor(private readonly options: AccountProvisioningOptions) {}

  /** Starts or queues an `APPROVED` request. Never throws. */
  async launch(request: ChatOpsRequest): Promise<void> {
    try {
      const running = await this.listVending('IN_PROGRESS');
      if (running.length >= this.limit()) {
        await this.enqueue(request);
        return;
      }
      await this.provisionFrom(request, 'APPROVED');
    } catch (error) {
      this.options.logger.error('account vending could not start', {
        requestId: request.id,
        code: errorCode(error),
      });
    }
  }

  /** Finishes an `IN_PROGRESS` request; `false` when it was not in progress (duplicate, late, unknown). */
  async complete(request: ChatOpsRequest, outcome: ProvisioningOutcome, source: string): Promise<boolean> {
    const details =
      outcome.state === 'SUCCEEDED'
        ? { externalIds: { accountId: outcome.accountId }, reason: `completed (${source})` }
        : { reason: outcome.reason };
    const done = await this.move(request, 'IN_PROGRESS', outcome.state, details);
    if (!done) return false;
    await this.tell(
      done,
      outcome.state === 'SUCCEEDED'
        ? succeededNotice(done, outcome.accountId)
        : failedNotice(done, outcome.reason),
    );
    await this.startQueued();
    return true;
  }

  /** Starts queued requests, oldest first, while slots are free. Never throws. */
  async startQueued(): Promise<void> {
    try {
      const running = (await this.listVending('IN_PROGRESS')).length;
      const queued = await this.listVending('QUEUED');
      for (const next of queued.slice(0, Math.max(0, this.limit() - running))) {
        await this.provisionFrom(next, 'QUEUED');
      }
    } catch (error) {
      this.options.logger.error('could not start queued account requests', { code: errorCode(error) });
    }
  }

  /** The 1-based queue position of a `QUEUED` request (undefined when it is not queued). */
  async queuePosition(requestId: string): Promise<number | undefined> {
    const index = (await this.listVending('QUEUED')).findIndex((r) => r.id === requestId);
    return index < 0 ? undefined : index + 1;
  }

  /** Every VendAccount request in `status`, oldest first (every page). */
  /** The live request holding unique value `key`, if any (claims are released when a request ends). */
  async openHolder(key: string): Promise<ChatOpsRequest | undefined> {
    const id = await this.options.ledger.uniqueHolder(key);
    const holder = id ? await this.options.ledger.get(id) : undefined;
    return holder && !isTerminal(holder.status) ? holder : undefined;
  }

  async listVending(status: RequestStatus): Promise<ChatOpsRequest[]> {
    const all: ChatOpsRequest[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.ledger.listByStatus(status, {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items.filter((r) => r.intent === vendAccountIntent.id));
      cursor = page.cursor;
    } while (cursor);
    return all;
  }

  private limit(): number {
    return this.options.config.accountFactory.maxConcurrentProvisions;
  }

  private async enqueue(request: ChatOpsRequest): Promise<void> {
    const queued = await this.move(request, 'APPROVED', 'QUEUED', {
      reason: 'waiting for a free provisioning slot',
    });
    if (!queued) return;
    const position = (await this.queuePosition(queued.id)) ?? 1;
    await this.tell(queued, queuedNotice(queued, position, this.limit()));
  }

  private async provisionFrom(request: ChatOpsRequest, from: 'APPROVED' | 'QUEUED'): Promise<void> {
    let record: { recordId: string; provisionedProductName: string };
    try {
      record = await this.options.factory.provision(provisionInput(request));
    } catch (error) {
      if (error instanceof AccountFactoryError && error.failure === 'CONTROL_TOWER_BUSY') {
        if (from === 'APPROVED') await this.enqueue(request);
        return;
      }
      this.options.logger.error('ProvisionProduct failed', {
        requestId: request.id,
        code: errorCode(error),
        error,
      });
      const reason =
        error instanceof ChatOpsError
          ? error.message
          : 'Account Factory could not be reached (an internal error was logged).';
      const failed = await this.move(request, from, 'FAILED', { reason });
      if (failed) await this.tell(failed, failedNotice(failed, reason));
      return;
    }
    const running = await this.move(request, from, 'IN_PROGRESS', {
      externalIds: { recordId: record.recordId, provisionedProductName: record.provisionedProductName },
      reason: 'provisioning started',
    });
    if (running) await this.tell(running, startedNotice(running, record.recordId));
  }

  /** One conditional transition; `undefined` when someone else moved the request first. */
  private async move(
    request: ChatOpsRequest,
    from: RequestStatus,
    to: RequestStatus,
    details: { reason?: string; externalIds?: Record<string, string> },
  ): Promise<ChatOpsRequest | undefined> {
    try {
      return await this.options.ledger.transition(request.id, from, to, VENDING_ACTOR, details);
    } catch (error) {
      if (error instanceof TransitionConflictError) {
        this.options.logger.info('request already moved on', { requestId: request.id, from, to });
        return undefined;
      }
      throw error;
    }
  }

  private async tell(request: ChatOpsRequest, notice: ChatNotice): Promise<void> {
    try {
      const { resultNote } = this.options;
      const detail = [notice.detail, resultNote].filter(Boolean).join('\n');
      await this.options.notifier.postToThread(request.origin, detail ? { ...notice, detail } : notice);
    } catch (error) {
      this.options.logger.warn('could not post to the requester thread', { requestId: request.id, error });
    }
  }
}

/** The Account Factory input of a request (frozen parameters + the requester's verified profile). */
function provisionInput(request: ChatOpsRequest) {
  const p = request.parameters;
  const ou = OU_PARAMETER.exec(p.OrganizationalUnit ?? '');
  if (!ou?.[1] || !ou[2]) {
    throw new AccountFactoryError(
      'INVALID_PARAMETERS',
      `The organizational unit "${p.OrganizationalUnit ?? ''}" is not "Name (ou-id)".`,
    );
  }
  return {
    requestId: request.id,
    accountName: p.AccountName ?? '',
    accountEmail: p.AccountEmail ?? '',
    organizationalUnit: { name: ou[1], id: ou[2] },
    ssoUser: ssoUserOf(request.requester),
  };
}
