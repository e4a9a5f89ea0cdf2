/** Builders for Lex V2 code-hook responses (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html). */
import type { IntentFulfillmentState, LexCodeHookEvent, LexCodeHookResponse, LexSlot } from './lex-event';

type Slots = Record<string, LexSlot | null>;

function text(content: string) {
  return [{ contentType: 'PlainText' as const, content }];
}

/** Ends the intent with a message. */
export function close(
  event: LexCodeHookEvent,
  state: Extract<IntentFulfillmentState, 'Fulfilled' | 'Failed'>,
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

/** Asks for one slot again with a specific message; the bad value is cleared. */
export function elicitSlot(
  event: LexCodeHookEvent,
  slotName: string,
  message: string,
  slots: Slots,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
): LexCodeHookResponse {
  const { name, confirmationState } = event.sessionState.intent;
  return {
    sessionState: {
      sessionAttributes,
      dialogAction: { type: 'ElicitSlot', slotToElicit: slotName },
      intent: { name, slots: { ...slots, [slotName]: null }, state: 'InProgress', confirmationState },
    },
    messages: text(message),
  };
}

/** Lets Lex pick the next step (with possibly normalised slots). */
export function delegate(
  event: LexCodeHookEvent,
  slots: Slots,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
): LexCodeHookResponse {
  const { name, confirmationState } = event.sessionState.intent;
  return {
    sessionState: {
      sessionAttributes,
      dialogAction: { type: 'Delegate' },
      intent: { name, slots, state: 'InProgress', confirmationState },
    },
  };
}
