/**
 * The approval desk: what the approval page (GET/POST `/approvals/{id}`, DESIGN §5) and the Slack
 * approval buttons ask of the approval machinery. The HTTP handler (approval-api) and the Slack
 * listener are thin adapters over it; the machinery (tokens, policy, quorum, ledger decisions)
 * implements it. Statuses are the page's HTTP statuses: 200 decided, 403 bad token or not allowed,
 * 404 unknown request, 409 already decided / quorum reached / approver already counted, 410 expired.
 */
import type { ChatOpsRequest } from '../ledger/request';

/** One approval counted so far (quorum > 1 collects several before `APPROVED`). */
export interface ApprovalVote {
  /** The approver as config names them: an email (link) or a Slack user id (button). */
  approver: string;
  /** How the approver is shown to people (e.g. `Bob Example <bob@example.com>`). */
  label: string;
  at: string;
}

/** Everything a person needs to decide, rendered by the page, the email and the Slack message. */
export interface ApprovalView {
  request: ChatOpsRequest;
  /** The capability's plain-language plan of the AWS calls it will make, one step per line. */
  plan: string[];
  risk: 'low' | 'medium' | 'high';
  quorum: number;
  approvals: ApprovalVote[];
  /** Approvers who may still decide (labels). */
  pendingApprovers: string[];
  /** ISO time after which the request is `EXPIRED`. */
  expiresAt: string;
}

/** A refusal: nothing changed. */
export interface DeskRefusal {
  ok: false;
  status: 403 | 404 | 409 | 410;
  /** Safe, specific message for the person (never a token or key). */
  message: string;
  /** Present when the request exists and the person may see it (e.g. "already decided" pages). */
  view?: ApprovalView;
}

/** What a decision did: the final decision, or one more approval towards a quorum. */
export type DecisionOutcome = 'APPROVED' | 'REJECTED' | 'APPROVAL_RECORDED';

export type DeskResult<T> = ({ ok: true } & T) | DeskRefusal;

export interface ApprovalDesk {
  /** For GET/HEAD: checks the token and returns the view. Never changes anything. */
  inspect(requestId: string, token: string): Promise<DeskResult<{ view: ApprovalView; approver: string }>>;
  /** For POST: decides with the emailed token (single use: the decision itself is the use). */
  decideByToken(input: {
    requestId: string;
    token: string;
    decision: 'approve' | 'reject';
    comment?: string;
  }): Promise<DeskResult<{ outcome: DecisionOutcome; view: ApprovalView; message: string }>>;
}
