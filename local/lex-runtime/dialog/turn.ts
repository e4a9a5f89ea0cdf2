/** The state of one RecognizeText turn while the dialog manager works on it. */

import { plainCopy } from '../../../kernel/plain-copy';
import type { IntentScore } from '../nlu/intent-classifier';
import type { WireIntent, WireInterpretation, WireMessage } from '../runtime-types';
import type { DialogSession } from '../session/session-store';
import { CodeHookFailedError } from './code-hook-events';
import { interpretations } from './dialog-steps';

export interface Turn {
  session: DialogSession;
  text: string;
  requestAttributes: Record<string, string> | undefined;
  scores: IntentScore[];
  /** Confidence of the intent the turn ended up on (undefined for the fallback intent). */
  chosenScore: number | undefined;
  messages: WireMessage[];
}

/** The session's active intent (a hook that removed it mid-turn is a broken hook). */
export function currentIntent(turn: Turn): WireIntent {
  const intent = turn.session.state.intent;
  if (!intent) throw new CodeHookFailedError('no active intent');
  return intent;
}

/** The turn's `interpretations`: its intent first (with its current state), then the others. */
export function turnInterpretations(turn: Turn, fallbackName: string): WireInterpretation[] {
  const chosen = turn.session.state.intent ?? { name: fallbackName, slots: {} };
  return interpretations(plainCopy(chosen), turn.chosenScore, turn.scores, fallbackName);
}
