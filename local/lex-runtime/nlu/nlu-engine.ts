/**
 * The local runtime's NLU: what intent an utterance is (an exact sample-utterance match scores 1.0,
 * as in Lex; otherwise the trained classifier), whether it falls below the locale's
 * `NluConfidenceThreshold` (then the fallback intent wins), and which slots it fills.
 *
 * Every utterance is normalised first (normaliser.ts: chat-speak, typos, shortenings; values kept as
 * typed). Then three rules decide before the classifier's score counts:
 * - small talk only (greetings, thanks, goodbyes) goes to the intent that owns the catalog's greeting
 *   sample utterance ("hi", "hello": Help), so every kind of small talk gets the same friendly answer,
 *   the list of what the bot can do; with no such intent it falls back;
 * - a request for an operation no intent's wording uses ("delete the web-app pipeline"), or about a
 *   topic the catalog does not serve ("how much did the etl pipeline cost", "who is on call for
 *   payments-api": off-domain-lexicon.ts), falls back;
 * - an intent only wins with evidence for it (domain-evidence.ts): one of its listed slot values, a
 *   word of its name ("pipeline", "key"), or enough of its domain words; a sentence led by another
 *   intent's action ("create a new pipeline") is not its, and one that names a thing no text of the
 *   locale names ("restart the api server", a noun: object-nouns.ts) falls back unless it also names
 *   what the intent acts on.
 */
import type { BotModel } from '../bot-model';
import { SMALL_TALK } from './chat-lexicon';
import { contentStems, DomainEvidence } from './domain-evidence';
import { IntentClassifier, type IntentScore } from './intent-classifier';
import { type Normalised, Normaliser } from './normaliser';
import { nounsOf } from './object-nouns';
import { type ExtractedSlots, type ExtractOptions, SlotExtractor } from './slot-extractor';
import type { SlotValueMatch } from './slot-values';
import { EMAIL, isCompound, isMixedId, stem, tokenize } from './text';

export interface Recognition {
  /** The chosen intent (the fallback intent when nothing is confident enough). */
  intent: string;
  /** Every non-fallback intent with its confidence, best first. */
  scores: IntentScore[];
  slots: ExtractedSlots;
}

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
const ABOUT_THE_BOT =
  /\b(your|yours)\b|\bthis (bot|thing|tool)\b|\bwhat (can|could|do|does) (you|it|this)\b|\b(how|who|what) are you\b|\bhow is it going\b|\b(new|first time) here\b/i;
/** Unknown things outweigh a word of an intent's name from one in this many content words on. */
const UNKNOWN_SHARE = 3;
/** Slot look-ups kept while utterances are scored (cleared when full; a few utterances' worth). */
const SLOT_CACHE = 512;
/** The kind of unserved topic that is often only a request's context (off-domain-lexicon.ts). */
const OFFICE = 'office';
/** How sure a clause must be to be the request of a message that also names a topic we do not serve. */
const CONFIDENT_CLAUSE = 0.7;
/** What a score without evidence is scaled by: below any sensible confidence threshold. */
const NO_EVIDENCE = 0.3;
/** Evidenced intents share at least this much of the classifier's score before rescaling. */
const RENORMALISE_FLOOR = 0.7;

export class NluEngine {
  private last?: { text: string; normalised: Normalised };
  private nouns?: { text: string; stems: ReadonlySet<string> };
  private readonly slotCache = new Map<string, ExtractedSlots>();

  private constructor(
    private readonly model: BotModel,
    private readonly classifier: IntentClassifier,
    private readonly extractor: SlotExtractor,
    private readonly normaliser: Normaliser,
    private readonly evidence: DomainEvidence,
    private readonly greetingIntent: string | undefined,
  ) {}

