/** Builders for Lex V2 code-hook responses (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html). */
import type { LexV2IntentState } from 'aws-lambda';
import type { LexCodeHookEvent, LexCodeHookResponse, LexSlot } from './lex-event';

type Slots = Record<string, LexSlot | null>;

function text(content: string) {
  return [{ contentType: 'PlainText' as const, content }];
}

/** Ends the intent with a message. */
export function close(
  event: LexCodeHookEvent,
  state: Extract<LexV2IntentState, 'Fulfilled' | 'Failed'>,
  message: string,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
): LexCodeHookResponse {
  const { name, slots, confirmationState } = event.sessionState.intent;
  return {
    sessionState: {
      sessionAttributes,
      dialogAction: { type: 'Close' },
      intent: { name, slots, state, confirmationState },
    },
    messages: text(message),
  };
}

/** An in-progress intent with the given dialog action (shared by ElicitSlot and Delegate). */
function inProgress(
  event: LexCodeHookEvent,
  dialogAction: LexCodeHookResponse['sessionState']['dialogAction'],
  slots: Slots,
  sessionAttributes: Record<string, string>,
): LexCodeHookResponse {
  const { name, confirmationState } = event.sessionState.intent;
  return {
    sessionState: {
      sessionAttributes,
      dialogAction,
      intent: { name, slots, state: 'InProgress', confirmationState },
    },
  };
}

/** Asks for one slot again with a specific message; the bad value is cleared. */
export function elicitSlot(
  event: LexCodeHookEvent,
  slotName: string,
  message: string,
  slots: Slots,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
): LexCodeHookResponse {
  const action = { type: 'ElicitSlot' as const, slotToElicit: slotName };
  return {
    ...inProgress(event, action, { ...slots, [slotName]: null }, sessionAttributes),
    messages: text(message),
  };
}

/** Lets Lex pick the next step (with possibly normalised slots). */
export function delegate(
  event: LexCodeHookEvent,
  slots: Slots,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
): LexCodeHookResponse {
  return inProgress(event, { type: 'Delegate' }, slots, sessionAttributes);
}

/** Asks Lex to confirm the intent with a custom message (the slots as given). */
export function confirmIntent(
  event: LexCodeHookEvent,
  slots: Slots,
  message: string,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
): LexCodeHookResponse {
  return {
    ...inProgress(event, { type: 'ConfirmIntent' }, slots, sessionAttributes),
    messages: text(message),
  };
}
