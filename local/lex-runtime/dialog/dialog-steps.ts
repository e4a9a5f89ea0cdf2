/**
 * Pure helpers of the dialog manager: the wire slot map of an intent, Lex's default next step
 * (first missing required slot by priority, then confirmation, then fulfilment), prompt selection
 * (`Ordered`: first message, then one per retry) with `{SlotName}` references filled in, and the
 * `interpretations` list (chosen intent first, then by confidence, the fallback intent without a score).
 */
import type { IntentModel, SlotModel } from '../bot-model';
import type { IntentScore } from '../nlu/intent-classifier';
import type { ExtractedSlots } from '../nlu/slot-extractor';
import type { WireIntent, WireInterpretation, WireMessage, WireSlot, WireSlots } from '../runtime-types';

export type NextStep =
  | { type: 'ElicitSlot'; slot: SlotModel }
  | { type: 'ConfirmIntent' }
  | { type: 'Decline' }
  | { type: 'Fulfill' };

const MAX_INTERPRETATIONS = 5;

/** Every slot of `intent`: the extracted value, else what `previous` had, else null. */
export function slotMap(
  intent: IntentModel,
  extracted: ExtractedSlots = {},
  previous: WireSlots = {},
): WireSlots {
  const slots: WireSlots = {};
  for (const slot of intent.slots) {
    const value = extracted[slot.name];
    slots[slot.name] = value ? { shape: 'Scalar', value: { ...value } } : (previous[slot.name] ?? null);
  }
  return slots;
}

/** The interpreted value of a filled scalar slot. */
export function slotText(slot: WireSlot | null | undefined): string | undefined {
  const value = slot?.value?.interpretedValue ?? slot?.value?.originalValue;
  return value?.trim() ? value : undefined;
}

/** What Lex does next when nothing tells it otherwise. */
export function nextStep(intent: IntentModel, state: WireIntent): NextStep {
  const missing = intent.slots.find((s) => s.required && slotText(state.slots?.[s.name]) === undefined);
  if (missing) return { type: 'ElicitSlot', slot: missing };
  if (intent.confirmation) {
    if (state.confirmationState === 'Denied') return { type: 'Decline' };
    if (state.confirmationState !== 'Confirmed') return { type: 'ConfirmIntent' };
  }
  return { type: 'Fulfill' };
}

/** `Initial`, `Retry1`, `Retry2`, … as in `proposedNextState.prompt.attempt`. */
export function attemptLabel(attempts: number): string {
  return attempts === 0 ? 'Initial' : `Retry${attempts}`;
}

/** One plain-text message. */
export function plainText(content: string): WireMessage {
  return { contentType: 'PlainText', content };
}

/** The prompt for attempt number `attempts` with `{SlotName}` references replaced by slot values. */
export function promptMessage(
  prompts: readonly string[],
  attempts: number,
  slots: WireSlots = {},
): WireMessage[] {
  const text = prompts[Math.min(attempts, prompts.length - 1)];
  if (text === undefined) return [];
  return [plainText(text.replace(/\{(\w+)\}/g, (whole, name: string) => slotText(slots[name]) ?? whole))];
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}

/** Lex's `interpretations`: the chosen intent first (with its state), then the others by confidence. */
export function interpretations(
  chosen: WireIntent,
  chosenScore: number | undefined,
  scores: readonly IntentScore[],
  fallbackName: string,
): WireInterpretation[] {
  const first: WireInterpretation = {
    intent: chosen,
    interpretationSource: 'Lex',
    ...(chosen.name !== fallbackName && chosenScore !== undefined
      ? { nluConfidence: { score: round(chosenScore) } }
      : {}),
  };
  const others: WireInterpretation[] = scores
    .filter((s) => s.intent !== chosen.name)
    .slice(0, MAX_INTERPRETATIONS - 2)
    .map((s) => ({
      intent: { name: s.intent, slots: {}, confirmationState: 'None' },
      nluConfidence: { score: round(s.score) },
      interpretationSource: 'Lex',
    }));
  const fallback: WireInterpretation[] =
    chosen.name === fallbackName
      ? []
      : [
          {
            intent: { name: fallbackName, slots: {}, confirmationState: 'None' },
            interpretationSource: 'Lex',
          },
        ];
  return [first, ...others, ...fallback];
}
