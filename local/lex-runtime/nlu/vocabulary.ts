/**
 * The catalog's own vocabulary, and how an unknown word typed in chat maps onto it: a misspelling
 * ("accuont", "pipelne", "roatte") within a length-dependent edit distance, or a shortening ("acct",
 * "pipe", "creds", "chk") that is a prefix or consonant skeleton of exactly one catalog word.
 *
 * The distance is NLP.js' Levenshtein (`@nlpjs/similarity`), the common English words wink-lexicon's
 * and verb forms wink-lemmatizer's (a common word is never a typo of ours: "three" is no "there",
 * though "broke" is "broken"); what is hand-written is the policy around it, which no library has: length limits, same first letter, one adjacent swap counting as a
 * single typo (Levenshtein counts two), ambiguity means "leave it alone", and the shortening rules.
 * Every word comes from the bot locale (sample utterances, slot values and synonyms, prompts), so a
 * new intent brings its words with it.
 */
import { leven } from '@nlpjs/similarity';
import { lemmatizeVerb } from 'wink-lemmatizer';
import type { BotModel } from '../bot-model';
import { isCommonWord, isStopword, stem, tokenize } from './text';

/**
 * Length limits. Short words only get the typos that rarely make another English word (a swap, a
 * dropped or doubled letter): one changed letter turns "stock" into "stuck" and "shop" into "show".
 */
const MIN_SWAP = 3;
const MIN_DROP = 4;
const MIN_CHANGE = 7;
const TWO_TYPOS = 8;
const MIN_SHORT = 3;
const MAX_SHORT = 6;

/** Texts of the locale in its own words: utterances, slot samples and prompts (no slot values). */
function wordingTexts(model: BotModel): string[] {
  return model.intents.flatMap((intent) => [
    ...intent.utterances,
    ...(intent.confirmation?.prompts ?? []),
    ...intent.slots.flatMap((slot) => [...slot.sampleUtterances, ...slot.prompts]),
  ]);
}

/** Every text of the locale a user could echo: utterances, slot samples, values, prompts. */
export function localeTexts(model: BotModel): string[] {
  return [
    ...wordingTexts(model),
    ...model.intents.flatMap((intent) =>
      intent.slots.flatMap((slot) => slot.type.values.flatMap((v) => [v.value, ...v.synonyms])),
    ),
  ];
}

/** Lower-case words of a text, placeholders dropped, hyphenated values also split into parts. */
function textWords(text: string): string[] {
  return tokenize(text.replace(/\{\w+\}/g, ' ')).flatMap((t) => {
    const parts = t.lower.split(/[-_/.]/).filter(Boolean);
    return parts.length > 1 ? [t.lower, ...parts] : [t.lower];
  });
}

/** True when `a` becomes `b` by swapping two adjacent letters. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Typos between a typed word and a catalog word (an adjacent swap counts once). */
export function typoDistance(typed: string, word: string): number {
  return isSwap(typed, word) ? 1 : leven(typed, word);
}

/** Endings that make another word of the same family ("approvers", "secrets"): no typo to correct. */
const INFLECTION = /^(s|es|d|ed|r|er|rs|ers|ing|ings)$/;
/** A plural is still read as its catalog singular ("accounts" → account), as the slot cues expect. */
const PLURAL = /^(s|es)$/;

/**
 * Whether `typed` is a word of `word`'s family rather than a typo of it: `word` with another ending
 * than a plural ("approvers", "builder"), or `word` without its ending ("secret" for secrets).
 */
function isInflection(typed: string, word: string): boolean {
  if (sameFamily(typed, word)) return true;
  if (typed.startsWith(word))
    return !PLURAL.test(typed.slice(word.length)) && INFLECTION.test(typed.slice(word.length));
  return word.startsWith(typed) && INFLECTION.test(word.slice(typed.length));
}

/** Endings that derive words of one family from a base ("experiment": experiments, experimental). */
const DERIVATION = /^(|s|es|d|ed|r|er|ers|rs|ing|ings|al|als|ally|ly|ion|ions|ation|ations|ment|ments|ive)$/;
const FAMILY_BASE = 5;

