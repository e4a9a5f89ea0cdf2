/**
 * Slot filling from one utterance: every slot of the intent proposes candidate spans (typed value +
 * context cues, or a whole-template capture), and the best-scoring candidates are assigned greedily
 * so one utterance can fill several slots and one word fills at most one slot ("a new sandbox
 * account … under Sandbox": the first `sandbox` is the AccountType, the second the OU).
 *
 * Hand-written after evaluating NLP.js's NER (`@nlpjs/ner`) on our utterances: its enum rules do
 * synonyms, but its tokenizer splits `ml-platform-dev` (yielding `ml-platform` plus a false `dev`
 * AccountType), its trim entities swallow neighbours (`the Security OU`), and it cannot arbitrate
 * between slots competing for one word (`Sandbox` as AccountType and as OU) nor accept open values
 * that merely resemble the examples (Lex's ORIGINAL_VALUE). This scorer is small and locale-driven.
 */
import type { BotModel, IntentModel, SlotModel } from '../bot-model';
import { nounsOf } from './object-nouns';
import {
  carrierWords,
  cueScore,
  indexOptions,
  intentCarrier,
  learnCues,
  listItemScore,
  possessiveScore,
  type SlotCues,
} from './slot-cues';
import { indexType, replyValue, type SlotValueMatch, scoreSpan, type TypeIndex } from './slot-values';
import { splitMatches, splitSynonyms } from './split-synonyms';
import { type Capture, type CompiledTemplate, compileTemplate, matchTemplates } from './template-matcher';
import { DETERMINERS, isStopword, type Token, tokenize } from './text';

export type ExtractedSlots = Record<string, SlotValueMatch>;

export interface ExtractOptions {
  /** The slot Lex is eliciting: the reply is read as its value first. */
  elicitedSlot?: string;
  /**
   * Fill a slot still empty with the one part of a listed name the message holds, cue or not
   * ("hold back payments for now" → payments-api), once the intent is decided; never as evidence.
   */
  soleParts?: boolean;
}

interface SlotIndex {
  slot: SlotModel;
  index: TypeIndex;
  cues: SlotCues;
  /** Words of the slot's own sample utterances ("call it", "the email is"). */
  own: ReadonlySet<string>;
  templates: readonly CompiledTemplate[];
  /** Synonyms said around another value ("let {PipelineName} through"). */
  split: ReturnType<typeof splitSynonyms>;
  /**
   * Whether several intents act on this slot's type: its values name existing things (pipelines),
   * so a part of a listed one refers to it; a type one intent fills may name a new thing (an account).
   */
  shared: boolean;
}

interface IntentIndex {
  slots: readonly SlotIndex[];
  carrier: ReadonlySet<string>;
  templates: readonly CompiledTemplate[];
}

interface Candidate {
  slot: string;
  first: number;
  last: number;
  score: number;
  value: SlotValueMatch;
}

const ACCEPT = 0.7 - 1e-9;
const TEMPLATE_CAPTURE = 2;
const ELICITED_BONUS = 0.3;
const REPLY = 1;
/** Words that negate the closed-list value after them (contractions are expanded by the normaliser). */
const NEGATIONS = new Set(['not', 'never', "don't", 'dont']);
/** A synonym said around another value ("let web-app through"): as sure as a listed phrase. */
const SPLIT_SYNONYM = 0.8;
const MAX_SPAN = 4;
const POLITE = new Set(['please', 'thanks', 'thank', 'you', 'it', 'is', "it's", 'its', 'just']);

/** Extracts slot values for the intents of one bot locale. */
export class SlotExtractor {
  private readonly intents = new Map<string, IntentIndex>();

  constructor(model: BotModel) {
    const uses = new Map<string, number>();
    for (const slot of model.intents.flatMap((i) => i.slots))
      uses.set(slot.type.name, (uses.get(slot.type.name) ?? 0) + 1);
    const shared = new Set([...uses].filter(([, n]) => n > 1).map(([name]) => name));
    for (const intent of model.intents) this.intents.set(intent.name, indexIntent(intent, shared));
  }

  /** The slots of `intentName` that `text` fills (interpreted values resolved by slot type). */
  extract(intentName: string, text: string, options: ExtractOptions = {}): ExtractedSlots {
    const intent = this.intents.get(intentName);
    if (!intent || intent.slots.length === 0) return {};
    const tokens = tokenize(text);
    const elicited = intent.slots.find((s) => s.slot.name === options.elicitedSlot);
    const candidates = [
      ...templateCandidates(intent, elicited, text, tokens),
      ...(elicited ? replyCandidates(elicited, text, tokens) : []),
      ...intent.slots.flatMap((s) => spanCandidates(s, intent.carrier, text, tokens, s === elicited)),
    ];
    const slots = assign(candidates);
    if (!options.soleParts) return slots;
    const sharedSlots = new Set(intent.slots.filter((s) => s.shared).map((s) => s.slot.name));
    return withSoleParts(
      slots,
      candidates.filter((c) => sharedSlots.has(c.slot)),
      tokens,
      intent.carrier,
    );
  }

