/**
 * Approval buttons (`approval_approve`, `approval_reject`, value = request id): a typed decision for
 * the {@link ApprovalActionHandler} extension point (bot/conversation/approval-actions.ts).
 */
import { parseRequestId } from '../../../handlers/ledger/request-id';
import { APPROVE_ACTION } from '../../render/action-ids';
import type { ApprovalTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { type ButtonArgs, clickedMessage, clickFrom, clickTurnBase } from './clicked-message';

/** The approval turn for a click, or `undefined` when the payload is not a valid approval click. */
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
    if (turn) await ctx.dispatcher.dispatch(turn);
  };
}
