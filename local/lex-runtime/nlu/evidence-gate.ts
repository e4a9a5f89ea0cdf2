/**
 * The NLU's evidence gate: an intent wins only with evidence for it in the utterance, and the
 * classifier's share of the intents without any goes to those with some (nlu-engine.ts reads the
 * message and calls it for the whole and for each clause).
 *
 * Evidence is naming what the intent acts on — one of its names, emails or ids; a word of its name
 * ("pipeline", "key", "request") — or enough of its domain words (domain-evidence.ts). A sentence led
 * by another intent's action ("create a new pipeline") is not its; one that names a thing no text of
 * the locale names ("restart the api server", a noun: object-nouns.ts) falls back unless it also
 * names what the intent acts on; an intent naming only in the plural what it acts on one at a time,
 * and the help intent in a sentence naming another intent's thing, are ruled out.
 *
 * Hand-written: the rules are about our catalog's shape (slots, values, the intents' names), which no
 * NLU library models; the words, stems and tags come from NLP.js and wink.
 */
import type { BotModel } from '../bot-model';
import { contentStems, type DomainEvidence } from './domain-evidence';
import type { IntentScore } from './intent-classifier';
import { nounsOf } from './object-nouns';
import { slotIdPrefix } from './slot-cues';
import type { ExtractedSlots, SlotExtractor } from './slot-extractor';
import type { SlotValueMatch } from './slot-values';
import { clausesOf, EMAIL, isCompound, isMixedId, stem, tokenize } from './text';

/** Evidence (sum of domain-word specificities) an intent needs in a sentence of known words. */
const MIN_EVIDENCE = 0.5;
/** What one of the intent's slot values (resolving to a listed value) weighs as evidence. */
const SLOT_VALUE_EVIDENCE = 1;
/**
 * Slot kinds whose values tell the intent: listed values (custom types), emails and ids. A bare
 * number ("convert 10 miles") or a first name tells nothing.
 */
const TELLING_KINDS: ReadonlySet<string> = new Set(['enum', 'open', 'email', 'alphanumeric']);
/** A value recognised from one part of a name ("api" → payments-api) weighs this much, and anchors nothing. */
const PART_SHARE = 0.5;
/** Words that make a question one about the bot itself ("what are your capabilities"). */
const ADDRESSING_THE_BOT = /\b(you|your|yours|bot|this)\b/i;
/**
 * Questions about the bot itself ("what are your powers", "what can this thing do", "how are you"):
 * evidence for the help intent, whatever else they name.
 */
