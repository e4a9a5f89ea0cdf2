/**
 * A stand-in approval desk for the local stack until the approval machinery is wired in: it
 * knows which requests exist (404 otherwise) and refuses every token (403), so the approval
 * server already runs the real approval API handler and nothing can be decided through it.
 */
import type { ApprovalDesk } from '../handlers/approvals/approval-desk.port';
import type { Ledger } from '../handlers/ledger/ledger.port';

/** The stand-in desk over `ledger`. */
export function unavailableDesk(ledger: Ledger): ApprovalDesk {
  const refuse = async (requestId: string) =>
    (await ledger.get(requestId))
      ? { ok: false as const, status: 403 as const, message: 'Approval links are not enabled in this stack.' }
      : { ok: false as const, status: 404 as const, message: `There is no request ${requestId}.` };
  return {
    inspect: (requestId) => refuse(requestId),
    decideByToken: ({ requestId }) => refuse(requestId),
  };
}
