/**
 * Slot value recognition by slot type: does this span of tokens look like a value of the type, how
 * strongly (a base score before context cues), and what does it resolve to. Mirrors Lex's built-in
 * types as the catalog uses them and its two custom-type strategies: `TOP_RESOLUTION` (closed list,
 * synonyms resolve to the canonical value) and `ORIGINAL_VALUE` (the listed values are examples:
 * anything shaped like them is accepted as typed).
 */
import type { SlotTypeModel } from '../bot-model';
import { readNumber } from './number-words';
import { EMAIL, isCompound, isMixedId, isStopword, stem, type Token } from './text';
import { isSkeleton } from './typos';

export interface SlotValueMatch {
  originalValue: string;
  interpretedValue: string;
  resolvedValues: string[];
}

export interface ScoredValue {
  value: SlotValueMatch;
  /** 0..1 before context cues. */
  base: number;
}

/** Precomputed facts about one slot type. */
export interface TypeIndex {
  type: SlotTypeModel;
  /** Lower-cased value or synonym → canonical value. */
  phrases: ReadonlyMap<string, string>;
  /** Longest value/synonym, in words. */
  maxWords: number;
  /** Longest value/synonym as listed, in words: a reply longer than that must name a listed value. */
  valueWords: number;
  /** Share of example values that are identifier-like / plain words. */
  compoundShare: number;
  wordShare: number;
  /**
   * Parts of hyphenated example values that name exactly one of them (`payments`, `web app`,
   * `etl` → `payments-api`, `web-app`, `data-lake-etl`): the dialog hook gets the full value.
   */
  parts: ReadonlyMap<string, string>;
  /**
   * Parts that are also another slot's words (`prod`: an account type, and short for the Production
   * OU): never a value on their own, but what the word means once a cue has made it this slot's ("ou prod").
   */
  cuedParts: ReadonlyMap<string, string>;
  /** Id prefix of the slot (`ou` for OrganizationalUnit: `ou-wkl1-22222222` is one, kept as typed). */
  idPrefix?: string;
  /**
   * Stemmed value or synonym → canonical value, when only one value has those stems: of a closed
   * list ("rejecting", "declined" → Reject; "sandboxes" → Sandbox), as Lex resolves inflected
   * synonyms; of an open list, its one-word examples ("the workload ou" → Workloads), with a cue.
   */
  stems: ReadonlyMap<string, string>;
}

export interface IndexOptions {
  idPrefix?: string;
  /** Phrases that belong to other slots of the intent (never a part of this type's values). */
  reserved?: ReadonlySet<string>;
}

const MIN_PART = 3;
/** One-word values this long may be typed shortened (`infra`); shorter ones are already short. */
const MIN_SHORTENED = 6;
/** Base score of a closed-list value matched by its stems: just above the accept line. */
const STEMMED = 0.72;

/**
 * Every run of consecutive parts of `value` split on hyphens, spaced (`data lake`, `lake etl`, …);
 * of a one-word value, its shortenings (`infra`, `sec` → Infrastructure, Security).
 */
function partPhrases(value: string): string[] {
  const parts = value.toLowerCase().split(/[-_]/).filter(Boolean);
  const [word] = parts;
  if (parts.length === 1 && word && word.length >= MIN_SHORTENED)
    return Array.from({ length: word.length - 1 - MIN_PART }, (_, k) => word.slice(0, MIN_PART + k));
  if (parts.length < 2) return [];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1)
    for (let j = i + 1; j <= parts.length; j += 1) out.push(parts.slice(i, j).join(' '));
  return out;
}

function indexParts(
  values: readonly string[],
  reserved: ReadonlySet<string>,
  cued = false,
): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const value of values) {
    for (const phrase of partPhrases(value)) owners.set(phrase, (owners.get(phrase) ?? new Set()).add(value));
  }
  const parts = new Map<string, string>();
  for (const [phrase, values] of owners) {
    const [only] = [...values];
    const usable = phrase.includes(' ') || (phrase.length >= MIN_PART && !isStopword(phrase));
    if (values.size === 1 && only && usable && reserved.has(phrase) === cued) parts.set(phrase, only);
  }
  return parts;
}

const stemmed = (phrase: string) => phrase.split(/\s+/).map(stem).join(' ');

/** The one-word phrases of an open list (its examples are names; one-word ones may be inflected). */
function oneWordValues(phrases: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...phrases].filter(([phrase]) => /^\p{L}+$/u.test(phrase)));
}

/** The parts of several words ("payments api", "data lake"). */
function spacedParts(parts: ReadonlyMap<string, string>): [string, string][] {
  return [...parts].filter(([phrase]) => phrase.includes(' '));
}

