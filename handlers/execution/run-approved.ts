/**
 * Runs one handed-off request: the shared body of the SQS execution worker and the local
 * in-process hand-off. Idempotent (SQS delivers at least once): only a request still `APPROVED`
 * is started. What is approved is what runs: the parameter digest is re-checked first, and a
 * mismatch fails the request (an audited `APPROVED → FAILED`, reason `DIGEST_MISMATCH`) and tells
 * the requester, instead of executing anything.
 */
import { digestIntact } from '../approvals/parameter-digest';
import type { Ledger } from '../ledger/ledger.port';
import { TransitionConflictError } from '../ledger/transitions';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import type { Executions } from './execution.port';

export interface RunApprovedDeps {
  ledger: Ledger;
  executions: Executions;
  chat: ChatNotifier;
  logger: Logger;
}

export const DIGEST_MISMATCH = 'DIGEST_MISMATCH';

/** What happened to the request (for the worker's logs and tests). */
export type RunOutcome = 'started' | 'not-approved' | 'digest-mismatch' | 'unknown';

export async function runApproved(requestId: string, deps: RunApprovedDeps): Promise<RunOutcome> {
  const request = await deps.ledger.get(requestId);
  if (!request) return 'unknown';
  if (request.status !== 'APPROVED') return 'not-approved';
  if (!digestIntact(request)) {
    try {
      await deps.ledger.transition(request.id, 'APPROVED', 'FAILED', 'system', {
        reason: DIGEST_MISMATCH,
        expectedVersion: request.version,
      });
    } catch (error) {
      if (error instanceof TransitionConflictError) return 'not-approved';
      throw error;
    }
    deps.logger.error('parameter digest mismatch: not executing', { requestId });
    await deps.chat
      .postToThread(request.origin, {
        text: `${request.id} was not run: its parameters no longer match what was approved. Nothing was changed; please ask again.`,
        mentions: [request.requester.slackUserId],
      })
      .catch((error: unknown) => deps.logger.warn('could not tell the requester', { requestId, error }));
    return 'digest-mismatch';
  }
  await deps.executions.start(request);
  return 'started';
}