/**
 * Whether the two words are one base with two different derivational endings ("experiments" and
 * "experimental", "deploys" and "deployment"): another word of the family, never a typo of it.
 */
function sameFamily(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  const [x, y] = [a.slice(n), b.slice(n)];
  // A plural of the other word is read as its singular (PLURAL), not left alone.
  if ((x === '' && PLURAL.test(y)) || (y === '' && PLURAL.test(x))) return false;
  // Endings one letter apart are a dropped letter ("happend" for happened), not another word.
  if ((x.endsWith(y) || y.endsWith(x)) && Math.abs(x.length - y.length) === 1) return false;
  return n >= FAMILY_BASE && a !== b && DERIVATION.test(x) && DERIVATION.test(y);
}

/** Whether `typed` is close enough to `word` for its length (see the limits above). */
function isTypo(typed: string, word: string): boolean {
  if (isInflection(typed, word)) return false;
  if (typed.length >= MIN_SWAP && isSwap(typed, word)) return true;
  const d = leven(typed, word);
  if (typed.length >= TWO_TYPOS) return d <= 2;
  if (d !== 1) return false;
  return typed.length === word.length
    ? typed.length >= MIN_CHANGE
    : Math.min(typed.length, word.length) >= MIN_DROP;
}

/**
 * True when `short` is a consonant skeleton of `word`: same first and last letters, no vowel after
 * the first letter, the rest in order ("acct" → account, "chk" → check, "sbx" → sandbox).
 */
function isSkeleton(short: string, word: string): boolean {
  if (/[aeiou]/.test(short.slice(1))) return false;
  if (short[0] !== word[0] || short[short.length - 1] !== word[word.length - 1]) return false;
  let at = 0;
  for (const c of word) if (c === short[at]) at += 1;
  return at === short.length;
}

/** The catalog's vocabulary with spelling and shortening look-ups. */
export class Vocabulary {
  private readonly known: ReadonlySet<string>;
  /** Stems of the words the catalog's own wording uses (utterances, slot samples, prompts). */
  private readonly wording: ReadonlySet<string>;
  /** Content words (no stop words) that typos and shortenings may resolve to, by length. */
  private readonly targets: readonly string[];
  private readonly cache = new Map<string, string | undefined>();
  /** First words of the sample utterances ("create", "rotate", "is"). */
  private readonly leadWords: ReadonlySet<string>;
  /** Sample utterances of one word ("help", "menu"). */
  private readonly loneWords: ReadonlySet<string>;
  /** Verb lemma → the target words that are forms of it ("break" → broken). */
  private readonly verbForms = new Map<string, string[]>();

  constructor(model: BotModel) {
    this.loneWords = new Set(
      model.intents
        .flatMap((i) => i.utterances.map((u) => u.trim().toLowerCase()))
        .filter((u) => /^\p{L}+$/u.test(u)),
    );
    this.leadWords = new Set(
      model.intents.flatMap((i) => i.utterances.map((u) => tokenize(u)[0]?.lower ?? '')).filter(Boolean),
    );
    const words = localeTexts(model).flatMap(textWords);
    this.known = new Set(words);
    this.wording = new Set(wordingTexts(model).flatMap(textWords).map(stem));
    this.targets = [...new Set(words.filter((w) => /^\p{L}+$/u.test(w) && !isStopword(w)))];
    for (const t of this.targets) {
      const lemma = lemmatizeVerb(t);
      this.verbForms.set(lemma, [...(this.verbForms.get(lemma) ?? []), t]);
    }
  }

  /** Whether one of the catalog's sample utterances opens with `word`. */
  leads(word: string): boolean {
    return this.leadWords.has(word);
  }

  /** Whether `word` (lower case) is one of the catalog's words. */
  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Whether the catalog's own wording uses `word` or a word of its stem (slot values do not count). */
  inWording(word: string): boolean {
    return this.wording.has(stem(word));
  }

  /**
   * The catalog word an unknown lower-case `word` stands for, if exactly one fits: a misspelling
   * first, else a shortening. Known words, stop words and non-letters are never changed.
   */
  resolve(word: string): string | undefined {
    if (this.cache.has(word)) return this.cache.get(word);
    const found =
      this.known.has(word) || isStopword(word) || !/^\p{L}+$/u.test(word) ? undefined : this.find(word);
    this.cache.set(word, found);
    return found;
  }