/** Stemmed phrase → canonical value, for the stemmed phrases of exactly one value. */
function indexStems(phrases: ReadonlyMap<string, string>): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const [phrase, value] of phrases) {
    const key = stemmed(phrase);
    owners.set(key, (owners.get(key) ?? new Set()).add(value));
  }
  return new Map(
    [...owners].flatMap(([key, values]) => (values.size === 1 ? [[key, [...values][0] as string]] : [])),
  );
}

/** Base score of a part of a value (`payments`): below the accept line, so it needs a cue. */
const PART = 0.6;
/** Indexes a slot type's values for fast span look-ups. */
export function indexType(type: SlotTypeModel, options: IndexOptions = {}): TypeIndex {
  const phrases = new Map<string, string>();
  for (const v of type.values) {
    for (const phrase of [v.value, ...v.synonyms]) phrases.set(phrase.toLowerCase(), v.value);
    // The same value typed with spaces for its hyphens ("data lake etl") is that value.
    if (type.kind === 'open' && /[-_]/.test(v.value))
      phrases.set(v.value.toLowerCase().replace(/[-_]+/g, ' '), v.value);
  }
  const samples = type.values.map((v) => v.value);
  const share = (pred: (s: string) => boolean) =>
    samples.length ? samples.filter(pred).length / samples.length : 0;
  const reserved = options.reserved ?? new Set<string>();
  const parts = type.kind === 'open' ? indexParts(samples, reserved) : new Map();
  return {
    // Open lists: a listed one-word value or a spaced name in another form ("the workload ou",
    // "payment api") is still that value.
    stems: indexStems(
      type.kind === 'enum' ? phrases : new Map([...oneWordValues(phrases), ...spacedParts(parts)]),
    ),
    type,
    phrases,
    maxWords: Math.max(1, ...[...phrases.keys(), ...parts.keys()].map((p) => p.split(/\s+/).length)),
    valueWords: Math.max(
      1,
      ...type.values.flatMap((v) => [v.value, ...v.synonyms]).map((p) => p.split(/\s+/).length),
    ),
    compoundShare: share(isCompound),
    wordShare: share((s) => !isCompound(s)),
    parts,
    cuedParts: type.kind === 'open' ? indexParts(samples, reserved, true) : new Map(),
    ...(options.idPrefix && type.kind === 'open' ? { idPrefix: options.idPrefix } : {}),
  };
}

function match(originalValue: string, interpretedValue = originalValue, resolved?: string): SlotValueMatch {
  return { originalValue, interpretedValue, resolvedValues: resolved ? [resolved] : [interpretedValue] };
}

/** An open-type value that matches no example: Lex resolves nothing and keeps what was typed. */
function openMatch(value: string): SlotValueMatch {
  return { originalValue: value, interpretedValue: value, resolvedValues: [] };
}

