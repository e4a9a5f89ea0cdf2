/**
 * Extension point for the Approve / Reject buttons (`approval_approve`, `approval_reject`) that the
 * approvals issue posts in the approvers' channel. The Slack side verifies and de-duplicates the
 * click, then hands a typed decision to an {@link ApprovalActionHandler}; the approvals issue plugs
 * its state machine in through `createSlackApp({ approvals })` / the worker's deps. Until then
 * {@link approvalsNotAvailable} answers the approver ephemerally and changes nothing.
 */

/** One click on an approval button, with the clicker's verified Slack identity. */
export interface ApprovalDecisionInput {
  requestId: string;
  decision: 'approve' | 'reject';
  approver: { teamId: string; slackUserId: string };
  /** Where the buttons were (for posting the outcome). */
  channelId: string;
  messageTs: string;
}

/**
 * What happened. `settled: true` means the decision is final (recorded, or the request had already
 * been decided/expired) and the buttons are replaced by `outcome`; otherwise only the clicker sees
 * `message`.
 */
export type ApprovalActionOutcome = { settled: true; outcome: string } | { settled: false; message: string };

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
