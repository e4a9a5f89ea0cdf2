/**
 * The approval-decision port (core side of the Approve / Reject buttons `approval_approve`,
 * `approval_reject` in the approvers' channel, and of the approval page's POST). The Slack side
 * verifies and de-duplicates the click, then hands a typed decision to an
 * {@link ApprovalActionHandler}; the approval machinery implements it and is injected through
 * `createSlackApp({ approvals })` / the worker's deps. {@link approvalsNotAvailable} is the twin for
 * stacks without approvals: it answers the approver and changes nothing.
 */

/** One click on an approval button, with the clicker's verified Slack identity. */
export interface ApprovalDecisionInput {
  requestId: string;
  decision: 'approve' | 'reject';
  /** The approver's comment (a reject's reason), at most 500 characters. */
  comment?: string;
  approver: { teamId: string; slackUserId: string };
  /** The clicker's Slack user groups, when the Slack side knows them (group-based approvers). */
  userGroupIds?: readonly string[];
  /** Where the buttons were (for posting the outcome). */
  channelId: string;
  messageTs: string;
}

/**
 * What happened. `settled: true` means the decision is final (recorded, or the request had already
 * been decided/expired) and the buttons are replaced by `outcome`; otherwise only the clicker sees
 * `message`.
 */
export type ApprovalActionOutcome =
  | {
      settled: true;
      outcome: string;
      /**
       * True when the core already redrew the clicked message itself (the approvers-channel message
       * it remembers): the Slack side then leaves it alone instead of overwriting it with the
       * click-time copy (whose facts, such as "0 of 1 approval", are stale).
       */
      redrawn?: boolean;
    }
  | { settled: false; message: string };

export interface ApprovalActionHandler {
  decide(input: ApprovalDecisionInput): Promise<ApprovalActionOutcome>;
}

/** The handler until the approvals issue lands: nothing is decided from Slack yet. */
export const approvalsNotAvailable: ApprovalActionHandler = {
  async decide(input) {
    return {
      settled: false,
      message:
        `Deciding ${input.requestId} from Slack is not available yet, so nothing was changed. ` +
        'Please use the link in your approval email.',
    };
  },
};