function spanText(text: string, span: readonly Token[]): string {
  const first = span[0];
  const last = span[span.length - 1];
  return first && last ? text.slice(first.start, last.end).replace(/['’]s$/iu, '') : '';
}

/**
 * Scores `span` (consecutive tokens of `text`) as a value of the indexed type, inside an intent
 * utterance. `carrier` holds the intent's own wording, which is never a value of an open type.
 */
export function scoreSpan(
  index: TypeIndex,
  text: string,
  span: readonly Token[],
  carrier: ReadonlySet<string>,
): ScoredValue | undefined {
  const only = span.length === 1 ? span[0] : undefined;
  const phrase = span.map((t) => t.lower).join(' ');
  switch (index.type.kind) {
    case 'email':
      return only && EMAIL.test(only.text) ? { value: match(only.text), base: 1 } : undefined;
    case 'alphanumeric':
      return only && isMixedId(only.bare)
        ? { value: match(only.bare, only.bare.replace(/[^\p{L}\p{N}]/gu, '')), base: 0.9 }
        : undefined;
    case 'number':
      return only ? scoreNumber(only) : undefined;
    case 'firstName':
    case 'lastName':
      return only && /^\p{Lu}\p{Ll}+$/u.test(only.bare) && !carrier.has(only.lower) && !isStopword(only.lower)
        ? { value: match(only.bare), base: 0.5 }
        : undefined;
    case 'freeForm':
      return undefined;
    case 'enum': {
      const canonical = index.phrases.get(phrase);
      if (canonical) return { value: match(spanText(text, span), canonical, canonical), base: 0.8 };
      // An inflected synonym, unless it is the intent's own wording ("the manual approval").
      const inflected = span.some((t) => carrier.has(t.lower)) ? undefined : index.stems.get(stemmed(phrase));
      return inflected
        ? { value: match(spanText(text, span), inflected, inflected), base: STEMMED }
        : undefined;
    }
    case 'open':
      return scoreOpen(index, text, span, carrier);
  }
}

function scoreNumber(token: Token): ScoredValue | undefined {
  const read = readNumber(token);
  return read ? { value: match(token.text, read.digits), base: read.base } : undefined;
}

/** Pronouns no name is, which NLP.js' stop-word list lacks ("rotate *mine*"). */
const PRONOUNS = new Set([
  'mine',
  'yours',
  'ours',
  'theirs',
  'hers',
  'myself',
  'yourself',
  'ourselves',
  'someone',
  'anyone',
  'everyone',
  'everybody',
  'nobody',
]);

const QUANTITY = /^\d+\p{L}{1,3}$/u;
/** An AWS region ("us-east-1", "eu-west-2", "us-gov-west-1"): a place, no name of ours. */
const AWS_REGION =
  /^[a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d$/i;

/** The one listed one-word value (or its singular) that `word` is a consonant skeleton of ("wkld", "sbx"). */
function skeletonOf(index: TypeIndex, word: string): string | undefined {
  if (word.length < 3) return undefined;
  const found = index.type.values
    .map((v) => v.value)
    .filter((v) => /^\p{L}+$/u.test(v))
    .filter((v) => isSkeleton(word, v.toLowerCase()) || isSkeleton(word, v.toLowerCase().replace(/s$/, '')));
  return found.length === 1 ? found[0] : undefined;
}

function scoreOpen(
  index: TypeIndex,
  text: string,
  span: readonly Token[],
  carrier: ReadonlySet<string>,
): ScoredValue | undefined {
  const phrase = span.map((t) => t.bare.toLowerCase()).join(' ');
  const example = index.phrases.get(phrase);
  if (example) return { value: match(spanText(text, span), example, example), base: 0.75 };
  const whole =
    index.parts.get(phrase) ??
    index.stems.get(stemmed(phrase)) ??
    (span.length === 1 ? skeletonOf(index, phrase) : undefined);
  if (whole && !span.some((t) => carrier.has(t.lower)))
    return { value: match(spanText(text, span), whole, whole), base: PART };
  const only = span.length === 1 ? span[0] : undefined;
  if (!only || carrier.has(only.lower) || isStopword(only.lower) || EMAIL.test(only.text)) return undefined;
  // "it's", "that's": a stop word with a contraction is no name either.
  if (isStopword(only.bare.toLowerCase())) return undefined;
  if (PRONOUNS.has(only.lower)) return undefined;
  if (index.idPrefix && only.lower.startsWith(`${index.idPrefix}-`))
    return { value: openMatch(only.bare), base: 1 };
  if (isMixedId(only.bare) && !index.type.values.some((v) => isMixedId(v.value))) return undefined;
  // A quantity with its unit ("200d", "3pm") or an AWS region ("us-east-1") is no name.
  if (QUANTITY.test(only.bare) || AWS_REGION.test(only.bare)) return undefined;
  if (isCompound(only.bare)) {
    return index.compoundShare > 0 ? { value: openMatch(only.bare), base: 0.7 } : undefined;
  }
  if (!/^[\p{L}][\p{L}'’]*$/u.test(only.text)) return undefined;
  if (index.wordShare === 0) return undefined;
  const cued = index.cuedParts.get(phrase);
  const value = cued ? match(spanText(text, span), cued, cued) : openMatch(only.bare);
  return { value, base: 0.6 * index.wordShare };
}

/**
 * The value of an elicited slot from a whole reply, once the slot's own wording ("call it", "the
 * email is") is removed: the reply *is* the value, as when Lex elicits a slot.
 */
export function replyValue(
  index: TypeIndex,
  text: string,
  rest: readonly Token[],
): SlotValueMatch | undefined {
  const kind = index.type.kind;
  if (kind === 'freeForm') return text.trim() ? match(text.trim()) : undefined;
  const only = rest.length === 1 ? rest[0] : undefined;
  if (kind === 'alphanumeric') {
    return only && /^[\p{L}\p{N}-]+$/u.test(only.bare)
      ? match(only.bare, only.bare.replace(/[^\p{L}\p{N}]/gu, ''))
      : undefined;
  }
  if (kind === 'firstName' || kind === 'lastName') {
    return only && /^\p{L}[\p{L}'’-]*$/u.test(only.bare) ? match(only.bare) : undefined;
  }
  if (kind === 'open' && rest.length >= 1 && rest.length <= index.maxWords) {
    const value = spanText(text, rest);
    const example = index.phrases.get(value.toLowerCase()) ?? index.parts.get(value.toLowerCase());
    if (example) return match(value, example, example);
    return rest.length <= index.valueWords ? openMatch(value) : undefined;
  }
  return undefined;
}