  /**
   * Whether `text` is exactly one of `intentName`'s sample utterances, with every placeholder
   * holding a value of its slot type ("where is {RequestId}" matches "where is REQ-5G8H3N7Q", not
   * "where is the nearest coffee shop").
   */
  isSampleUtterance(intentName: string, text: string): boolean {
    const intent = this.intents.get(intentName);
    if (!intent) return false;
    const matches = matchTemplates(intent.templates, text);
    return (
      matches.some((m) => Object.keys(m.captures).length === 0) ||
      templateCandidates(intent, undefined, text, tokenize(text)).length > 0
    );
  }
}

function indexIntent(intent: IntentModel, shared: ReadonlySet<string>): IntentIndex {
  const cues = learnCues(intent);
  return {
    carrier: intentCarrier(intent),
    templates: intent.utterances.map((u) => compileTemplate(u, intent.name)),
    slots: intent.slots.map((slot) => {
      const index = indexType(slot.type, indexOptions(intent, slot));
      return {
        slot,
        index,
        split: splitSynonyms(index),
        cues: cues.get(slot.name) ?? { left: new Map(), right: new Map() },
        own: carrierWords(slot.sampleUtterances),
        templates: slot.sampleUtterances.map((u) => compileTemplate(u, intent.name, slot.name)),
        shared: shared.has(slot.type.name),
      };
    }),
  };
}

function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | undefined {
  const inside = tokens.flatMap((t, i) => (t.start >= start && t.end <= end ? [i] : []));
  const first = inside[0];
  const last = inside[inside.length - 1];
  return first === undefined || last === undefined ? undefined : [first, last];
}

/** Candidates from the first template whose every capture is a value of its slot. */
function templateCandidates(
  intent: IntentIndex,
  elicited: SlotIndex | undefined,
  text: string,
  tokens: readonly Token[],
): Candidate[] {
  for (const match of matchTemplates([...(elicited?.templates ?? []), ...intent.templates], text)) {
    const lenient = match.template.forSlot !== undefined;
    const candidates = Object.entries(match.captures).map(([name, capture]) =>
      captureCandidate(intent, name, capture, text, tokens, lenient),
    );
    if (candidates.every((c) => c !== undefined)) return candidates;
  }
  return [];
}

function captureCandidate(
  intent: IntentIndex,
  name: string,
  capture: Capture,
  text: string,
  tokens: readonly Token[],
  lenient: boolean,
): Candidate | undefined {
  const slot = intent.slots.find((s) => s.slot.name === name);
  const range = tokenRange(tokens, capture.start, capture.end);
  if (!slot || !range) return undefined;
  const span = tokens.slice(range[0], range[1] + 1);
  const scored = scoreSpan(slot.index, text, span, new Set());
  const value = scored?.value ?? (lenient ? replyValue(slot.index, text, span) : undefined);
  return value ? { slot: name, first: range[0], last: range[1], score: TEMPLATE_CAPTURE, value } : undefined;
}

function replyCandidates(slot: SlotIndex, text: string, tokens: readonly Token[]): Candidate[] {
  const rest = tokens.filter(
    (t) => !slot.own.has(t.lower) && !DETERMINERS.has(t.lower) && !POLITE.has(t.lower),
  );
  const first = rest[0];
  const last = rest[rest.length - 1];
  const value = replyValue(slot.index, text, rest);
  if (!value || !first || !last) return [];
  return [
    {
      slot: slot.slot.name,
      first: tokens.indexOf(first),
      last: tokens.indexOf(last),
      score: REPLY + ELICITED_BONUS,
      value,
    },
  ];
}

