/**
 * Normalisation before classification and slot filling: chat-speak to plain words ("pls" → please,
 * "ur" → your), misspelt or shortened catalog words to the catalog's spelling ("accuont" → account,
 * "acct" → account, "pipelne" → pipeline), greetings and thanks around a request dropped, and two
 * facts for the engine: whether the utterance is only small talk, and whether it asks for an
 * operation no intent offers ("delete …").
 *
 * Values are never touched: emails, identifiers with digits, hyphens, dots or underscores
 * (`REQ-5G8H3N7Q`, `req5g8h3n7q`, `payments-api`, `ou-wkl1-22222222`), possessives ("carol's"),
 * capitalised words inside a sentence, and the word after a value cue of an open slot ("called x",
 * "user x", "name x"), since those are names. Hand-written because NLP.js' normaliser only folds case
 * and accents and its spell checker would "correct" exactly those values; the look-ups themselves
 * live in vocabulary.ts (NLP.js' Levenshtein), chat-lexicon.ts and off-domain-lexicon.ts.
 */
import type { BotModel } from '../bot-model';
import {
  CHAT_PHRASES,
  CHAT_SPEAK,
  LEAD_IN_WORDS,
  SMALL_TALK,
  SMALL_TALK_FILLERS,
  type SmallTalk,
} from './chat-lexicon';
import { UNOFFERED_ACTIONS, UNSERVED_QUESTION, UNSERVED_TOPICS } from './off-domain-lexicon';
import { learnCues } from './slot-cues';
import {
  clausesOf,
  isCommonWord,
  isMixedId,
  isStopword,
  nameWords,
  stem,
  type Token,
  tokenize,
} from './text';
import { typoDistance } from './typos';
import { Vocabulary } from './vocabulary';

/** "How do I X", "how can we X": X is the verb asked about. */
const HOW_DO_I = /\bhow (?:do|can|could|should) (?:i|we) (\p{L}+)/iu;
/** Shortest unknown word read as a slip of a word of our lexicons ("delet", "morning" for small talk). */
const MIN_SLIP = 5;

export interface Normalised {
  /** The text with chat-speak, typos and shortenings replaced; values exactly as typed. */
  text: string;
  /** Set when the utterance is nothing but small talk ("thanks a lot!", "good morning"). */
  smallTalk?: SmallTalk;
  /** Set when it asks for an operation no intent's wording uses (the verb, e.g. "delete"). */
  unoffered?: string;
  /** Set when it names a topic the catalog does not serve (off-domain-lexicon.ts), e.g. "cost", "oncall". */
  offTopic?: string;
  /** The kind of that topic ("money", "office"). */
  offTopicKind?: string;
  /** Set when it asks how something works or who did something (off-domain-lexicon.ts). */
  unservedQuestion?: boolean;
}

/** Stem → topic kind of the unserved topics. */
const TOPIC_STEMS: ReadonlyMap<string, string> = new Map(
  [...UNSERVED_TOPICS].flatMap(([kind, list]) => list.map((w) => [stem(w), kind] as const)),
);

const OPEN_KINDS = new Set(['open', 'firstName', 'lastName', 'freeForm']);

/** Words after which an open slot's value (a name) is typed, from the locale's cues and slot names. */
function valueCues(model: BotModel): Set<string> {
  const cues = new Set<string>();
  for (const intent of model.intents) {
    const learnt = learnCues(intent);
    for (const slot of intent.slots) {
      if (!OPEN_KINDS.has(slot.type.kind)) continue;
      const left = [...(learnt.get(slot.name)?.left.keys() ?? [])].filter((k) => !k.includes(' '));
      const named = nameWords(slot.name);
      for (const word of [...left, ...named.slice(-1)]) if (!isStopword(word)) cues.add(word);
    }
  }
  return cues;
}

/** Whether a token is a value that must reach the slot extractor exactly as typed. */
function isValueShaped(token: Token, index: number): boolean {
  if (/[\d@_.]/.test(token.text) || token.text.includes('-') || isMixedId(token.bare)) return true;
  if (token.bare !== token.text) return true;
  return index > 0 && /^\p{Lu}\p{Ll}/u.test(token.text);
}

