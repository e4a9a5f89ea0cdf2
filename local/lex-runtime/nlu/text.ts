/**
 * Text helpers shared by the local NLU: a tokenizer that keeps chat identifiers whole (emails,
 * `ml-platform-dev`, `REQ-5G8H3N7Q`), the English stop words (NLP.js's list), value shapes, and the
 * entity-shape mask used before intent classification. Hand-written because NLP.js's tokenizer
 * splits on hyphens and `@`, which would break exactly the values Lex must keep intact.
 */
import { StemmerEn, StopwordsEn } from '@nlpjs/lang-en-min';
import winkLexicon from 'wink-lexicon';

export interface Token {
  /** As typed, without surrounding punctuation. */
  text: string;
  lower: string;
  /** `text` without a possessive `'s` (`ci-deployer's` → `ci-deployer`). */
  bare: string;
  start: number;
  end: number;
  /** Punctuation between this token and the next ("Security OU, prd"): no cue reaches across it. */
  pause?: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}@._+'’/-]*/gu;
const TRAILING = /[._+'’/-]+$/u;
const POSSESSIVE = /['’]s$/iu;
/**
 * A comma, semicolon, bracket, dash, question or exclamation mark, or a full stop ending a sentence
 * (a colon labels a value: "account: data-lab").
 */
const PAUSE = /[,;!?()–—]|\.(\s|$)|\s-\s/u;

/** Splits `text` into tokens with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0].replace(TRAILING, '');
    if (!raw) continue;
    const start = match.index ?? 0;
    const bare = raw.replace(POSSESSIVE, '');
    tokens.push({ text: raw, lower: raw.toLowerCase(), bare, start, end: start + raw.length });
  }
  for (const [i, token] of tokens.entries()) {
    const between = text.slice(token.end, tokens[i + 1]?.start ?? text.length);
    if (PAUSE.test(between)) token.pause = true;
  }
  return tokens;
}

/** Lower-cased words of `text`, punctuation removed (for phrase and template comparisons). */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.lower);
}

const stopwords = new StopwordsEn();
const stemmer = new StemmerEn();

/** NLP.js's English stem of a lower-case word ("billing" → bill, "pipelines" → pipelin). */
export function stem(word: string): string {
  return stemmer.stemWord(word);
}

/** True for English function words ("the", "for", "my", …) per NLP.js's English list. */
export function isStopword(word: string): boolean {
  return stopwords.isStopword(word.toLowerCase());
}

/**
 * Common English words: wink-lexicon (MIT, winkjs), the ~13,000-word lexicon its POS tagger uses. A
 * word typed that is one of them is what was meant ("three", "won", "broke"), never a typo of a
 * catalog word ("there", "own", "broken"), and rarely a name.
 */
const COMMON_WORDS: ReadonlySet<string> = new Set(Object.keys(winkLexicon.lexicon));

/** Whether `word` (lower case) is a common English word (see COMMON_WORDS). */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word);
}

/** Words skipped when looking for the word before or after a slot value ("check *the* web-app pipeline"). */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'your',
  'this',
  'that',
]);

export const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

/** Identifier-like: has a hyphen, underscore, dot or digit (`web-app`, `perf-test-01`). */
export function isCompound(value: string): boolean {
  return !EMAIL.test(value) && /[-_.\d]/.test(value) && /\p{L}/u.test(value);
}

/** Lower-case words of a catalog name (`RotateAccessKey` → rotate, access, key; `RequestId` → request, id). */
export function nameWords(name: string): string[] {
  return name.split(/(?=[A-Z][a-z])/).map((w) => w.toLowerCase());
}

/** A word with a number at its end (`lab2`, `team42`, `app01`): a numbered name, not an id. */
const NUMBERED = /^\p{L}+\p{N}{1,2}$/u;

/** An AWS resource id ("i-0a9b8c7d6e5f4a3b2", "sg-0123abcd", "vpc-…"): some other system's thing, never a request. */
const AWS_RESOURCE_ID =
  /^(?:i|sg|vpc|subnet|ami|vol|snap|eni|igw|nat|rtb|acl|tgw|pcx|vpce|lt|eipalloc|fs|db)-[0-9a-f]{8,17}$/i;

