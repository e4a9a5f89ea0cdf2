/**
 * Records one approver's decision through the ledger (issue 11), shared by the link and the
 * buttons. Each attempt reads the request, re-checks everything (status, deadline, separation of
 * duties, digest, one vote per approver) and writes conditionally on the version it read: a reject
 * is `PENDING_APPROVAL → REJECTED`; an approval that reaches the quorum of distinct approvers is
 * `PENDING_APPROVAL → APPROVED` carrying the final vote; an approval short of it is an audited
 * `APPROVAL_VOTE` amend. A lost race re-reads and decides again, so exactly one final decision wins
 * and a vote is never lost. Afterwards (never failing the decision): the approvers' message is
 * updated, the requester's thread hears the outcome, and an approved request is handed off.
 */
import type { ChatOpsConfig } from '../config/config.schema';
import type { ExecutionHandOff } from '../execution/execution-handoff.port';
import type { Ledger } from '../ledger/ledger.port';
import type { ApprovalVoteRecord, ChatOpsRequest } from '../ledger/request';
import { TransitionConflictError } from '../ledger/transitions';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import { decodeMessage } from '../notify/recorded-message';
import type { ApprovalView, DecisionOutcome, DeskRefusal } from './approval-desk.port';
import { APPROVAL_MESSAGE_ID, decidedNotice, outcomeText, requesterNotice } from './approval-notices';
import { approvalView, progressText } from './approval-view';
import { type Approver, isRequester } from './approvers';
import { plainDisplay } from './display-text';
import { parameterDigest } from './parameter-digest';

export interface DecisionDeps {
  config: ChatOpsConfig;
  ledger: Ledger;
  chat: ChatNotifier;
  handOff: ExecutionHandOff;
  logger: Logger;
  now: () => Date;
}

export interface Decision {
  requestId: string;
  approver: Approver;
  via: 'link' | 'slack';
  decision: 'approve' | 'reject';
  comment?: string;
  /** The digest the approver's token was issued for (links only). */
  tokenDigest?: string;
}

export type DecisionResult =
  | { ok: true; outcome: DecisionOutcome; view: ApprovalView; message: string }
  | DeskRefusal;

const MAX_ATTEMPTS = 12;
export const MAX_COMMENT = 500;

const refuse = (status: DeskRefusal['status'], message: string, view?: ApprovalView): DeskRefusal => ({
  ok: false,
  status,
  message,
  ...(view ? { view } : {}),
});

/**
 * Why `request` cannot be decided by `approver` now, or `undefined` when it can (pure). Shared
 * with the page's GET so that what the page shows and what the POST does agree.
 */
export function decisionRefusal(
  config: ChatOpsConfig,
  request: ChatOpsRequest | undefined,
  approver: Approver,
  now: Date,
  requestId: string,
): DeskRefusal | undefined {
  if (!request) return refuse(404, `There is no request ${requestId}.`);
  const view = approvalView(request, config);
  if (request.status === 'EXPIRED')
    return refuse(410, `${request.id} expired at ${view.expiresAt} without a decision.`, view);
  if (request.status !== 'PENDING_APPROVAL')
    return refuse(409, `${request.id} is already decided: ${outcomeText(view)}`, view);
  if (!request.approval || Date.parse(request.approval.expiresAt) <= now.getTime()) {
    return refuse(410, `${request.id} expired at ${view.expiresAt}; it can no longer be decided.`, view);
  }
  if (isRequester(config, request, approver)) {
    return refuse(
      403,
      `You asked for ${request.id} yourself, so you cannot approve or reject it: another approver must decide.`,
    );
  }
  if (parameterDigest(request) !== request.approval.digest) {
    return refuse(
      403,
      `${request.id} changed after it was sent for approval, so it cannot be decided. Nothing was changed.`,
    );
  }
  return undefined;
}

/**
 * The 409 for an approver whose approval is already counted under a quorum ("you already
 * approved; waiting for N more"), or `undefined` when they have not voted yet (pure). The page's
 * GET answers it too, so an approver who voted is not offered the forms again.
 */
