/**
 * Applies what a code hook answered to the session, honouring each dialog action as Lex does
 * (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html): `Close` ends the intent
 * with the hook's state, `ElicitSlot` / `ConfirmIntent` ask with the hook's message (or the
 * configured prompt), `ElicitIntent` drops the intent, `Delegate` hands the next step back to Lex.
 */
import type { BotModel, IntentModel } from '../bot-model';
import type { WireIntent } from '../runtime-types';
import { CodeHookFailedError, type HookAnswer } from './code-hook-events';
import { type NextStep, nextStep, promptMessage, slotMap } from './dialog-steps';
import { currentIntent, type Turn } from './turn';

/** Lex's own next step when the hook delegated during the dialog; otherwise undefined (turn done). */
export function applyHookAnswer(
  turn: Turn,
  answer: HookAnswer,
  source: 'DialogCodeHook' | 'FulfillmentCodeHook',
  model: BotModel,
): { intent: IntentModel; step: NextStep } | undefined {
  const session = turn.session;
  if (answer.sessionAttributes) session.state.sessionAttributes = { ...answer.sessionAttributes };
  turn.messages = [...turn.messages, ...answer.messages];
  const type = answer.dialogAction.type;
  if (type === 'ElicitIntent') {
    session.state.dialogAction = { type: 'ElicitIntent' };
    delete session.state.intent;
    return undefined;
  }
  const intent = model.intent(answer.intent?.name ?? '');
  if (!intent || !answer.intent) throw new CodeHookFailedError(`unknown intent "${answer.intent?.name}"`);
  const previous = currentIntent(turn);
  const state: WireIntent = {
    name: intent.name,
    slots: slotMap(intent, {}, answer.intent.slots ?? (previous.name === intent.name ? previous.slots : {})),
    state: answer.intent.state ?? previous.state ?? 'InProgress',
    confirmationState: answer.intent.confirmationState ?? previous.confirmationState ?? 'None',
  };
  session.state.intent = state;
  if (type === 'Close' || (type === 'Delegate' && source === 'FulfillmentCodeHook')) {
    if (!answer.intent.state || answer.intent.state === 'InProgress') state.state = 'Fulfilled';
    session.state.dialogAction = { type: 'Close' };
    return undefined;
  }
  if (type === 'Delegate') return { intent, step: nextStep(intent, state) };
  state.state = 'InProgress';
  session.attempts = 0;
  if (type === 'ElicitSlot') {
    const slot = intent.slots.find((s) => s.name === answer.dialogAction.slotToElicit);
    if (!slot)
      throw new CodeHookFailedError(`slot "${answer.dialogAction.slotToElicit}" is not in ${intent.name}`);
    if (!answer.messages.length)
      turn.messages = [...turn.messages, ...promptMessage(slot.prompts, 0, state.slots)];
    session.state.dialogAction = { type: 'ElicitSlot', slotToElicit: slot.name };
    return undefined;
  }
  if (!answer.messages.length) {
    turn.messages = [...turn.messages, ...promptMessage(intent.confirmation?.prompts ?? [], 0, state.slots)];
  }
  session.state.dialogAction = { type: 'ConfirmIntent' };
  return undefined;
}
