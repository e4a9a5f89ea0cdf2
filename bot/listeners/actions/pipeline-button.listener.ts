/**
 * Buttons of pipeline notifications (`pipeline_status`, `pipeline_retry`, posted by
 * handlers/pipeline-status/notifications.ts in a pipeline's channel): anyone in the channel may
 * click, and the click is that person's own utterance (the button's value, e.g. "retry
 * payments-api") in a thread under the notification — so authorization, confirmation and the
 * approval policy apply to the clicker as if they had typed it.
 */
import type { UtteranceTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { type ButtonArgs, clickFrom, clickTurnBase } from './clicked-message';

/** The turn for a pipeline button click, or `undefined` for payloads that are not ours. */
export function pipelineButtonTurn(
  args: Pick<ButtonArgs, 'body' | 'action' | 'context'>,
  now: Date,
): UtteranceTurn | undefined {
  const click = clickFrom(args);
  const utterance = args.action.value?.trim();
  if (!click || !utterance || utterance.length > 200) return undefined;
  const thread = click.threadTs ?? click.messageTs;
  return {
    kind: 'utterance',
    source: 'block_actions',
    ...clickTurnBase(click, now),
    text: utterance,
    sessionThreadTs: thread,
    replyThreadTs: thread,
  };
}

/** The Bolt listener. */
export function pipelineButtonListener(ctx: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const turn = pipelineButtonTurn(args, ctx.now());
    if (turn) await ctx.dispatcher.dispatch(turn);
  };
}