  private find(word: string): string | undefined {
    if (this.targets.some((t) => isInflection(word, t))) return undefined;
    // A common English word is what was meant: only its plural is read as a catalog singular
    // ("builds" → build), another form of its verb as the catalog's ("broke" → broken), and it may
    // still be a shortening ("pipe").
    if (isCommonWord(word))
      return this.singular(word) ?? this.sameVerb(word) ?? this.shortened(word) ?? this.shortenedPlural(word);
    return (
      this.swapped(word) ??
      this.misspelt(word) ??
      this.sameVerb(word) ??
      this.shortened(word) ??
      this.shortenedPlural(word)
    );
  }

  /** Two adjacent letters swapped, function words included ("cna" → can, "teh" → the), among words that `qualify`. */
  private swapped(word: string, qualify: (w: string) => boolean = () => true): string | undefined {
    if (word.length < MIN_SWAP) return undefined;
    return unique([...this.known].filter((w) => qualify(w) && isSwap(word, w)));
  }

  /** The word of the catalog's own wording (no slot value) that `word` is with two adjacent letters swapped. */
  swappedWording(word: string): string | undefined {
    return this.known.has(word) ? undefined : this.swapped(word, (w) => this.wording.has(stem(w)));
  }

  /**
   * The one-word sample utterance ("help", "menu") that a message of one unknown word is one typo
   * away from, whatever its length ("halp"): a lone word is no sentence another word could fit.
   */
  loneWordUtterance(word: string): string | undefined {
    if (word.length < MIN_DROP || this.known.has(word) || !/^\p{L}+$/u.test(word)) return undefined;
    return unique([...this.loneWords].filter((u) => u[0] === word[0] && typoDistance(word, u) === 1));
  }

  /** The one catalog word that is another form of the same verb ("broke" → broken), by wink-lemmatizer. */
  private sameVerb(word: string): string | undefined {
    const forms = this.verbForms.get(lemmatizeVerb(word)) ?? [];
    return unique(forms.filter((t) => t !== word && t[0] === word[0]));
  }

  /** The catalog word `word` is the plural of ("builds" → build). */
  private singular(word: string): string | undefined {
    return unique(this.targets.filter((t) => word.startsWith(t) && PLURAL.test(word.slice(t.length))));
  }

  /** A shortening with a plural ending ("creds" → credentials). */
  private shortenedPlural(word: string): string | undefined {
    return word.endsWith('s') ? this.shortened(word.slice(0, -1)) : undefined;
  }

  private misspelt(word: string): string | undefined {
    if (word.length < MIN_SWAP) return undefined;
    let best: string[] = [];
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const target of this.targets) {
      if (Math.abs(target.length - word.length) > 2) continue;
      if (target[0] !== word[0] && !isSwap(word.slice(0, 2), target.slice(0, 2))) continue;
      if (!isTypo(word, target)) continue;
      const d = typoDistance(word, target);
      if (d < bestDistance) [best, bestDistance] = [[target], d];
      else if (d === bestDistance) best.push(target);
    }
    return unique(best);
  }

  /** A prefix of one base word ("pipe", "req"; inflected words such as "finished" are no base) or a skeleton. */
  private shortened(word: string): string | undefined {
    if (word.length < MIN_SHORT || word.length > MAX_SHORT) return undefined;
    const longer = this.targets.filter((t) => t.length > word.length + 1);
    const base = longer.filter((t) => !/(ed|ing)$/.test(t));
    return (
      unique(base.filter((t) => t.startsWith(word))) ?? unique(longer.filter((t) => isSkeleton(word, t)))
    );
  }
}

/** The one distinct stem among `candidates` ("rotate" and "rotating" count once), else undefined. */
function unique(candidates: readonly string[]): string | undefined {
  const distinct = [...new Set(candidates)];
  if (distinct.length === 1) return distinct[0];
  const shortest = [...distinct].sort((a, b) => a.length - b.length)[0];
  return shortest && distinct.every((c) => c.startsWith(shortest.slice(0, -1))) ? shortest : undefined;
}
