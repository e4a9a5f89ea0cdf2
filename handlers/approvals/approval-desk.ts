/**
 * The approval desk: the {@link ApprovalDesk} behind the approval page (GET inspects, POST decides
 * with the emailed token) and the {@link ApprovalActionHandler} behind the Slack buttons. Both
 * front doors establish who the approver is — a valid token (./approval-tokens.ts) or a verified
 * Slack user config names as an approver (./approvers.ts) — and then share one
 * {@link DecisionRecorder}. Every refusal changes nothing and says precisely why.
 */
import type { Ledger } from '../ledger/ledger.port';
import { decodeMessage } from '../notify/recorded-message';
import type {
  ApprovalActionHandler,
  ApprovalActionOutcome,
  ApprovalDecisionInput,
} from './approval-decisions.port';
import type { ApprovalDesk, ApprovalView, DeskRefusal, DeskResult } from './approval-desk.port';
import { APPROVAL_MESSAGE_ID, outcomeText } from './approval-notices';
import type { ApprovalTokens, TokenProblem } from './approval-tokens';
import { approvalView } from './approval-view';
import { type Approver, approverByEmail, approverBySlack } from './approvers';
import { alreadyCounted, type DecisionDeps, DecisionRecorder, decisionRefusal } from './decision-recorder';

export interface ApprovalDeskDeps extends DecisionDeps {
  tokens: ApprovalTokens;
}

const TOKEN_MESSAGES: Record<Exclude<TokenProblem, 'expired'>, string> = {
  malformed:
    'This approval link is not valid: it may have been cut short or altered. Open the link from your approval email exactly as sent.',
  tampered:
    'This approval link is not valid: its signature does not match. Open the link from your approval email exactly as sent.',
  otherRequest: 'This approval link belongs to another request, so it cannot decide this one.',
  digestChanged: 'This request changed after this link was sent, so the link can no longer decide it.',
};

const refusal = (status: DeskRefusal['status'], message: string, view?: ApprovalView): DeskRefusal => ({
  ok: false,
  status,
  message,
  ...(view ? { view } : {}),
});

export class ApprovalDeskService implements ApprovalDesk, ApprovalActionHandler {
  private readonly recorder: DecisionRecorder;

  constructor(private readonly deps: ApprovalDeskDeps) {
    this.recorder = new DecisionRecorder(deps);
  }

  async inspect(
    requestId: string,
    token: string,
  ): Promise<DeskResult<{ view: ApprovalView; approver: string }>> {
    const found = await this.byToken(requestId, token);
    if (!found.ok) return found;
    const blocked = decisionRefusal(
      this.deps.config,
      found.request,
      found.approver,
      this.deps.now(),
      requestId,
    );
    if (blocked) return blocked;
    const counted = alreadyCounted(this.deps.config, found.request, found.approver);
    if (counted) return counted;
    return { ok: true, view: approvalView(found.request, this.deps.config), approver: found.approver.label };
  }

  async decideByToken(input: {
    requestId: string;
    token: string;
    decision: 'approve' | 'reject';
    comment?: string;
  }) {
    const found = await this.byToken(input.requestId, input.token);
    if (!found.ok) return found;
    return this.recorder.decide({
      requestId: found.request.id,
      approver: found.approver,
      via: 'link',
      decision: input.decision,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      tokenDigest: found.digest,
    });
  }

  /** A click on Approve / Reject in the approvers' channel, by a verified Slack user. */
  async decide(input: ApprovalDecisionInput): Promise<ApprovalActionOutcome> {
    const { config } = this.deps;
    if (config.slack.teamId && input.approver.teamId !== config.slack.teamId) {
      return {
        settled: false,
        message:
          "Only members of this organisation's Slack workspace can decide approvals. Nothing was changed.",
      };
    }
    const approver = approverBySlack(config, input.approver.slackUserId, input.userGroupIds ?? []);
    if (!approver) {
      return {
        settled: false,
        message: `You are not an approver, so you cannot decide ${input.requestId}. Nothing was changed.`,
      };
    }
    const result = await this.recorder.decide({
      requestId: input.requestId,
      approver,
      via: 'slack',
      decision: input.decision,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
    });
    if (result.ok) {
      const remembered = decodeMessage(result.view.request.externalIds?.[APPROVAL_MESSAGE_ID]);
      const redrawn = remembered?.channelId === input.channelId && remembered.ts === input.messageTs;
      return result.outcome === 'APPROVAL_RECORDED'
        ? { settled: false, message: result.message }
        : { settled: true, outcome: result.message, ...(redrawn ? { redrawn } : {}) };
    }
    const decided = result.view && result.view.request.status !== 'PENDING_APPROVAL';
    return decided && result.view
      ? { settled: true, outcome: outcomeText(result.view) }
      : { settled: false, message: result.message };
  }

  /** The request and approver a token stands for, or the refusal (nothing changed either way). */
  private async byToken(
    requestId: string,
    token: string,
  ): Promise<
    | {
        ok: true;
        request: NonNullable<Awaited<ReturnType<Ledger['get']>>>;
        approver: Approver;
        digest: string;
      }
    | DeskRefusal
  > {
    const { ledger, config, tokens, now } = this.deps;
    const request = await ledger.get(requestId);
    if (!request) return refusal(404, `There is no request ${requestId}.`);
    const check = await tokens.verify(token, { requestId, digest: request.approval?.digest ?? '' }, now());
    if (!check.ok) {
      if (check.problem === 'expired')
        return refusal(410, `This approval link expired; ${requestId} can no longer be decided with it.`);
      return refusal(403, TOKEN_MESSAGES[check.problem]);
    }
    const approver = approverByEmail(config, check.claims.approver);
    if (!approver)
      return refusal(
        403,
        `${check.claims.approver} is not (or no longer) an approver, so this link cannot decide ${requestId}.`,
      );
    return { ok: true, request, approver, digest: check.claims.digest };
  }

  toJSON(): string {
    return '[ApprovalDeskService]';
  }
}

/** The desk for a config, ledger and the rest of its dependencies. */
export function createApprovalDesk(deps: ApprovalDeskDeps): ApprovalDeskService {
  return new ApprovalDeskService(deps);
}
