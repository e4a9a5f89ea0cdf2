/**
 * The catalog's own vocabulary, and how an unknown word typed in chat maps onto it: a misspelling
 * ("accuont", "pipelne", "roatte") within a length-dependent edit distance, or a shortening ("acct",
 * "pipe", "creds", "chk") that is a prefix or consonant skeleton of exactly one catalog word.
 *
 * What a typo is lives in typos.ts (NLP.js' Levenshtein and the policy around it); the common English
 * words are wink-lexicon's and verb forms wink-lemmatizer's (a common word is never a typo of ours:
 * "three" is no "there", though "broke" is "broken"); hand-written here is what no library has: same
 * first letter, ambiguity means "leave it alone", and the shortening rules.
 * Every word comes from the bot locale (sample utterances, slot values and synonyms, prompts), so a
 * new intent brings its words with it.
 */
import { lemmatizeVerb } from 'wink-lemmatizer';
import type { BotModel } from '../bot-model';
import { isCommonWord, isStopword, stem, tokenize } from './text';
import { isInflection, isSkeleton, isSwap, isTypo, MIN_DROP, MIN_SWAP, PLURAL, typoDistance } from './typos';

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