/** An IAM access key id ("AKIAIOSFODNN7EXAMPLE"; temporary ones start ASIA): a key, never a request. */
const AWS_KEY_ID = /^A(?:KIA|SIA)[A-Z0-9]{16}$/;

/**
 * Request-id-like: at most one hyphen, six or more letters/digits, and one part mixing letters and
 * digits (`REQ-5G8H3N7Q`, `REQ5G8H3N7Q`), unlike names such as `perf-test-01`, `api-gateway-v2` or
 * `data-lab2` (a word and a number of one or two digits);
 * or our own `REQ-` prefix and 8 characters, which may all be letters (`REQ-EHBXKBAY`: about 1 id in
 * 20); without the hyphen only the mixed rule applies (`requirement` is a word, not an id).
 */
export function isMixedId(value: string): boolean {
  if (/^req-[\p{L}\p{N}]{8}$/iu.test(value)) return true;
  if (AWS_RESOURCE_ID.test(value) || AWS_KEY_ID.test(value)) return false;
  if (!/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)?$/u.test(value)) return false;
  if (value.replace(/-/g, '').length < 6) return false;
  return value.split('-').some((part) => /\p{L}/u.test(part) && /\p{N}/u.test(part) && !NUMBERED.test(part));
}

/**
 * Replaces entity-shaped tokens (and possessive names) by placeholders (`zzemail`, `zzid`, `zzname`, `zznum`) so the intent
 * classifier learns "check request zzid", not one request id, and unseen names or numbers ("page 2"
 * when the samples say 3) are not unknown words.
 */
export function maskEntities(text: string): string {
  return tokenize(text)
    .map((t) => {
      if (EMAIL.test(t.text)) return 'zzemail';
      if (/^\d+$/.test(t.text)) return 'zznum';
      if (isMixedId(t.bare)) return 'zzid';
      if (isCompound(t.bare) && /[-_]/.test(t.bare)) return 'zzname';
      // A possessive is someone's name ("dave's key"), whoever they are.
      if (t.bare !== t.text) return 'zzname';
      return t.text;
    })
    .join(' ');
}

/** Where a clause ends: punctuation (and any closing quote or bracket) before a space, or a spaced dash. */
export const CLAUSE_END = /[,;:.!?]+['"’”)\]]*\s+|\s+[-–—]\s+/;
/** The same, kept in the split: clause, end, clause, end, … */
const CLAUSES_AND_ENDS = new RegExp(`(${CLAUSE_END.source})`);

/** The clauses of `text` of two words or more, split at punctuation or a spaced dash. */
export function clausesOf(text: string): string[] {
  return text.split(CLAUSE_END).filter((c) => c.trim().split(/\s+/).length >= 2);
}

/** Words that open a request in chat ("please …", "could you …", "I need …", "we'd like …"). */
const ASKING =
  /^(?:(?:and|so|but|also|then|ok|okay)\s+)?(?:please|kindly|(?:can|could|would|will)\s+(?:you|u|someone|we|i)|(?:i|we)\s*(?:'d|would|need|want)|(?:i|we)\s+(?:really\s+)?(?:need|want))\b/i;

/**
 * The clauses of `text` that ask for something: a question ("is the payments pipeline green now?")
 * or a request ("please rerun the failed stage", "could you rotate it"), as opposed to the context
 * around it ("we had a failing test yesterday").
 */
export function asksOf(text: string): string[] {
  const pieces = text.split(CLAUSES_AND_ENDS);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const clause = (pieces[i] ?? '').trim();
    // The last clause keeps its own punctuation ("… green now?").
    const end = pieces[i + 1] ?? clause.slice(-1);
    const bare = clause.replace(/[,;:.!?]+$/, '');
    if (bare.split(/\s+/).length < 2) continue;
    if (end.includes('?') || ASKING.test(bare)) out.push(bare);
  }
  return out;
}

/** `text` without the parts between clause ends that `drop` picks, and the ends before them. */
export function withoutParts(text: string, drop: (part: string) => boolean): string {
  const pieces = text.split(CLAUSES_AND_ENDS);
  let kept = '';
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i] ?? '';
    if (drop(part)) continue;
    kept += (kept ? (pieces[i - 1] ?? ' ') : '') + part;
  }
  return kept.trim();
}
