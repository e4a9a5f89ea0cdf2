/** Builders for Lex V2 code-hook responses (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html). */
import type { LexV2IntentState, LexV2Message } from 'aws-lambda';
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

/** Lex's limits on a response card: 5 buttons, title ≤ 250, button text and value ≤ 50 characters. */
const CARD_BUTTONS = 5;

/** The message, plus a response card of `choices` (each button says the choice) when there are any. */
function withChoices(message: string, choices: readonly string[] | undefined): LexV2Message[] {
  const buttons = (choices ?? [])
    .filter((c) => c.length <= 50)
    .slice(0, CARD_BUTTONS)
    .map((c) => ({ text: c, value: c }));
  if (buttons.length === 0) return text(message);
  return [
    ...text(message),
    { contentType: 'ImageResponseCard', imageResponseCard: { title: 'Choose one', buttons } },
  ];
}

/**
 * Asks for one slot again with a specific message; the bad value is cleared. `choices` become a
 * Lex `ImageResponseCard` (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_ImageResponseCard.html).
 */
export function elicitSlot(
  event: LexCodeHookEvent,
  slotName: string,
  message: string,
  slots: Slots,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
  choices?: readonly string[],
): LexCodeHookResponse {
  const action = { type: 'ElicitSlot' as const, slotToElicit: slotName };
  return {
    ...inProgress(event, action, { ...slots, [slotName]: null }, sessionAttributes),
    messages: withChoices(message, choices),
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
