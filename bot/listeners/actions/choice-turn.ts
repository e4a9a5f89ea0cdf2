/**
 * A conversation button click (slot value or Yes/No) as an utterance turn in the owner's session.
 * Clicks on someone else's conversation are refused with an ephemeral note and change nothing.
 */
import { escapeSlackText } from '../../conversation/slack-text';
import { decodeChoice } from '../../render/action-ids';
import type { UtteranceTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { type ButtonArgs, clickedMessage, clickFrom, clickTurnBase } from './clicked-message';

/** Told to someone clicking another user's conversation buttons. */
export const NOT_YOUR_BUTTONS =
  'These buttons belong to someone else’s conversation. Mention me to start your own.';

export type ChoiceOutcome = { turn: UtteranceTurn } | { refuse: string } | undefined;

/** The turn for a choice click, a refusal, or `undefined` for payloads that are not ours. */
export function choiceTurn(
  args: Pick<ButtonArgs, 'body' | 'action' | 'context'>,
  verb: string,
  now: Date,
): ChoiceOutcome {
  const click = clickFrom(args);
  const choice = decodeChoice(args.action.value);
  if (!click || !choice) return undefined;
  if (choice.owner !== click.userId) return { refuse: NOT_YOUR_BUTTONS };
  // The label is user-controlled (Lex echoes slot values into buttons): escaped, so only the
  // mention of the clicking user, which the bot itself writes, is live markup.
  const outcome = `<@${click.userId}> ${verb} *${escapeSlackText(click.label.replace(/[*_~`]/g, ''))}*`;
  return {
    turn: {
      kind: 'utterance',
      source: 'block_actions',
      ...clickTurnBase(click, now),
      text: choice.utterance,
      ...(click.threadTs ? { sessionThreadTs: click.threadTs, replyThreadTs: click.threadTs } : {}),
      clicked: clickedMessage(click, outcome),
    },
  };
}

/** A Bolt listener for choice buttons; `verb` words the outcome ("chose", "answered"). */
export function choiceListener(ctx: ListenerContext, verb: string) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const outcome = choiceTurn(args, verb, ctx.now());
    if (!outcome) return;
    if ('refuse' in outcome) {
      await args
        .respond({ response_type: 'ephemeral', replace_original: false, text: outcome.refuse })
        .catch((error) => {
          ctx.logger.warn('Could not tell a user the buttons are not theirs', { error });
        });
      return;
    }
    await ctx.dispatcher.dispatch(outcome.turn);
  };
}
