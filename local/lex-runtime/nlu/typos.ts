/**
 * What counts as a typo of a catalog word, for vocabulary.ts: the distance is NLP.js' Levenshtein
 * (`@nlpjs/similarity`); hand-written is the policy around it, which no library has: length limits,
 * one adjacent swap counting as a single typo (Levenshtein counts two), words of one family (an
 * inflection, another derivation) never being typos of each other, and consonant skeletons.
 */
import { leven } from '@nlpjs/similarity';

/**
 * Length limits. Short words only get the typos that rarely make another English word (a swap, a
 * dropped or doubled letter): one changed letter turns "stock" into "stuck" and "shop" into "show".
 */
export const MIN_SWAP = 3;
export const MIN_DROP = 4;
const MIN_CHANGE = 7;
const TWO_TYPOS = 8;
/** True when `a` becomes `b` by swapping two adjacent letters. */
export function isSwap(a: string, b: string): boolean {
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
export const PLURAL = /^(s|es)$/;

/**
 * Whether `typed` is a word of `word`'s family rather than a typo of it: `word` with another ending
 * than a plural ("approvers", "builder"), or `word` without its ending ("secret" for secrets).
 */
export function isInflection(typed: string, word: string): boolean {
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
export function isTypo(typed: string, word: string): boolean {
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
export function isSkeleton(short: string, word: string): boolean {
  if (/[aeiou]/.test(short.slice(1))) return false;
  if (short[0] !== word[0] || short[short.length - 1] !== word[word.length - 1]) return false;
  let at = 0;
  for (const c of word) if (c === short[at]) at += 1;
  return at === short.length;
}