export const ABOUT_THE_BOT =
  /\b(your|yours)\b|\bthis (bot|thing|tool)\b|\bwhat (\w+ )?(can|could|do|does) (you|this)\b|\bwhat (can|could|does) it do\b|\b(what|everything|anything|all|things) (you|it) (can|could) do\b|\bwhat you('ve)? got\b|\b(how|who|what) are you\b|\bhow is it going\b|\b(new|first time) here\b|\bget started\b|\bhow can you\b/i;
/** Unknown things outweigh a word of an intent's name from one in this many content words on. */
const UNKNOWN_SHARE = 3;
/** Slot look-ups kept while utterances are scored (cleared when full; a few utterances' worth). */
const SLOT_CACHE = 512;
/** Evidenced intents share at least this much of the classifier's score before rescaling. */
const RENORMALISE_FLOOR = 0.7;
/** What a score without evidence is scaled by: below any sensible confidence threshold. */
export const NO_EVIDENCE = 0.3;

/** Evidence for the intents of one bot locale. */
export class EvidenceGate {
  private nouns?: { text: string; stems: ReadonlySet<string> };
  private readonly slotCache = new Map<string, ExtractedSlots>();
  /** The intents with a sample utterance that is a yes/no question ("is my request approved"). */
  private readonly asked: ReadonlySet<string>;
  /** Stems of the closed lists' values and synonyms ("approve", "reject", "prod"). */
  private readonly listed: ReadonlySet<string>;

  constructor(
    private readonly model: BotModel,
    private readonly extractor: SlotExtractor,
    private readonly evidence: DomainEvidence,
    private readonly greetingIntent: string | undefined,
  ) {
    this.listed = new Set(
      model.intents
        .flatMap((i) => i.slots)
        .filter((s) => s.type.kind === 'enum')
        .flatMap((s) => s.type.values.flatMap((v) => [v.value, ...v.synonyms]))
        .flatMap((p) => contentStems(p)),
    );
    this.asked = new Set(
      model.intents.filter((i) => i.utterances.some((u) => isYesNoQuestion(u))).map((i) => i.name),
    );
  }

  /**
   * The slots of `intent` in `text` (a sentence or one of its clauses) while one utterance is
   * scored: the gate asks for the same ones many times, for every intent and clause.
   */
  private slotsIn(intent: string, text: string): ExtractedSlots {
    const key = `${intent}\u0000${text}`;
    let found = this.slotCache.get(key);
    if (!found) {
      if (this.slotCache.size >= SLOT_CACHE) this.slotCache.clear();
      found = this.extractor.extract(intent, text);
      this.slotCache.set(key, found);
    }
    return found;
  }

  /**
   * Whether `clause` asks about the bot itself ("so what are you capable of") in a message that
   * names nothing another intent acts on.
   */
  asksAboutTheBot(clause: string, stems: readonly string[], text: string): boolean {
    return (
      ABOUT_THE_BOT.test(clause) && !this.namesAnIntent(stems) && !this.namesAValue(text, this.greetingIntent)
    );
  }

  /** Whether `clause` names what the intent acts on: a word of its name, one of its values. */
  namesItsThing(intent: string, clause: string): boolean {
    return (
      this.evidence.anchored(intent, contentStems(clause)) || this.values(intent, clause).telling.length > 0
    );
  }

  /**
   * The one intent that `text` names an id of ("… it's REQ-8P4L2K6J … need to know if it's been
   * approved"): an id of a kind only one intent's slots take is that intent's, whatever else is said.
   */
  idOwner(text: string): string | undefined {
    const owners = this.model.intents.filter((i) => {
      const found = this.slotsIn(i.name, text);
      return i.slots.some((s) => {
        const v = found[s.name]?.originalValue;
        if (v === undefined) return false;
        if (s.type.kind === 'alphanumeric') return isMixedId(v);
        // An open slot's own ids, by the initials of its name ("ou-a1b2-c3d4e5f6": OrganizationalUnit).
        const prefix = slotIdPrefix(s);
        return (
          s.type.kind === 'open' &&
          prefix !== undefined &&
          v.toLowerCase().startsWith(`${prefix}-`) &&
          /\d/.test(v)
        );
      });
    });
    return owners.length === 1 ? owners[0]?.name : undefined;
  }

  /** Whether `clause` names what the intent acts on or any value of its slots (an unlisted pipeline). */
  namesAnyOfIts(intent: string, clause: string): boolean {
    return this.namesItsThing(intent, clause) || this.values(intent, clause).found.length > 0;
  }

  /**
   * Scales down intents without evidence in `text`; the classifier's share of those goes to the
   * intents with evidence (at least RENORMALISE_FLOOR of it: a sentence the classifier gives to no
   * evidenced intent stays unsure). An intent that names only in the plural what it acts on one at a
   * time ("how are the pipelines" for PipelineStatus), and the help intent in a sentence naming
   * another intent's thing ("how did mobile-backend go"), are ruled out, and their whole share moves
   * to the evidenced intents. Utterances of stop words only ("what can you do") are left as scored.
   */
  gated(scores: IntentScore[], text: string, typed: string): IntentScore[] {
    if (isOnlyValues(text)) return this.valuesOnly(scores, text);
    const stems = contentStems(text);
    if (stems.length === 0) return scores;
    const ruledOut = new Set(
      scores
        .filter(
          (s) =>
            (this.evidence.pluralOnly(s.intent, typed, text) && !this.namesOne(s.intent, text)) ||
            (s.intent === this.greetingIntent && this.namesAValue(text, s.intent)),
        )
        .map((s) => s.intent),
    );
    // A yes/no question is no evidence for an intent that only ever acts (its share stays unsure).
    const question = isYesNoQuestion(text);
    const evidenced = new Set(
      scores
        .filter(
          (s) =>
            !ruledOut.has(s.intent) &&
            !(question && s.intent !== this.greetingIntent && !this.asked.has(s.intent)) &&
            this.evidenced(s.intent, stems, text),
        )
        .map((s) => s.intent),
    );
    const sum = (pick: (s: IntentScore) => boolean) => scores.filter(pick).reduce((n, s) => n + s.score, 0);
    const share = sum((s) => evidenced.has(s.intent));
    // What the classifier gave to the intents ruled out goes to the evidenced ones.
    const mass = share + sum((s) => ruledOut.has(s.intent));
    const scale = share > 0 ? mass / share / Math.max(mass, RENORMALISE_FLOOR) : 0;
    return scores
      .map((s) => ({
        ...s,
        score: evidenced.has(s.intent) ? Math.min(1, s.score * scale) : s.score * NO_EVIDENCE,
      }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * A bare value ("data-lab") is no request: it only keeps an intent when it is of a built-in type
   * that intent alone takes (a request id), as an open name could belong to any intent.
   */
  private valuesOnly(scores: IntentScore[], text: string): IntentScore[] {
    const typed = (intent: string) => {
      const slots = this.model.intent(intent)?.slots ?? [];
      const found = this.slotsIn(intent, text);
      return slots.some((s) => found[s.name] && s.type.kind !== 'open');
    };
    return scores
      .map((s) => (typed(s.intent) ? s : { ...s, score: s.score * NO_EVIDENCE }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Evidence for `intent` in the whole of `text` or in one of its clauses: context in another clause
   * ("veto the payments deploy, QA found a bug") names things of its own.
   */
  evidenced(intent: string, stems: readonly string[], text: string): boolean {
    if (this.hasEvidence(intent, stems, text)) return true;
    const clauses = clausesOf(text);
    return clauses.length > 1 && clauses.some((c) => this.hasEvidence(intent, contentStems(c), c));
  }

  /**
   * Evidence that `text` is about `intent`. Naming what the intent acts on (a word of its name:
   * "pipeline", "key", "request"; one of its listed values) is enough. Otherwise a sentence that names
   * a thing no text of the locale uses ("restart the api *server*", "create an s3 *bucket*", "how old
   * is the *universe*") is about something else; what is left must add up to MIN_EVIDENCE of the
   * intent's domain words and slot values (a slot's own value is never an unknown word).
   */
  private hasEvidence(intent: string, stems: readonly string[], text: string): boolean {
    const { found, telling, whole, named } = this.values(intent, text);
    const inValues = new Set(found.flatMap(([, v]) => contentStems(v.originalValue)));
    const unknown = this.evidence.unknown(stems).filter((s) => !inValues.has(s));
    const resolved =
      whole.length > 0 ? SLOT_VALUE_EVIDENCE : telling.length > 0 ? SLOT_VALUE_EVIDENCE * PART_SHARE : 0;
    // One of its names, emails or ids is evidence enough; a closed-list word ("approve", "block",
    // "prod") is not when the sentence names a thing the locale does not ("approve the PR on github").
    // Else a sentence led by other intents' action ("create a new pipeline") is not this intent's, and
    // naming what it acts on (a word of its name) is.
    if (named) return true;
    if (intent === this.greetingIntent && this.asksAboutTheBot(text, stems, text)) return true;
    if (this.evidence.otherAction(intent, text)) return false;
    // A word of its name is not enough when two things the locale does not name stand around it and
    // make a third of the sentence or more ("the status of the lambda function order-handler"); in a
    // long message they are context ("… because the contractor who had it just left the company").
    if (this.evidence.anchored(intent, stems)) {
      const things = unknown.length < 2 ? 0 : this.unknownThings(text, unknown);
      return telling.length > 0 || things < 2 || things * UNKNOWN_SHARE < stems.length;
    }
    // Else a thing no text of the locale names makes the sentence about something else; the help
    // intent is about the bot itself and has no object to name.
    const aboutTheBot = intent === this.greetingIntent && ADDRESSING_THE_BOT.test(text);
    if (!aboutTheBot && unknown.length > 0 && this.unknownThings(text, unknown) > 0) return false;
    return this.evidence.score(intent, stems) + resolved >= MIN_EVIDENCE;
  }

  /**
   * Whether `text` names one of the things the intent acts on one at a time: a value of the slot
   * named after it ("pipelines … the data lake etl one": PipelineName), not of another slot.
   */
  private namesOne(intent: string, text: string): boolean {
    const things = this.evidence.singularWords(intent);
    return Object.keys(this.slotsIn(intent, text)).some((slot) =>
      things.some((w) => slot.toLowerCase().startsWith(w)),
    );
  }

  /**
   * The intent's slot values in `text`: all found, those of telling kinds that resolve to a listed
   * value or shape, the whole ones among them (not a part of a name), and whether one of those is a
   * name, an email or an id (not a closed-list word).
   */
  values(intent: string, text: string) {
    const slots = this.model.intent(intent)?.slots ?? [];
    const kind = (name: string) => slots.find((s) => s.name === name)?.type.kind ?? '';
    const found = Object.entries(this.slotsIn(intent, text));
    const telling = found.filter(([name, v]) => v.resolvedValues.length > 0 && TELLING_KINDS.has(kind(name)));
    const whole = telling.filter(([, v]) => !isPart(v));
    return { found, telling, whole, named: whole.some(([name]) => kind(name) !== 'enum') };
  }

  /** Whether `text` names one of an intent's things (other than `except`'s) by name, email or id ("mobile-backend"). */
  namesAValue(text: string, except?: string): boolean {
    return this.model.intents.some(
      (i) => !i.isFallback && i.name !== except && this.values(i.name, text).named,
    );
  }

  /**
   * Whether `text` names what some intent acts on by a word of its name that is no closed-list word
   * ("my access *key* leaked"; "*approve* my pr" only says a decision).
   */
  namesAThing(text: string): boolean {
    return this.namesAnIntent(contentStems(text).filter((s) => !this.listed.has(s)));
  }

  /** Whether `stems` name what some intent other than the help intent acts on (a word of its name). */
  namesAnIntent(stems: readonly string[]): boolean {
    return this.model.intents.some(
      (i) => !i.isFallback && i.name !== this.greetingIntent && this.evidence.anchored(i.name, stems),
    );
  }

  /** How many of the `unknown` stems are nouns in `text` (tagged once per text: every intent asks). */
  private unknownThings(text: string, unknown: readonly string[]): number {
    if (this.nouns?.text !== text) this.nouns = { text, stems: new Set([...nounsOf(text)].map(stem)) };
    const nouns = this.nouns.stems;
    return unknown.filter((s) => nouns.has(s)).length;
  }
}

/** Words before a question ("so is …", "um did …"). */
const BEFORE_A_QUESTION = /^(?:(?:hi|hey|hello|so|um|uh|ok|okay|and|also|quick question|sorry)[,!]?\s+)*/i;

/**
 * Whether `text` opens as a yes/no question ("is infra-baseline waiting on someone to approve it?",
 * "do my access keys need rotating", "has it been approved yet"): a question of how things are, which
 * an intent that only ever acts ("approve …", "rotate …") is not asked. A polite request put as a
 * question ("is it possible to get …", "do you have …", "is there a way to …") is no such question.
 */
export function isYesNoQuestion(text: string): boolean {
  const rest = text.replace(BEFORE_A_QUESTION, '').toLowerCase();
  if (/^(?:is it possible|is there (?:a|any) way|do you|are you|would it be)\b/.test(rest)) return false;
  if (/^(?:is|are|was|were|has|have|had)\s(?!not\b)/.test(rest)) return true;
  // "do a key rotation", "don't approve": an order, not a question.
  return /^(?:did|does|do)\s(?:i|we|they|my|our|the|any|it|all|these|those|this|that|he|she)\b/.test(rest);
}

/** Whether a value was recognised from a part of a listed name ("api" → payments-api), not the name. */
function isPart(value: SlotValueMatch): boolean {
  const spaced = (v: string) => v.toLowerCase().replace(/[-_\s]+/g, ' ');
  const [resolved] = value.resolvedValues;
  return resolved !== undefined && /[-_]/.test(resolved) && spaced(value.originalValue) !== spaced(resolved);
}

/** Whether every word of `text` is a value (email, id, hyphenated name) and there is at least one. */
function isOnlyValues(text: string): boolean {
  const tokens = tokenize(text);
  return (
    tokens.length > 0 && tokens.every((t) => EMAIL.test(t.text) || isCompound(t.bare) || isMixedId(t.bare))
  );
}
