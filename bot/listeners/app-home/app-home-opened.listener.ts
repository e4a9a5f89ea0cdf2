/** `app_home_opened` on the Home tab: publish the user's requests, newest first. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { HomeTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { eventEnterprise } from '../payload-enterprise';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The turn for the Home tab being opened (the Messages tab opening needs nothing). */
export function appHomeTurn(
  args: Pick<HomeArgs, 'event' | 'body' | 'context'>,
  now: Date,
): HomeTurn | undefined {
  const e = args.event;
  const teamId = args.body.team_id ?? args.context.teamId;
  if (e.tab !== 'home' || !teamId) return undefined;
  return {
    kind: 'home',
    id: `evt:${args.body.event_id}`,
    teamId,
    ...eventEnterprise(args.body, args.context),
    userId: e.user,
    channelId: e.channel,
    receivedAt: now.toISOString(),
  };
}

/** The Bolt listener. */
export function appHomeOpenedListener(ctx: ListenerContext) {
  return async (args: HomeArgs): Promise<void> => {
    const turn = appHomeTurn(args, ctx.now());
    if (turn) await ctx.dispatcher.dispatch(turn);
  };
}
