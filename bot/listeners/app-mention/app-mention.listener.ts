/**
 * `app_mention`: someone mentioned the bot in a channel. The conversation lives in the mention's
 * thread (a new thread under a top-level mention), so the channel stays quiet and a button click
 * in that thread lands in the same Lex session.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { toUtterance } from '../../conversation/slack-text';
import type { UtteranceTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { eventEnterprise } from '../payload-enterprise';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/** The turn for a mention by a person, or `undefined` (bots, edits). */
export function appMentionTurn(
  args: Pick<MentionArgs, 'event' | 'body' | 'context'>,
  now: Date,
): UtteranceTurn | undefined {
  const e = args.event;
  if (e.bot_id || e.subtype !== undefined || !e.user || e.user === args.context.botUserId) return undefined;
  const teamId = args.body.team_id ?? e.team ?? args.context.teamId;
  if (!teamId) return undefined;
  const thread = e.thread_ts ?? e.ts;
  return {
    kind: 'utterance',
    source: 'app_mention',
    id: `evt:${args.body.event_id}`,
    teamId,
    ...eventEnterprise(args.body, args.context),
    userId: e.user,
    channelId: e.channel,
    receivedAt: now.toISOString(),
    text: toUtterance(e.text, args.context.botUserId),
    sessionThreadTs: thread,
    replyThreadTs: thread,
  };
}

/** The Bolt listener. */
export function appMentionListener(ctx: ListenerContext) {
  return async (args: MentionArgs): Promise<void> => {
    const turn = appMentionTurn(args, ctx.now());
    if (turn) await ctx.dispatcher.dispatch(turn);
  };
}