function spanCandidates(
  slot: SlotIndex,
  carrier: ReadonlySet<string>,
  text: string,
  tokens: readonly Token[],
  elicited: boolean,
): Candidate[] {
  const out: Candidate[] = [];
  const maxSpan = Math.min(MAX_SPAN, slot.index.maxWords);
  for (let first = 0; first < tokens.length; first += 1) {
    for (let last = first; last < Math.min(tokens.length, first + maxSpan); last += 1) {
      const scored = scoreSpan(slot.index, text, tokens.slice(first, last + 1), carrier);
      if (!scored) continue;
      const score =
        scored.base +
        cueScore(slot.cues, tokens, first, last) +
        possessiveScore(tokens, first, last, carrier) +
        listItemScore(tokens, first, last) +
        (elicited ? ELICITED_BONUS : 0);
      out.push({ slot: slot.slot.name, first, last, score, value: scored.value });
    }
  }
  for (const m of splitMatches(slot.split, tokens))
    out.push({ slot: slot.slot.name, ...m, score: SPLIT_SYNONYM + (elicited ? ELICITED_BONUS : 0) });
  return out.flatMap((c) => unlessNegated(slot.index, tokens, c));
}

/**
 * A closed-list value said after a negation ("do not approve web-app", "never let it through") is
 * not that value: of a list of two it is the other one ("don't approve" is a rejection), else none.
 */
function unlessNegated(index: TypeIndex, tokens: readonly Token[], c: Candidate): Candidate[] {
  const previous = tokens[c.first - 1]?.lower;
  const before = previous && DETERMINERS.has(previous) ? tokens[c.first - 2]?.lower : previous;
  if (index.type.kind !== 'enum' || !before || !NEGATIONS.has(before)) return [c];
  const values = index.type.values.map((v) => v.value);
  const other = values.length === 2 ? values.find((v) => v !== c.value.interpretedValue) : undefined;
  if (!other) return [];
  return [{ ...c, value: { ...c.value, interpretedValue: other, resolvedValues: [other] } }];
}

/** Parts of listed names that are also words for anything ("the *bot*" is no deploy-bot). */
const GENERAL_WORDS: ReadonlySet<string> = new Set([
  'bot',
  'app',
  'api',
  'service',
  'team',
  'dev',
  'prod',
  'test',
]);
/** Lowest score of a part of a listed name that fills an empty slot on its own (soleParts). */
const SOLE_PART = 0.6 - 1e-9;

/**
 * `slots` with each empty slot that exactly one part of a listed name could fill, filled by it,
 * unless the part only qualifies another thing ("the payments *team*", "our data *platform*"): the
 * word after it must be the intent's own wording, a function word or none.
 */
function withSoleParts(
  slots: ExtractedSlots,
  candidates: readonly Candidate[],
  tokens: readonly Token[],
  carrier: ReadonlySet<string>,
): ExtractedSlots {
  let nouns: ReadonlySet<string> | undefined;
  const qualifies = (c: Candidate) => {
    const next = tokens[c.last]?.pause ? undefined : tokens[c.last + 1];
    if (!next || carrier.has(next.lower) || POLITE.has(next.lower) || isStopword(next.lower)) return false;
    nouns ??= nounsOf(tokens.map((t) => t.text).join(' '));
    return nouns.has(next.lower);
  };

  const general = (c: Candidate) => GENERAL_WORDS.has(c.value.originalValue.toLowerCase());
  const used = new Set(Object.values(slots).map((v) => v.originalValue.toLowerCase()));
  const out = { ...slots };
  const bySlot = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (out[c.slot] || c.score < SOLE_PART || !isPartOfName(c.value) || qualifies(c) || general(c)) continue;
    if (used.has(c.value.originalValue.toLowerCase())) continue;
    bySlot.set(c.slot, [...(bySlot.get(c.slot) ?? []), c]);
  }
  for (const [slot, found] of bySlot) {
    const values = new Set(found.map((c) => c.value.interpretedValue));
    const [only] = found;
    if (values.size === 1 && only) out[slot] = only.value;
  }
  return out;
}

/** Whether a value is a part of a listed hyphenated name ("payments" of payments-api). */
function isPartOfName(value: SlotValueMatch): boolean {
  const [resolved] = value.resolvedValues;
  return (
    resolved !== undefined &&
    /[-_]/.test(resolved) &&
    value.originalValue.toLowerCase() !== resolved.toLowerCase()
  );
}

/** Greedy assignment: best candidates first; each slot once, each token once. */
function assign(candidates: Candidate[]): ExtractedSlots {
  const result: ExtractedSlots = {};
  const used = new Set<number>();
  const ranked = candidates
    .filter((c) => c.score >= ACCEPT)
    .sort((a, b) => b.score - a.score || b.last - b.first - (a.last - a.first) || a.first - b.first);
  for (const c of ranked) {
    if (result[c.slot]) continue;
    const span = Array.from({ length: c.last - c.first + 1 }, (_, k) => c.first + k);
    if (span.some((i) => used.has(i))) continue;
    for (const i of span) used.add(i);
    result[c.slot] = c.value;
  }
  return result;
}
