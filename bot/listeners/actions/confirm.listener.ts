/** Yes/No confirmation buttons (`lex_confirm_yes`, `lex_confirm_no`): "yes" or "no" to Lex's `ConfirmIntent`. */
import type { ListenerContext } from '../listener-context';
import { choiceListener } from './choice-turn';

/** The Bolt listener. */
export function confirmListener(ctx: ListenerContext) {
  return choiceListener(ctx, 'answered');
}