interface Word {
  token: Token;
  /** Replacement words ('' drops the token), or undefined to keep it as typed. */
  replacement?: string;
}

/** Catalog-driven normaliser for one bot locale. */
export class Normaliser {
  private readonly vocabulary: Vocabulary;
  private readonly cues: ReadonlySet<string>;
  /** Stems of the words of the intents' names ("account", "key", "pipeline", "request"). */
  private readonly named: ReadonlySet<string>;

  constructor(model: BotModel) {
    this.vocabulary = new Vocabulary(model);
    this.cues = valueCues(model);
    this.named = new Set(model.intents.flatMap((i) => nameWords(i.name).map(stem)));
  }

  /** Normalises one utterance (see the module comment for what changes and what never does). */
  normalise(text: string): Normalised {
    const words = this.words(text);
    const plain = words
      .map((w) => w.replacement ?? w.token.lower)
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    const smallTalk = smallTalkOnly(plain);
    const unoffered = this.unofferedAction(words);
    const offTopic = plain.find((w) => TOPIC_STEMS.has(stem(w)) && !this.vocabulary.inWording(w));
    const kept = smallTalk ? words : trimSmallTalk(words);
    const normalised = rebuild(text, words, kept);
    return {
      text: normalised,
      ...(UNSERVED_QUESTION.test(normalised) && !this.asksHowToDoOurs(normalised)
        ? { unservedQuestion: true }
        : {}),
      ...(smallTalk ? { smallTalk } : {}),
      ...(unoffered ? { unoffered } : {}),
      ...(offTopic ? { offTopic, offTopicKind: TOPIC_STEMS.get(stem(offTopic)) } : {}),
    };
  }

  /**
   * An operation no intent offers, asked for: in a message of one clause, such a verb anywhere ("can
   * you delete the web-app pipeline") unless the catalog uses it, then only when it leads ("*deploy*
   * the hotfix", not "is the deploy finished"). In a longer message only a verb that leads its clause
   * asks for it ("…, so please delete it"); elsewhere it tells what happened ("they asked us to move
   * out", "a state lock").
   */
  private unofferedAction(words: readonly Word[]): string | undefined {
    const clauses: string[][] = [[]];
    for (const w of words) {
      clauses[clauses.length - 1]?.push(...(w.replacement ?? w.token.lower).split(/\s+/).filter(Boolean));
      if (w.token.pause) clauses.push([]);
    }
    const asked = clauses.filter((c) => c.length > 0);
    for (const clause of asked) {
      const lead = clause.find((w) => !LEAD_IN_WORDS.has(w));
      const leads = (w: string) => w === lead && !this.vocabulary.leads(w);
      const found = clause.find(
        (w) =>
          UNOFFERED_ACTIONS.has(w) && (asked.length > 1 ? leads(w) : !this.vocabulary.has(w) || leads(w)),
      );
      if (found) return found;
    }
    return undefined;
  }

