/**
 * The reject modal's `view_submission` (callback `approval_reject_reason`): a reason longer than
 * 500 characters (or empty) is answered in the modal itself (`response_action: errors`, which
 * Slack requires within the ack); otherwise the modal closes and an approval turn with the reason
 * goes to the {@link ApprovalActionHandler}, checked against the submitting user's verified id.
 * The de-dup key is the view id, so a Slack retry of the same submission decides once.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  decodeRejectContext,
  MAX_REASON_LENGTH,
  REASON_BLOCK,
  REASON_INPUT,
} from '../../render/reject-modal';
import type { ApprovalTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { payloadEnterprise } from '../payload-enterprise';

export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What a submission becomes: a turn, an error to show in the modal, or nothing (not ours). */
export type RejectSubmission =
  | { kind: 'turn'; turn: ApprovalTurn }
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'ignored' };

/** Reads a reject-modal submission (pure). */
export function rejectSubmission(args: Pick<ViewArgs, 'body' | 'view'>, now: Date): RejectSubmission {
  const { body, view } = args;
  const context = decodeRejectContext(view.private_metadata);
  const teamId = body.team?.id ?? body.user.team_id;
  if (!context || !teamId) return { kind: 'ignored' };
  const reason = (view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? '').trim();
  if (!reason) return { kind: 'invalid', errors: { [REASON_BLOCK]: 'Please say why you reject it.' } };
  if (reason.length > MAX_REASON_LENGTH) {
    return {
      kind: 'invalid',
      errors: {
        [REASON_BLOCK]: `The reason is ${reason.length} characters long; at most ${MAX_REASON_LENGTH} fit.`,
      },
    };
  }
  const userId = body.user.id;
  return {
    kind: 'turn',
    turn: {
      kind: 'approval',
      id: `view:${view.id}`,
      teamId,
      ...payloadEnterprise(body.enterprise?.id),
      userId,
      channelId: context.clicked.channelId,
      receivedAt: now.toISOString(),
      decision: 'reject',
      requestId: context.requestId,
      comment: reason,
      clicked: { ...context.clicked, outcome: `<@${userId}> rejected ${context.requestId}` },
    },
  };
}

/** The Bolt listener. */
export function rejectReasonListener(ctx: ListenerContext) {
  return async (args: ViewArgs): Promise<void> => {
    const submission = rejectSubmission(args, ctx.now());
    if (submission.kind === 'invalid') {
      await args.ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    await args.ack();
    if (submission.kind === 'turn') await ctx.dispatcher.dispatch(submission.turn);
  };
}