export function alreadyCounted(
  config: ChatOpsConfig,
  request: ChatOpsRequest,
  approver: Approver,
): DeskRefusal | undefined {
  if (!request.approval?.votes.some((v) => v.approver === approver.id)) return undefined;
  const view = approvalView(request, config);
  const more = Math.max(view.quorum - view.approvals.length, 1);
  return refuse(
    409,
    `You have already approved ${request.id}; waiting for ${more} more approval${more === 1 ? '' : 's'} (${progressText(view)}).`,
    view,
  );
}

export class DecisionRecorder {
  constructor(private readonly deps: DecisionDeps) {}

  async decide(input: Decision): Promise<DecisionResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const request = await this.deps.ledger.get(input.requestId);
      const refusal = decisionRefusal(
        this.deps.config,
        request,
        input.approver,
        this.deps.now(),
        input.requestId,
      );
      if (refusal || !request?.approval)
        return refusal ?? refuse(404, `There is no request ${input.requestId}.`);
      if (input.tokenDigest !== undefined && input.tokenDigest !== request.approval.digest) {
        return refuse(
          403,
          `${request.id} changed after this link was sent, so the link can no longer decide it.`,
        );
      }
      if (input.decision === 'approve') {
        const counted = alreadyCounted(this.deps.config, request, input.approver);
        if (counted) return counted;
      }
      try {
        const result = await this.write(request, input);
        await this.afterwards(result.view, result.outcome);
        return result;
      } catch (error) {
        if (!(error instanceof TransitionConflictError)) throw error;
      }
    }
    return refuse(
      409,
      `${input.requestId} is being decided by someone else right now; reload to see the outcome.`,
    );
  }

  private async write(request: ChatOpsRequest, input: Decision) {
    const { ledger, config } = this.deps;
    const approval = request.approval as NonNullable<ChatOpsRequest['approval']>;
    const at = this.deps.now().toISOString();
    const expectedVersion = request.version;
    if (input.decision === 'reject') {
      const reason = plainDisplay(input.comment ?? '', MAX_COMMENT) || 'no reason given';
      const next = await ledger.transition(request.id, 'PENDING_APPROVAL', 'REJECTED', input.approver.id, {
        approver: input.approver.label,
        reason,
        expectedVersion,
      });
      const view = approvalView(next, config);
      return { ok: true as const, outcome: 'REJECTED' as const, view, message: outcomeText(view) };
    }
    const vote: ApprovalVoteRecord = {
      approver: input.approver.id,
      label: input.approver.label,
      at,
      via: input.via,
      digest: approval.digest,
    };
    const votes = [...approval.votes, vote];
    const next =
      votes.length >= approval.quorum
        ? await ledger.transition(request.id, 'PENDING_APPROVAL', 'APPROVED', input.approver.id, {
            approver: votes.map((v) => v.label).join(', '),
            approval: { ...approval, votes },
            expectedVersion,
          })
        : await ledger.amend(request.id, expectedVersion, input.approver.id, {
            event: 'APPROVAL_VOTE',
            approval: { ...approval, votes },
            facts: {
              approver: input.approver.id,
              via: input.via,
              progress: `${votes.length}/${approval.quorum}`,
            },
          });
    const view = approvalView(next, config);
    const outcome = next.status === 'APPROVED' ? ('APPROVED' as const) : ('APPROVAL_RECORDED' as const);
    const message =
      outcome === 'APPROVED'
        ? outcomeText(view)
        : `Your approval of ${next.id} is recorded: ${progressText(view)}.`;
    return { ok: true as const, outcome, view, message };
  }

  private async afterwards(view: ApprovalView, outcome: DecisionOutcome): Promise<void> {
    const { chat, logger, handOff } = this.deps;
    const request = view.request;
    const quiet = (what: string) => (error: unknown) =>
      logger.warn(`could not ${what}`, { requestId: request.id, error });
    const message = decodeMessage(request.externalIds?.[APPROVAL_MESSAGE_ID]);
    if (message)
      await chat.updateMessage(message, decidedNotice(view)).catch(quiet('update the approvers message'));
    if (outcome === 'APPROVAL_RECORDED') return;
    await chat.postToThread(request.origin, requesterNotice(view)).catch(quiet('tell the requester'));
    // A failed hand-off leaves the request APPROVED in the ledger (visible, re-drivable), never lost.
    if (outcome === 'APPROVED') await handOff.handOff(request).catch(quiet('hand the request to execution'));
  }
}
