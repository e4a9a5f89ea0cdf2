/**
 * Recognises the short replies Lex handles itself during a dialog: yes/no answers to a
 * confirmation prompt and requests to cancel. Lex does this with built-in grammars; this is the
 * small English equivalent (a phrase list, which no NLU library offers as such).
 */
import { words } from '../nlu/text';

const YES = [
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'ok',
  'okay',
  'confirm',
  'confirmed',
  'go ahead',
  'do it',
  'please do',
  'correct',
  'affirmative',
  'y',
];
const NO = ['no', 'nope', 'nah', "don't", 'do not', 'negative', 'n', 'not now', 'no thanks'];
const CANCEL = ['cancel', 'never mind', 'nevermind', 'stop', 'forget it', 'abort', 'quit'];
const FILLER = new Set([
  'please',
  'that',
  'this',
  'it',
  'thanks',
  'thank',
  'you',
  'just',
  'oh',
  'well',
  'the',
  'request',
]);

function has(phrases: readonly string[], list: readonly string[]): boolean {
  const text = ` ${list.join(' ')} `;
  return phrases.some((p) => text.includes(` ${p} `));
}

/** `yes`, `no`, or undefined for anything that is neither (or both). */
export function yesOrNo(reply: string): 'yes' | 'no' | undefined {
  const list = words(reply);
  if (list.length === 0 || list.length > 6) return undefined;
  const no = has(NO, list);
  const yes = has(
    YES,
    list.filter((w, i) => !(w === 'do' && list[i + 1] === 'not')),
  );
  if (no) return 'no';
  return yes ? 'yes' : undefined;
}

/** True when the whole reply asks to cancel ("cancel", "never mind", "stop please", "forget it"). */
export function isCancel(reply: string): boolean {
  const list = words(reply);
  let start = 0;
  while (start < list.length && FILLER.has(list[start] ?? '')) start += 1;
  return CANCEL.some((phrase) => {
    const parts = phrase.split(' ');
    const matches = parts.every((w, i) => list[start + i] === w);
    return matches && list.slice(start + parts.length).every((w) => FILLER.has(w));
  });
}
