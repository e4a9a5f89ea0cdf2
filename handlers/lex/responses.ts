/** Builders for Lex V2 code-hook responses (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html). */
import type { LexV2IntentState, LexV2Message } from 'aws-lambda';
import type { SlotChoice } from '../capability';
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

/** Lex allows at most 5 buttons per response card, texts and values of at most 50 characters. */
const CARD_BUTTONS = 5;
const BUTTON_CHARS = 50;

/**
 * Choices as `ImageResponseCard` messages (5 buttons each), which the Slack side renders as buttons
 * (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_ImageResponseCard.html). A choice
 * whose value is longer than a button value may be is left out rather than cut: a cut value would
 * send something else when clicked. Texts are shortened.
 */
function cards(title: string, choices: readonly SlotChoice[]): LexV2Message[] {
  const usable = choices.filter((c) => c.value.length <= BUTTON_CHARS);
  const messages: LexV2Message[] = [];
  for (let i = 0; i < usable.length; i += CARD_BUTTONS) {
    const buttons = usable
      .slice(i, i + CARD_BUTTONS)
      .map((c) => ({ text: c.text.slice(0, BUTTON_CHARS), value: c.value }));
    messages.push({
      contentType: 'ImageResponseCard',
      imageResponseCard: { title: title.slice(0, 250), buttons },
    });
  }
  return messages;
}

/** Asks for one slot again with a specific message (and buttons, when given); the bad value is cleared. */
export function elicitSlot(
  event: LexCodeHookEvent,
  slotName: string,
  message: string,
  slots: Slots,
  sessionAttributes = event.sessionState.sessionAttributes ?? {},
  choices: readonly SlotChoice[] = [],
): LexCodeHookResponse {
  const action = { type: 'ElicitSlot' as const, slotToElicit: slotName };
  return {
    ...inProgress(event, action, { ...slots, [slotName]: null }, sessionAttributes),
    messages: [...text(message), ...cards('Choose one', choices)],
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