  private words(text: string): Word[] {
    const tokens = tokenize(text);
    const words: Word[] = [];
    // A message of one word besides chat-speak and small talk ("halp pls") may be a one-word sample.
    const alone = tokens.filter((t) => !SMALL_TALK.has(t.lower) && !CHAT_SPEAK.has(t.lower)).length === 1;
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i] as Token;
      const next = tokens[i + 1];
      // A catalog verb typed apart from its prefix ("re run", "re try") is that verb.
      const split =
        next && token.lower === 're' && this.vocabulary.has(`re${next.lower}`)
          ? `re${next.lower}`
          : undefined;
      const phrase = next ? (CHAT_PHRASES.get(`${token.lower} ${next.lower}`) ?? split) : undefined;
      if (phrase !== undefined && next) {
        words.push({ token, replacement: phrase }, { token: next, replacement: '' });
        i += 1;
        continue;
      }
      // After a value cue ("rotate x", "user x") the word is a name, unless a value-shaped word
      // comes later for the name to be ("rotate creds for ci-deployer").
      const previous = tokens[i - 1]?.lower;
      const cued = previous !== undefined && this.cues.has(previous);
      const named = cued && !tokens.slice(i + 1).some((t, k) => isValueShaped(t, i + 1 + k));
      const lexicon = SMALL_TALK.has(token.lower) || CHAT_SPEAK.has(token.lower);
      const lone = alone && !lexicon ? this.vocabulary.loneWordUtterance(token.lower) : undefined;
      words.push({ token, replacement: lone ?? this.replacement(token, i, named) });
    }
    return words;
  }

  private replacement(token: Token, index: number, named: boolean): string | undefined {
    const phrase = CHAT_PHRASES.get(token.lower);
    if (phrase !== undefined) return phrase;
    const joined = this.joinedWord(token);
    if (joined) return joined;
    const contraction = /['’]/.test(token.text)
      ? CHAT_SPEAK.get(token.lower.replace(/['’]/g, ''))
      : undefined;
    if (contraction !== undefined) return contraction;
    if (isValueShaped(token, index)) return undefined;
    // Chat-speak is no name, even after a value cue ("rotate ur key", "rotate asap").
    const chat = CHAT_SPEAK.get(token.lower);
    if (chat !== undefined) return chat;
    // A name after a value cue is kept, unless it is one of the catalog's own words with two letters
    // swapped ("pipeline stauts"): no name is spelt so.
    if (named) return this.vocabulary.swappedWording(token.lower);
    if (SMALL_TALK.has(token.lower) || SMALL_TALK_FILLERS.has(token.lower)) return undefined;
    // Words of the lexicon are English words, never a typo or shortening of ours ("add" ≠ address).
    if (UNOFFERED_ACTIONS.has(token.lower) || TOPIC_STEMS.has(stem(token.lower))) return undefined;
    return this.vocabulary.resolve(token.lower) ?? unofferedTypo(token.lower) ?? smallTalkTypo(token.lower);
  }

  /**
   * "How do I …" followed by what a sample utterance opens with and naming what an intent acts on
   * ("how do I create an account in the infrastructure OU", "how can we rotate our keys"): a request
   * put as a question, which the bot answers by doing it, not a question of how something works
   * ("how do I set up terraform state locking").
   */
  private asksHowToDoOurs(text: string): boolean {
    const asked = HOW_DO_I.exec(text);
    const verb = asked?.[1]?.toLowerCase();
    if (!asked || !verb || !this.vocabulary.leads(verb)) return false;
    // What the verb acts on, in its own clause ("how do i get my data from s3, it says access denied").
    const [object = ''] = clausesOf(text.slice((asked.index ?? 0) + asked[0].length));
    return tokenize(object).some((t) => this.named.has(stem(t.lower)));
  }

  /** A hyphenated spelling of a catalog word ("re-run" → rerun, "e-mail" → email), never a value. */
  private joinedWord(token: Token): string | undefined {
    if (!/^\p{L}+(-\p{L}+)+$/u.test(token.text)) return undefined;
    const joined = token.lower.replace(/-/g, '');
    return this.vocabulary.has(joined) ? joined : undefined;
  }
}

/**
 * The one of `words` that `word` slips to by a swapped, dropped or doubled letter, with the same first
 * letter: never by a changed one, which makes another English word ("stale" is no "scale").
 */
function slipTo(word: string, words: Iterable<string>): string | undefined {
  const sameLetters = (a: string) => [...a].sort().join('') === [...word].sort().join('');
  const near = [...words].filter(
    (w) => w[0] === word[0] && typoDistance(word, w) === 1 && (w.length !== word.length || sameLetters(w)),
  );
  return near.length === 1 ? near[0] : undefined;
}

/** A long unknown word that is a plain lower-case word, no English one: what may be a slip. */
const mayBeSlip = (word: string, min: number) =>
  word.length >= min && !isCommonWord(word) && /^\p{L}+$/u.test(word);

/**
 * The one long word of small talk an unknown word is a dropped or doubled letter away from
 * ("mornin", "evenin"; "helo" and "thnks" are listed).
 */
function smallTalkTypo(word: string): string | undefined {
  if (!mayBeSlip(word, MIN_SLIP - 1)) return undefined;
  const long = [...SMALL_TALK.keys()].filter((w) => w.length >= MIN_SLIP && w.length !== word.length);
  return slipTo(word, long);
}

/**
 * The one verb of an operation we do not offer that an unknown word is a typo of ("delet",
 * "termniate"): a request for it is no less one for being misspelt; an inflection ("deleted") is no typo.
 */
function unofferedTypo(word: string): string | undefined {
  if (!mayBeSlip(word, MIN_SLIP)) return undefined;
  return slipTo(
    word,
    [...UNOFFERED_ACTIONS].filter((a) => !word.startsWith(a)),
  );
}

/** Phrases that greet or praise like a word of small talk, in the words chat-speak leaves. */
const SMALL_TALK_PHRASES =
  / (?:how is it going|how are you(?: doing)?|how are things|what is up|is anyone there|anyone there|you are the best|your the best|you rock) /g;

/** The kind of small talk when every word is small talk or a filler around it. */
function smallTalkOnly(all: readonly string[]): SmallTalk | undefined {
  // A phrase of small talk ("how is it going", "what is up", "is anyone there") is a greeting word.
  const joined = ` ${all.join(' ')} `.replace(SMALL_TALK_PHRASES, ' hi ');
  const words = joined.trim().split(/\s+/).filter(Boolean);
  const kinds = words.flatMap((w) => {
    const kind = SMALL_TALK.get(w);
    return kind ? [kind] : [];
  });
  if (kinds.length === 0) return undefined;
  return words.every((w) => SMALL_TALK.has(w) || SMALL_TALK_FILLERS.has(w)) ? kinds[0] : undefined;
}

/** Whom a greeting greets ("hi *team*", "hey *bot*"): part of the greeting. */
const VOCATIVES: ReadonlySet<string> = new Set([
  'there',
  'all',
  'team',
  'folks',
  'guys',
  'everyone',
  'bot',
  'mate',
  'chatops',
]);

/** Drops a greeting before a request and thanks after it ("hi, can you …", "… thx"). */
function trimSmallTalk(words: readonly Word[]): Word[] {
  const isTalk = (w: Word) => {
    const plain = (w.replacement ?? w.token.lower).split(/\s+/);
    return plain.every((p) => !p || SMALL_TALK.has(p) || SMALL_TALK_FILLERS.has(p));
  };
  const first = words.findIndex((w) => !isTalk(w));
  if (first < 0 || !words.slice(0, first).some((w) => SMALL_TALK.has(w.replacement ?? w.token.lower)))
    return trimEnd(words);
  // The greeting ends at its last word of small talk, pause or name of whom it greets ("hello, *is*
  // the pipeline green": the filler after the pause is the question's).
  let end = first - 1;
  while (end >= 0) {
    const w = words[end] as Word;
    const plain = w.replacement ?? w.token.lower;
    if (SMALL_TALK.has(plain) || VOCATIVES.has(plain) || w.token.pause) break;
    end -= 1;
  }
  return trimEnd(words.slice(end + 1));
}

function trimEnd(words: readonly Word[]): Word[] {
  const plain = (w: Word | undefined) => w?.replacement ?? w?.token.lower ?? '';
  let end = words.length;
  // Words a phrase drops ("thanks in advance") stand between the thanks and the end.
  let last = end;
  while (last > 1 && plain(words[last - 1]) === '') last -= 1;
  while (last > 1 && SMALL_TALK.get(plain(words[last - 1])) === 'thanks') end = last -= 1;
  return words.slice(0, end);
}

/** The original text with replacements applied and dropped words removed; the rest as typed. */
function rebuild(text: string, all: readonly Word[], kept: readonly Word[]): string {
  const keep = new Set(kept);
  let out = '';
  let at = 0;
  for (const word of all) {
    out += text.slice(at, word.token.start);
    if (keep.has(word)) out += word.replacement ?? word.token.text;
    at = word.token.end;
  }
  return (out + text.slice(at))
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:!?-]+/u, '')
    .trim();
}
