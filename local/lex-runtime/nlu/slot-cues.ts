/**
 * Context cues learned from the sample utterances: which words stand right before or after each
 * slot ("called {AccountName}", "in the {OrganizationalUnit} OU", "{AccountType} account"), and the
 * intent's own wording (its carrier words, which are never values of an open slot type). Everything
 * comes from the bot locale, so adding a sample utterance teaches the extractor a new cue.
 */
import type { IntentModel, SlotModel } from '../bot-model';
import type { IndexOptions } from './slot-values';
import { DETERMINERS, isStopword, nameWords, type Token, tokenize } from './text';

/** Cue key ("called", or "in the" when a determiner is involved) → weight. */
export interface SlotCues {
  left: ReadonlyMap<string, number>;
  right: ReadonlyMap<string, number>;
}

const LEFT = 0.4;
const LEFT_DETERMINER_ONLY = 0.15;
const LEFT_SKIPPING_DETERMINER = 0.1;
const RIGHT = 0.2;
const RIGHT_DETERMINER = 0.1;
const POSSESSIVE = 0.4;
const LIST_ITEM = 0.1;

type Item = { slot: string } | { word: string };

function items(template: string): Item[] {
  return template
    .trim()
    .split(/\s+/)
    .flatMap((part): Item[] => {
      const slot = /^\{(\w+)\}$/.exec(part)?.[1];
      return slot ? [{ slot }] : tokenize(part).map((t) => ({ word: t.lower }));
    });
}

function wordAt(list: readonly Item[], i: number): string | undefined {
  const item = list[i];
  return item && 'word' in item ? item.word : undefined;
}

function learn(
  cues: { left: Map<string, number>; right: Map<string, number> },
  list: Item[],
  i: number,
): void {
  const before = wordAt(list, i - 1);
  if (before && !DETERMINERS.has(before)) cues.left.set(before, LEFT);
  else if (before) {
    const twoBefore = wordAt(list, i - 2);
    if (twoBefore) cues.left.set(`${twoBefore} ${before}`, LEFT);
    else cues.left.set(before, Math.max(cues.left.get(before) ?? 0, LEFT_DETERMINER_ONLY));
  }
  const after = wordAt(list, i + 1);
  if (after)
    cues.right.set(
      after,
      Math.max(cues.right.get(after) ?? 0, DETERMINERS.has(after) ? RIGHT_DETERMINER : RIGHT),
    );
}

/** Lower-case words of a slot name (`OrganizationalUnit` → organizational, unit). */
export function slotNameWords(slot: SlotModel): string[] {
  return nameWords(slot.name);
}

/** The prefix of a slot's own ids, its initials when its name has several words (`ou` for OrganizationalUnit). */
export function slotIdPrefix(slot: SlotModel): string | undefined {
  const words = slotNameWords(slot);
  return words.length > 1 ? words.map((w) => w[0]).join('') : undefined;
}

/**
 * How people label a value in chat ("name: x, email: y, ou Workloads"), derived from the slot names:
 * `account name {AccountName}`, the last word when no other slot of the intent ends with it
 * (`name {AccountName}`, `type {AccountType}`), and the initials when they are no English word
 * (`ou {OrganizationalUnit}`).
 */
export function slotNameTemplates(intent: IntentModel): string[] {
  const lastWords = intent.slots.map((s) => slotNameWords(s).slice(-1)[0]);
  return intent.slots.flatMap((slot) => {
    const words = slotNameWords(slot);
    const last = words[words.length - 1] ?? '';
    const initials = words.map((w) => w[0]).join('');
    const placeholder = `{${slot.name}}`;
    return [
      ...(words.length > 1 ? [`${words.join(' ')} ${placeholder}`] : []),
      ...(lastWords.filter((w) => w === last).length === 1 ? [`${last} ${placeholder}`] : []),
      ...(words.length > 1 && !isStopword(initials) ? [`${initials} ${placeholder}`] : []),
    ];
  });
}

