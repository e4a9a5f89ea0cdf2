/**
 * `message.im`: a person wrote to the bot in its DM. Bot messages, edits, deletions and every other
 * message subtype are ignored (Bolt's `ignoreSelf` already drops the bot's own messages). A top-level
 * DM continues the user's DM session; a reply in a thread gets its own session and reply thread.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { toUtterance } from '../../conversation/slack-text';
import type { UtteranceTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { eventEnterprise } from '../payload-enterprise';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** The turn for a DM from a person, or `undefined` when the message is not one. */
export function directMessageTurn(
  args: Pick<MessageArgs, 'message' | 'body' | 'context'>,
  now: Date,
): UtteranceTurn | undefined {
  const m = args.message;
  if (m.subtype !== undefined || m.channel_type !== 'im' || m.bot_id || !m.user) return undefined;
  if (m.user === args.context.botUserId) return undefined;
  const teamId = args.body.team_id ?? args.context.teamId;
  if (!teamId) return undefined;
  return {
    kind: 'utterance',
    source: 'message',
    id: `evt:${args.body.event_id}`,
    teamId,
    ...eventEnterprise(args.body, args.context),
    userId: m.user,
    channelId: m.channel,
    receivedAt: now.toISOString(),
    text: toUtterance(m.text, args.context.botUserId),
    ...(m.thread_ts ? { sessionThreadTs: m.thread_ts, replyThreadTs: m.thread_ts } : {}),
  };
}

/** The Bolt listener. */
export function directMessageListener(ctx: ListenerContext) {
  return async (args: MessageArgs): Promise<void> => {
    const turn = directMessageTurn(args, ctx.now());
    if (turn) await ctx.dispatcher.dispatch(turn);
  };
}
