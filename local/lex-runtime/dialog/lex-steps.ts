/**
 * Lex's own conversational steps (no code hook involved): ask for a slot with its prompt (the
 * retry prompt on later attempts), ask for confirmation with the slot values filled in, or close a
 * declined intent with the declination response.
 */

import { plainCopy } from '../../../kernel/plain-copy';
import type { IntentModel } from '../bot-model';
import type { BotIdentity, HookCall } from './code-hook-events';
import { attemptLabel, type NextStep, promptMessage } from './dialog-steps';
import { currentIntent, type Turn, turnInterpretations } from './turn';

/** Performs an ElicitSlot, ConfirmIntent or Decline step. */
export function speak(turn: Turn, intent: IntentModel, step: Exclude<NextStep, { type: 'Fulfill' }>): void {
  const state = currentIntent(turn);
  const session = turn.session;
  let prompts: readonly string[];
  if (step.type === 'ElicitSlot') {
    state.state = 'InProgress';
    session.state.dialogAction = { type: 'ElicitSlot', slotToElicit: step.slot.name };
    prompts = step.slot.prompts;
  } else if (step.type === 'ConfirmIntent') {
    state.state = 'InProgress';
    session.state.dialogAction = { type: 'ConfirmIntent' };
    prompts = intent.confirmation?.prompts ?? [];
  } else {
    state.state = 'Failed';
    session.state.dialogAction = { type: 'Close' };
    prompts = intent.confirmation?.declination ?? [];
  }
  const attempt = step.type === 'ElicitSlot' ? session.attempts : 0;
  turn.messages = [...turn.messages, ...promptMessage(prompts, attempt, state.slots)];
}

/**
 * The code-hook call for this turn; dialog-hook calls carry `proposedNextState` when Lex's next
 * step would be a prompt (slot or confirmation), as Lex sends it.
 */
export function hookCall(
  turn: Turn,
  source: 'DialogCodeHook' | 'FulfillmentCodeHook',
  step: NextStep,
  bot: BotIdentity,
  fallbackName: string,
): HookCall {
  const state = currentIntent(turn);
  const prompting = step.type === 'ElicitSlot' || step.type === 'ConfirmIntent';
  const proposed =
    source === 'DialogCodeHook' && prompting
      ? {
          dialogAction:
            step.type === 'ElicitSlot'
              ? { type: step.type, slotToElicit: step.slot.name }
              : { type: step.type },
          intent: plainCopy(state),
          prompt: { attempt: attemptLabel(turn.session.attempts) },
        }
      : undefined;
  return {
    source,
    bot,
    sessionId: turn.session.sessionId,
    inputTranscript: turn.text,
    interpretations: turnInterpretations(turn, fallbackName),
    requestAttributes: turn.requestAttributes,
    sessionState: { ...plainCopy(turn.session.state), intent: plainCopy(state) },
    ...(proposed ? { proposedNextState: proposed } : {}),
  };
}
