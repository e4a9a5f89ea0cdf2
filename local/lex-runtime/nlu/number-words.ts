/**
 * How AMAZON.Number reads a token: digits as they are, a number word or an ordinal as its digits,
 * with the base score the slot extractor starts from (number words need a cue or a prompt).
 * Hand-written: the words are a short closed list, and no installed library reads them with the
 * restraint a chat needs ("wait a second" is no 2).
 */
import type { Token } from './text';

/**
 * Number words AMAZON.Number reads as digits ("page three" → 3: "converts words or numbers that
 * express a number into digits", Lex V2 guide, built-in slot types), and ordinals ("the second page"),
 * which read as the same number when a count is what the slot asks for. One word each: compound
 * numbers ("twenty three") are not read.
 */
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const ORDINAL_WORDS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
/**
 * A number word or an ordinal is read as a number only next to a cue or as a reply ("page *three*",
 * "the second *page*"; not "wait a second", "a quick one", "two weeks").
 */
const WORD_NUMBER = 0.6;
/** Base score of a number written in digits. */
const DIGITS = 0.9;
/** Ordinals written with digits ("2nd", "3rd"). */
const DIGIT_ORDINAL = /^(\d+)(st|nd|rd|th)$/;

/** The digits `token` stands for and their base score, if it is a number. */
export function readNumber(token: Token): { digits: string; base: number } | undefined {
  if (/^\d+(\.\d+)?$/.test(token.text)) return { digits: token.text, base: DIGITS };
  const n = NUMBER_WORDS.indexOf(token.lower);
  if (n >= 0) return { digits: String(n), base: WORD_NUMBER };
  const digits = DIGIT_ORDINAL.exec(token.lower)?.[1];
  const ordinal = digits ? Number(digits) : ORDINAL_WORDS.indexOf(token.lower);
  return ordinal > 0 ? { digits: String(ordinal), base: WORD_NUMBER } : undefined;
}
