/**
 * The `RECEIVED` sweep (issue 10): requests are created directly in the state they start in, so a
 * request still `RECEIVED` a few minutes after it was filed was left there by a crash or by an
 * older writer. The sweep finds them (status index, oldest first) and hands each to `resume`, which
 * moves it on (write requests: to `PENDING_APPROVAL` and the approvers notified, or `APPROVED` and
 * started); what cannot be resumed (a read-only request whose reply is long gone, an unknown
 * intent, a resume that failed) becomes `FAILED` with reason `STALE_RECEIVED`. Every move is a
 * conditional, audited transition (actor `sweeper`), so a sweep racing a replay changes a request
 * once. Runs from ./received-sweeper.lambda.ts (a schedule) and from the local stack's timer.
 */
import type { Logger } from '../logger';
import type { Ledger } from './ledger.port';
import type { ChatOpsRequest } from './request';
import { TransitionConflictError } from './transitions';

/** Requests younger than this are left alone: their turn may still be running. */
export const DEFAULT_STALE_AFTER_MS = 5 * 60_000;
/** The actor of the sweep's audit events. */
export const SWEEPER_ACTOR = 'sweeper';
export const STALE_REASON = 'STALE_RECEIVED';

export interface ReceivedSweepDeps {
  ledger: Ledger;
  logger: Logger;
  /**
   * Moves a `RECEIVED` request on and does its follow-up; resolves `undefined` when the request
   * cannot be resumed (the sweep then fails it).
   */
  resume: (request: ChatOpsRequest) => Promise<ChatOpsRequest | undefined>;
  now?: () => Date;
}

export interface ReceivedSweepOptions {
  staleAfterMs?: number;
  /** At most this many requests per sweep (the next sweep takes the rest). */
  maxRequests?: number;
}

export interface ReceivedSweepReport {
  resumed: string[];
  failed: string[];
  /** Moved by someone else meanwhile (a replayed turn): nothing to do. */
  skipped: string[];
}

/** One sweep over the `RECEIVED` requests older than `staleAfterMs`. */
export async function sweepReceived(
  deps: ReceivedSweepDeps,
  options: ReceivedSweepOptions = {},
): Promise<ReceivedSweepReport> {
  const now = (deps.now ?? (() => new Date()))().getTime();
  const cutoff = new Date(now - (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS)).toISOString();
  const max = options.maxRequests ?? 100;
  const report: ReceivedSweepReport = { resumed: [], failed: [], skipped: [] };
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await deps.ledger.listByStatus('RECEIVED', { limit: 25, ...(cursor ? { cursor } : {}) });
    for (const request of page.items) {
      // Oldest first: the first young one means every later one is young too.
      if (request.createdAt > cutoff || seen >= max) return report;
      seen += 1;
      await sweepOne(request, deps, report);
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

async function sweepOne(
  request: ChatOpsRequest,
  deps: ReceivedSweepDeps,
  report: ReceivedSweepReport,
): Promise<void> {
  try {
    const resumed = await resumeOrUndefined(request, deps);
    if (resumed) {
      report.resumed.push(request.id);
      deps.logger.info('Resumed a request left in RECEIVED', {
        requestId: request.id,
        status: resumed.status,
      });
      return;
    }
    await deps.ledger.advance(request, 'FAILED', SWEEPER_ACTOR, { reason: STALE_REASON });
    report.failed.push(request.id);
    deps.logger.warn('Failed a request left in RECEIVED', { requestId: request.id, intent: request.intent });
  } catch (error) {
    if (error instanceof TransitionConflictError) {
      report.skipped.push(request.id);
      return;
    }
    deps.logger.error('Could not sweep a request left in RECEIVED', { requestId: request.id, error });
  }
}

/** `resume`, with a failure before the request moved counted as "cannot be resumed". */
async function resumeOrUndefined(
  request: ChatOpsRequest,
  deps: ReceivedSweepDeps,
): Promise<ChatOpsRequest | undefined> {
  try {
    return await deps.resume(request);
  } catch (error) {
    if (error instanceof TransitionConflictError) throw error;
    deps.logger.warn('Could not resume a request left in RECEIVED', { requestId: request.id, error });
    const current = await deps.ledger.get(request.id);
    // It moved before the failure (e.g. approved, then the execution hand-off failed): resumed.
    if (current && current.status !== 'RECEIVED') return current;
    return undefined;
  }
}