  /** Trains the classifier and indexes slots, vocabulary and domain words for `model`. */
  static async create(model: BotModel): Promise<NluEngine> {
    const classifier = await IntentClassifier.train(model);
    const greeting = model.intents.find((i) =>
      i.utterances.some((u) => SMALL_TALK.get(u.trim().toLowerCase()) === 'greeting'),
    );
    return new NluEngine(
      model,
      classifier,
      new SlotExtractor(model),
      new Normaliser(model),
      new DomainEvidence(model),
      greeting?.name,
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

  /** The utterance as the NLU reads it (see normaliser.ts); the last one is kept, as a turn asks several times. */
  normalise(text: string): Normalised {
    if (this.last?.text !== text) this.last = { text, normalised: this.normaliser.normalise(text) };
    return this.last.normalised;
  }

  /** Intent scores for `text`; an exact sample-utterance match puts its intent at 1.0. */
  async scores(text: string): Promise<IntentScore[]> {
    const normalised = this.normalise(text);
    if (normalised.smallTalk) return this.only(this.greetingIntent);
    const exact = this.exactIntent(text) ?? this.exactIntent(normalised.text);
    const scores = await this.classifier.classify(normalised.text);
    if (exact) return this.withExact(scores, exact);
    if (normalised.unoffered || (normalised.offTopic && !this.officeContext(normalised))) {
      const unsure = scores.map((s) => ({ ...s, score: s.score * NO_EVIDENCE }));
      return normalised.unoffered ? unsure : this.offTopicContext(unsure, normalised.text);
    }
    const clause = this.clauseIntent(normalised.text);
    if (clause) return this.withExact(scores, clause);
    return this.byClause(this.gated(scores, normalised.text, text), normalised.text);
  }

  /**
   * Whether `clause` asks about the bot itself ("so what are you capable of") in a message that
   * names nothing another intent acts on.
   */
  private asksAboutTheBot(clause: string, stems: readonly string[], text: string): boolean {
    return (
      ABOUT_THE_BOT.test(clause) &&
      !this.namesAnIntent(stems) &&
      (this.greetingIntent === undefined || !this.namesAValue(this.greetingIntent, text))
    );
  }

  /**
   * Office life (a meeting, lunch, a holiday) is the context of many a request ("before the CAB
   * meeting I'd like to see how mobile-backend is doing"): such a topic does not rule out a message
   * that names one of an intent's things by name, email or id ("my vacation request" is still the
   * office's). Money, on-call and the rest always do.
   */
  private officeContext(normalised: Normalised): boolean {
    if (normalised.offTopicKind !== OFFICE) return false;
    return this.model.intents.some((i) => !i.isFallback && this.values(i.name, normalised.text).named);
  }

  /** Whether `clause` names what the intent acts on: a word of its name, one of its values. */
  private namesItsThing(intent: string, clause: string): boolean {
    return (
      this.evidence.anchored(intent, contentStems(clause)) || this.values(intent, clause).telling.length > 0
    );
  }

  /**
   * A topic the catalog does not serve, named in one clause of a longer message, may be context
   * ("after the incident review last week …, so I'd like to request a playground account named
   * squad-orange-play"): a clause free of such topics that is surely (CONFIDENT_CLAUSE) a request
   * naming what its intent acts on is that request. Otherwise the message stays unsure (`unsure`).
   */
  private async offTopicContext(unsure: IntentScore[], text: string): Promise<IntentScore[]> {
    const clean = clausesOf(text).filter((c) => {
      const n = this.normaliser.normalise(c);
      return !n.offTopic && !n.unoffered && !n.smallTalk;
    });
    const best = new Map<string, number>();
    for (const clause of clean) {
      for (const s of this.gated(await this.classifier.classify(clause), clause, clause))
        if (
          s.intent !== this.greetingIntent &&
          s.score >= CONFIDENT_CLAUSE &&
          s.score > (best.get(s.intent) ?? 0) &&
          this.namesItsThing(s.intent, clause)
        )
          best.set(s.intent, s.score);
    }
    if (best.size === 0) return unsure;
    return unsure
      .map((s) => ({ ...s, score: best.get(s.intent) ?? s.score }))
      .sort((a, b) => b.score - a.score);
  }

  /**
   * A message the whole of which is no confident request, read clause by clause: each intent keeps
   * its best score over the whole and its clauses, as the request may be one clause among context
   * and thanks ("we're spinning up a new team, so I'd like to request a new AWS account for them,
   * thanks in advance"), if the clause names what it acts on and the whole message holds evidence
   * for it. The help intent only takes a clause that asks about the bot itself ("so what are you
   * capable of"), else it keeps the whole message's score: "could you help with that" closes many a
   * request.
   */
  private async byClause(whole: IntentScore[], text: string): Promise<IntentScore[]> {
    const clauses = clausesOf(text);
    if (clauses.length < 2 || (whole[0]?.score ?? 0) >= this.model.nluConfidenceThreshold) return whole;
    const best = new Map(whole.map((s) => [s.intent, s.score]));
    const stems = contentStems(text);
    const evidenced = new Map<string, boolean>();
    const hasIt = (intent: string) => {
      if (!evidenced.has(intent)) evidenced.set(intent, this.evidenced(intent, stems, text));
      return evidenced.get(intent);
    };
    for (const clause of clauses) {
      const scores = this.gated(await this.classifier.classify(clause), clause, clause);
      for (const s of scores)
        if (
          s.score > (best.get(s.intent) ?? 0) &&
          (s.intent === this.greetingIntent
            ? this.asksAboutTheBot(clause, stems, text)
            : this.namesItsThing(s.intent, clause) && hasIt(s.intent))
        )
          best.set(s.intent, s.score);
    }
    return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }

  /** Recognises a new request: intent (or fallback) and the slots it fills. */
  async recognize(text: string): Promise<Recognition> {
    const scores = await this.scores(text);
    const top = scores[0];
    const confident = top && top.score >= this.model.nluConfidenceThreshold;
    const intent = confident ? top.intent : this.model.fallback.name;
    return { intent, scores, slots: confident ? this.extract(intent, text) : {} };
  }

  /**
   * The one intent that a clause of `text` is a sample utterance of ("I approve the release of
   * web-app, QA is done"): the rest is context around the request.
   */
  private clauseIntent(text: string): string | undefined {
    const clauses = clausesOf(text);
    if (clauses.length < 2) return undefined;
    const found = new Set(clauses.flatMap((c) => this.exactIntent(c) ?? []));
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** The intent whose sample utterance `text` is, exactly (ignoring case and punctuation). */
  exactIntent(text: string): string | undefined {
    return this.model.intents.find((i) => this.extractor.isSampleUtterance(i.name, text))?.name;
  }

  /**
   * Slots of `intent` filled by `text`, read after normalisation (values stay as typed). A reply to
   * a slot prompt is read as typed first: it may be nothing but a name.
   */
  extract(intent: string, text: string, options: ExtractOptions = {}): ExtractedSlots {
    const slot = options.elicitedSlot;
    const asTyped = slot ? this.extractor.extract(intent, text, options) : {};
    if (slot && asTyped[slot]) return asTyped;
    const normalised = this.normalise(text).text;
    return this.extractor.extract(intent, normalised || text, options);
  }

  get threshold(): number {
    return this.model.nluConfidenceThreshold;
  }

  private only(intent: string | undefined): IntentScore[] {
    return this.model.intents
      .filter((i) => !i.isFallback)
      .map((i) => ({ intent: i.name, score: i.name === intent ? 1 : 0 }))
      .sort((a, b) => b.score - a.score);
  }

  private withExact(scores: IntentScore[], exact: string): IntentScore[] {
    return [
      { intent: exact, score: 1 },
      ...scores.filter((s) => s.intent !== exact).map((s) => ({ ...s, score: Math.min(s.score, 0.99) })),
    ];
  }

  /**
   * Scales down intents without evidence in `text`; the classifier's share of those goes to the
   * intents with evidence (at least RENORMALISE_FLOOR of it: a sentence the classifier gives to no
   * evidenced intent stays unsure). An intent that names only in the plural what it acts on one at a
   * time ("how are the pipelines" for PipelineStatus), and the help intent in a sentence naming
   * another intent's thing, are ruled out, and their whole share moves to the evidenced intents. Utterances of stop words only ("what can you do") are left as scored.
   */
  private gated(scores: IntentScore[], text: string, typed: string): IntentScore[] {
    if (isOnlyValues(text)) return this.valuesOnly(scores, text);
    const stems = contentStems(text);
    if (stems.length === 0) return scores;
    // Ruled out, with their share moved: an intent naming only in the plural what it acts on one at a
    // time, and the help intent when another intent's thing is named ("how did mobile-backend go").
    const ruledOut = new Set(
      scores
        .filter(
          (s) =>
            (this.evidence.pluralOnly(s.intent, typed, text) && !this.namesOne(s.intent, text)) ||
            (s.intent === this.greetingIntent && this.namesAValue(s.intent, text)),
        )
        .map((s) => s.intent),
    );
    const evidenced = new Set(
      scores
        .filter((s) => !ruledOut.has(s.intent) && this.evidenced(s.intent, stems, text))
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
  private evidenced(intent: string, stems: readonly string[], text: string): boolean {
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
    if (intent === this.greetingIntent && ABOUT_THE_BOT.test(text) && !this.namesAnIntent(stems)) return true;
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
  private values(intent: string, text: string) {
    const slots = this.model.intent(intent)?.slots ?? [];
    const kind = (name: string) => slots.find((s) => s.name === name)?.type.kind ?? '';
    const found = Object.entries(this.slotsIn(intent, text));
    const telling = found.filter(([name, v]) => v.resolvedValues.length > 0 && TELLING_KINDS.has(kind(name)));
    const whole = telling.filter(([, v]) => !isPart(v));
    return { found, telling, whole, named: whole.some(([name]) => kind(name) !== 'enum') };
  }

  /** Whether `text` names one of another intent's things by name, email or id ("mobile-backend"). */
  private namesAValue(except: string, text: string): boolean {
    return this.model.intents.some(
      (i) => !i.isFallback && i.name !== except && this.values(i.name, text).named,
    );
  }

  /** Whether `stems` name what some intent other than the help intent acts on (a word of its name). */
  private namesAnIntent(stems: readonly string[]): boolean {
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

/** The clauses of `text` of two words or more, split at punctuation or a spaced dash. */
function clausesOf(text: string): string[] {
  return text.split(/[,;:.!?]+\s+|\s+[-–—]\s+/).filter((c) => c.trim().split(/\s+/).length >= 2);
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
