/**
 * Approval buttons (`approval_approve`, `approval_reject`, value = request id) in the approvers'
 * channel. Approve becomes an approval turn for the {@link ApprovalActionHandler} (the clicker's
 * verified Slack user id is what the handler checks); Reject opens a modal asking for the reason
 * (`views.open` with the click's `trigger_id`, which Slack honours for 3 seconds, so it is opened
 * right after the ack, never queued), and its submission (../views/reject-reason.listener.ts)
 * decides.
 */
import { parseRequestId } from '../../../handlers/ledger/request-id';
import { APPROVE_ACTION } from '../../render/action-ids';
import { rejectModal } from '../../render/reject-modal';
import type { ApprovalTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { type ButtonArgs, clickedMessage, clickFrom, clickTurnBase } from './clicked-message';

/** The approval turn for an Approve click, or `undefined` when the payload is not a valid approval click. */
export function approvalTurn(
  args: Pick<ButtonArgs, 'body' | 'action' | 'context'>,
  now: Date,
): ApprovalTurn | undefined {
  const click = clickFrom(args);
  let requestId: string;
  try {
    requestId = parseRequestId(args.action.value ?? '');
  } catch {
    return undefined;
  }
  if (!click) return undefined;
  const decision = args.action.action_id === APPROVE_ACTION ? 'approve' : 'reject';
  return {
    kind: 'approval',
    ...clickTurnBase(click, now),
    decision,
    requestId,
    clicked: clickedMessage(
      click,
      `<@${click.userId}> ${decision === 'approve' ? 'approved' : 'rejected'} ${requestId}`,
    ),
  };
}

/** The Bolt listener. */
export function approvalListener(ctx: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const turn = approvalTurn(args, ctx.now());
    if (!turn) return;
    if (turn.decision === 'approve') {
      await ctx.dispatcher.dispatch(turn);
      return;
    }
    const { outcome: _shownAfterTheDecision, ...clicked } = turn.clicked;
    try {
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: rejectModal({ requestId: turn.requestId, clicked }),
      });
    } catch (error) {
      ctx.logger.warn('Could not open the reject modal', { requestId: turn.requestId, error });
    }
  };
}
