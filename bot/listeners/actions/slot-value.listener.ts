/** Slot-value buttons (`lex_slot_value_<n>`): the clicked value is the user's next utterance. */
import type { ListenerContext } from '../listener-context';
import { choiceListener } from './choice-turn';

/** The Bolt listener. */
export function slotValueListener(ctx: ListenerContext) {
  return choiceListener(ctx, 'chose');
}