/** Cues for every slot of `intent`, from its utterances, its slots' sample utterances and names. */
export function learnCues(intent: IntentModel): Map<string, SlotCues> {
  const result = new Map(
    intent.slots.map((s) => [s.name, { left: new Map<string, number>(), right: new Map<string, number>() }]),
  );
  const templates = [
    ...intent.utterances,
    ...intent.slots.flatMap((s) => s.sampleUtterances),
    ...slotNameTemplates(intent),
  ];
  for (const template of templates) {
    const list = items(template);
    list.forEach((item, i) => {
      const cues = 'slot' in item ? result.get(item.slot) : undefined;
      if (cues) learn(cues, list, i);
    });
  }
  return result;
}

/** Words of the templates outside placeholders. */
export function carrierWords(templates: readonly string[]): Set<string> {
  return new Set(templates.flatMap((t) => items(t).flatMap((i) => ('word' in i ? [i.word] : []))));
}

/** The intent's carrier words: its utterances', its slots' sample utterances' and labels' wording. */
export function intentCarrier(intent: IntentModel): Set<string> {
  return carrierWords([
    ...intent.utterances,
    ...intent.slots.flatMap((s: SlotModel) => s.sampleUtterances),
    ...slotNameTemplates(intent),
  ]);
}

/** Weight of the cues around tokens[first..last] for a slot with `cues`. */
export function cueScore(cues: SlotCues, tokens: readonly Token[], first: number, last: number): number {
  let score = 0;
  // No cue reaches across punctuation ("Security OU, prd": prd is no OU).
  const reach = (i: number) => (tokens[i]?.pause ? undefined : tokens[i]?.lower);
  const p1 = reach(first - 1);
  const p2 = p1 ? reach(first - 2) : undefined;
  if (p1 && !DETERMINERS.has(p1)) score += cues.left.get(p1) ?? 0;
  else if (p1) {
    score += (p2 ? cues.left.get(`${p2} ${p1}`) : undefined) ?? cues.left.get(p1) ?? 0;
    if (score === 0 && p2 && (cues.left.get(p2) ?? 0) >= LEFT) score += LEFT_SKIPPING_DETERMINER;
  }
  const n1 = tokens[last]?.pause ? undefined : tokens[last + 1]?.lower;
  if (n1) score += cues.right.get(n1) ?? 0;
  return score;
}

/**
 * A value alone between commas in a list of them ("account for nina@example.com, prd, *infra*"):
 * the list is its cue, as a label would be.
 */
export function listItemScore(tokens: readonly Token[], first: number, last: number): number {
  const opens = first === 0 || tokens[first - 1]?.pause === true;
  const closes = tokens[last]?.pause === true || last === tokens.length - 1;
  const listed = tokens.filter((t) => t.pause).length >= 2;
  return opens && closes && listed && first !== 0 ? LIST_ITEM : 0;
}

/** A name in the possessive before the intent's own wording ("carol's key") is that slot's value. */
export function possessiveScore(
  tokens: readonly Token[],
  first: number,
  last: number,
  carrier: ReadonlySet<string>,
): number {
  const owner = tokens[last];
  const owned = tokens[last + 1];
  return first === last && owner && owner.bare !== owner.text && owned && carrier.has(owned.lower)
    ? POSSESSIVE
    : 0;
}

/** Phrases of the intent's other slot types, and the slot's id prefix (its initials: `ou`). */
export function indexOptions(intent: IntentModel, slot: SlotModel): IndexOptions {
  const reserved = new Set(
    intent.slots
      .filter((s) => s !== slot)
      .flatMap((s) => s.type.values.flatMap((v) => [v.value, ...v.synonyms]).map((p) => p.toLowerCase())),
  );
  const idPrefix = slotIdPrefix(slot);
  return { reserved, ...(idPrefix ? { idPrefix } : {}) };
}
