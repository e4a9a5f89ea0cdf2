/**
 * Synonyms that wrap what they act on: a closed-list synonym with a pronoun inside ("let it
 * through", "hold it back") is also said with another slot's value in the pronoun's place ("let
 * infra-baseline through", "hold the payments pipeline back"). The words around the pronoun then
 * resolve the value, and the words between them stay free for the other slot.
 *
 * Hand-written: Lex matches synonyms as contiguous phrases, and no library splits them this way.
 */
import type { SlotValueMatch, TypeIndex } from './slot-values';
import type { Token } from './text';

/** The words before and after the pronoun of a synonym, and the value it resolves to. */
interface SplitSynonym {
  head: readonly string[];
  tail: readonly string[];
  canonical: string;
}

/** A split synonym found in an utterance: where its head words are, and the value. */
export interface SplitMatch {
  first: number;
  last: number;
  value: SlotValueMatch;
}

const PRONOUNS = new Set(['it', 'them', 'this', 'that']);
/** Words the pronoun's place may hold: a value and its determiner and type word ("the etl pipeline"). */
const MAX_GAP = 4;

/** The split synonyms of a closed list (a pronoun strictly inside the phrase). */
export function splitSynonyms(index: TypeIndex): SplitSynonym[] {
  if (index.type.kind !== 'enum') return [];
  return [...index.phrases].flatMap(([phrase, canonical]) => {
    const words = phrase.split(/\s+/);
    const at = words.findIndex((w) => PRONOUNS.has(w));
    return at > 0 && at < words.length - 1
      ? [{ head: words.slice(0, at), tail: words.slice(at + 1), canonical }]
      : [];
  });
}

/** Every place where one of `synonyms` is said around one to MAX_GAP other words. */
export function splitMatches(synonyms: readonly SplitSynonym[], tokens: readonly Token[]): SplitMatch[] {
  const at = (i: number, words: readonly string[]) => words.every((w, k) => tokens[i + k]?.lower === w);
  return synonyms.flatMap(({ head, tail, canonical }) =>
    tokens.flatMap((_, first) => {
      if (!at(first, head)) return [];
      const gapStart = first + head.length;
      for (let gap = 1; gap <= MAX_GAP; gap += 1) {
        const tailStart = gapStart + gap;
        if (!at(tailStart, tail)) continue;
        if (tokens.slice(gapStart, tailStart).some((t) => PRONOUNS.has(t.lower))) return [];
        const said = [...tokens.slice(first, gapStart), ...tokens.slice(tailStart, tailStart + tail.length)];
        const originalValue = said.map((t) => t.text).join(' ');
        const value = { originalValue, interpretedValue: canonical, resolvedValues: [canonical] };
        return [{ first, last: gapStart - 1, value }];
      }
      return [];
    }),
  );
}
