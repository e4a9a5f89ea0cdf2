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
 * - a request for an operation no intent's wording uses ("delete the web-app pipeline"), a question
 *   of how something works or who did something ("who rotated the ci-deployer key"), or one about a
 *   topic the catalog does not serve ("how much did the etl pipeline cost", "who is on call for
 *   payments-api": off-domain-lexicon.ts), falls back;
 * - an intent only wins with evidence for it (evidence-gate.ts): one of its listed slot values, a
 *   word of its name ("pipeline", "key"), or enough of its domain words; a sentence led by another
 *   intent's action ("create a new pipeline") is not its, and one that names a thing no text of the
 *   locale names ("restart the api server", a noun: object-nouns.ts) falls back unless it also names
 *   what the intent acts on.
 *
 * A long message is also read clause by clause (clausesOf): a clause that is a sample utterance
 * decides, so does the one intent its asking clauses surely are (asksOf: the question or the request,
 * not the context around it), evidence may come from the request's own clause, an unsure message takes the score of a
 * clause that names what its intent acts on, and a topic we do not serve in one clause is context
 * when another clause is surely a request.
 */
import type { BotModel } from '../bot-model';
import {
  leadWord,
  leadWords,
  type NarrowVerb,
  NEW_NAMED_THING,
  nameVerbsOf,
  narrowVerbsOf,
  slotWordsOf,
} from './catalog-actions';
import { SMALL_TALK } from './chat-lexicon';
import { contentStems, DomainEvidence } from './domain-evidence';
import { ABOUT_THE_BOT, EvidenceGate, NO_EVIDENCE } from './evidence-gate';
import { IntentClassifier, type IntentScore } from './intent-classifier';
import { type Normalised, Normaliser } from './normaliser';
import { type ExtractedSlots, type ExtractOptions, SlotExtractor } from './slot-extractor';
import { asksOf, clausesOf, isMixedId, stem, tokenize, withoutParts } from './text';

export interface Recognition {
  /** The chosen intent (the fallback intent when nothing is confident enough). */
  intent: string;
  /** Every non-fallback intent with its confidence, best first. */
  scores: IntentScore[];
  slots: ExtractedSlots;
}

/** A question of how to use the bot ("how does dis bot work", "how do I use you"): help's, not unserved. */
const USING_THE_BOT = /\bbot\b|\buse (you|it|this|chatops)\b/i;
/** The kinds of unserved topic that are often only a request's context (off-domain-lexicon.ts). */
const OFFICE = 'office';
const CODE_HOSTING = 'code hosting';
/** Words that open a verb's object ("change *the* root email", "change *my* email"). */
const OBJECT_OPENERS = /^(a|an|the|my|our|your|his|her|their|its|this|that|these|those)$/;
/** How sure a clause must be to be the request of a message that also names a topic we do not serve. */
const CONFIDENT_CLAUSE = 0.7;

export class NluEngine {
  private last?: { text: string; normalised: Normalised };

  private constructor(
    private readonly model: BotModel,
    private readonly classifier: IntentClassifier,
    private readonly extractor: SlotExtractor,
    private readonly normaliser: Normaliser,
    private readonly gate: EvidenceGate,
    private readonly greetingIntent: string | undefined,
    private readonly narrowVerbs: ReadonlyMap<string, NarrowVerb>,
    private readonly nameVerbs: ReadonlyMap<string, string>,
    private readonly slotWords: ReadonlySet<string>,
  ) {}

  /** Trains the classifier and indexes slots, vocabulary and domain words for `model`. */
  static async create(model: BotModel): Promise<NluEngine> {
    const classifier = await IntentClassifier.train(model);
    const greeting = model.intents.find((i) =>
      i.utterances.some((u) => SMALL_TALK.get(u.trim().toLowerCase()) === 'greeting'),
    );
    const extractor = new SlotExtractor(model);
    return new NluEngine(
      model,
      classifier,
      extractor,
      new Normaliser(model),
      new EvidenceGate(model, extractor, new DomainEvidence(model), greeting?.name),
      greeting?.name,
      narrowVerbsOf(model),
      nameVerbsOf(model),
      slotWordsOf(model),
    );
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
    const unsure = () => scores.map((s) => ({ ...s, score: s.score * NO_EVIDENCE }));
    if (
      normalised.unoffered ||
      this.unservedQuestion(normalised) ||
      this.otherObject(normalised.text) ||
      this.namesANewSlotThing(normalised.text)
    )
      return unsure();
    if (normalised.offTopic && !this.officeContext(normalised))
      return this.offTopicContext(unsure(), normalised.text);
    const clause = this.clauseIntent(normalised.text);
    if (clause) return this.withExact(scores, clause);
    const gated = this.gate.gated(scores, normalised.text, text);
    const owner = this.gate.idOwner(normalised.text);
    if (owner)
      return promoted(gated, { intent: owner, score: Math.max(this.threshold, gated[0]?.score ?? 0) });
    const asked = await this.askedIntent(normalised.text);
    if (asked && (asked.intent !== gated[0]?.intent || (gated[0]?.score ?? 0) < this.threshold))
      return promoted(gated, asked);
    return this.byClause(gated, normalised.text);
  }

  /**
   * The intent that the asking clauses of a longer message surely are (asksOf: the question or the
   * request, not the context around it): "our scanner flagged that the key of ci-deployer is older
   * than 90 days. Could you please rotate the access key for ci-deployer today?" is a rotation, not a
   * list of due keys. Only one intent may be asked for, surely (CONFIDENT_CLAUSE), naming its thing.
   */
  private async askedIntent(text: string): Promise<IntentScore | undefined> {
    const clauses = clausesOf(text);
    if (clauses.length < 2) return undefined;
    const found = new Map<string, number>();
    // A clause that orders the action an intent is named after ("… plz rotate", "rotate em") is
    // that intent's request, if the message holds evidence for it.
    for (const clause of clauses) {
      const named = this.nameVerbs.get(leadWord(clause) ?? '');
      if (named && this.gate.evidenced(named, contentStems(text), text))
        found.set(named, Math.max(found.get(named) ?? 0, this.threshold));
    }
    for (const clause of asksOf(text)) {
      const exact = this.exactIntent(clause);
      const [top] = exact
        ? [{ intent: exact, score: 1 }]
        : this.gate.gated(await this.classifier.classify(clause), clause, clause);
      if (top && top.score >= CONFIDENT_CLAUSE && this.asksFor(top.intent, clause, text))
        found.set(top.intent, Math.max(found.get(top.intent) ?? 0, top.score));
    }
    const [only] = found.size === 1 ? [...found] : [];
    return only ? { intent: only[0], score: only[1] } : undefined;
  }

  /**
   * Whether `clause` of `text` asks for `intent`: it names what the intent acts on, or, for the help
   * intent, asks about the bot itself ("what exactly can you help me with?") in a message that names
   * nothing another intent acts on.
   */
  private asksFor(intent: string, clause: string, text: string): boolean {
    return intent === this.greetingIntent
      ? this.gate.asksAboutTheBot(clause, contentStems(text), text)
      : this.gate.namesAnyOfIts(intent, clause);
  }

  /**
   * An operation we do not offer in general that some sample utterances still ask for on one thing
   * ("change the access key of {UserName}", "restart the failed stage of {PipelineName}"), asked for
   * on something else: "change the root email on my aws account", "change the approval policy".
   * The message must name what those samples act on, or one of their words, to be theirs.
   */
  private otherObject(text: string): boolean {
    const [first = text] = clausesOf(text);
    const [lead, next] = leadWords(first);
    // A verb before its object's determiner, as in the samples ("change the …"; "change board" is a noun).
    const narrow = lead && next && OBJECT_OPENERS.test(next) ? this.narrowVerbs.get(lead) : undefined;
    if (!narrow) return false;
    const stems = contentStems(text);
    return (
      ![...narrow.intents].some((i) => this.gate.namesItsThing(i, text)) &&
      !stems.some((s) => narrow.stems.has(s))
    );
  }

  /**
   * A new thing named after a slot rather than an intent, given a name ("create a new OU called
   * Marketing", "make an organizational unit named Research"): the catalog makes accounts in OUs,
   * never OUs. The words are those of the slots' names that no intent's name uses.
   */
  private namesANewSlotThing(text: string): boolean {
    const m = NEW_NAMED_THING.exec(text);
    const head = m?.[1]?.split(/\s+/).pop()?.toLowerCase();
    return head !== undefined && this.slotWords.has(stem(head));
  }

  /**
   * A question of how something works or who did something (off-domain-lexicon.ts) is none of ours,
   * unless it is about using the bot itself ("how do I use this thing", "how does dis bot work") or
   * names a request, whose record tells who approved it ("who approved REQ-4E5F6G7H").
   */
  private unservedQuestion(normalised: Normalised): boolean {
    return (
      normalised.unservedQuestion === true &&
      !ABOUT_THE_BOT.test(normalised.text) &&
      !USING_THE_BOT.test(normalised.text) &&
      !tokenize(normalised.text).some((t) => isMixedId(t.bare))
    );
  }

  /**
   * Office life (a meeting, lunch, a holiday) is the context of many a request ("before the CAB
   * meeting I'd like to see how mobile-backend is doing"): such a topic does not rule out a message
   * that names one of an intent's things by name, email or id ("my vacation request" is still the
   * office's). So is code hosting, which may also be where one of an intent's things went ("my
   * access key leaked on github"), while "approve my pull request" is none of ours. Money, on-call
   * and the rest always rule a message out.
   */
  private officeContext(normalised: Normalised): boolean {
    const kind = normalised.offTopicKind;
    if (kind === CODE_HOSTING && this.gate.namesAThing(normalised.text)) return true;
    return (kind === OFFICE || kind === CODE_HOSTING) && this.gate.namesAValue(normalised.text);
  }

  /**
   * A topic the catalog does not serve, named in one clause of a longer message, may be context
   * ("after the incident review last week …, so I'd like to request a playground account named
   * squad-orange-play"): a clause free of such topics that is surely (CONFIDENT_CLAUSE) a request
   * naming what its intent acts on is that request. Otherwise the message stays unsure (`unsure`).
   */
  private async offTopicContext(unsure: IntentScore[], text: string): Promise<IntentScore[]> {
    const isClean = (c: string) => {
      const n = this.normaliser.normalise(c);
      return !n.offTopic && !n.unoffered && !n.smallTalk;
    };
    const clean = clausesOf(text).filter(isClean);
    // The message without its off-topic parts, too: a list of labelled values is a clause per label
    // ("rotate: user: bob, reason: offboarding, ticket: HR-5520").
    const rest = withoutParts(text, (part) => !isClean(part));
    if (rest && rest !== text && !clean.includes(rest)) clean.push(rest);
    const best = await this.bestByClause(
      clean,
      new Map(),
      (s, clause) => s.score >= CONFIDENT_CLAUSE && this.asksFor(s.intent, clause, clause),
    );
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
    const stems = contentStems(text);
    const evidenced = new Map<string, boolean>();
    const hasIt = (intent: string) => {
      if (!evidenced.has(intent)) evidenced.set(intent, this.gate.evidenced(intent, stems, text));
      return evidenced.get(intent);
    };
    const best = await this.bestByClause(
      clauses,
      new Map(whole.map((s) => [s.intent, s.score])),
      (s, clause) =>
        s.intent === this.greetingIntent
          ? this.gate.asksAboutTheBot(clause, stems, text)
          : this.gate.namesItsThing(s.intent, clause) && hasIt(s.intent) === true,
    );
    return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }

  /**
   * Each intent's best score over `clauses` (classified and gated one by one), starting from `best`,
   * counting only the scores `accept` takes for their clause.
   */
  private async bestByClause(
    clauses: readonly string[],
    best: Map<string, number>,
    accept: (s: IntentScore, clause: string) => boolean,
  ): Promise<Map<string, number>> {
    for (const clause of clauses) {
      for (const s of this.gate.gated(await this.classifier.classify(clause), clause, clause))
        if (s.score > (best.get(s.intent) ?? 0) && accept(s, clause)) best.set(s.intent, s.score);
    }
    return best;
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
    return this.extractor.extract(intent, normalised || text, { ...options, soleParts: true });
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
    return promoted(scores, { intent: exact, score: 1 });
  }
}

/** `scores` with `asked` first: its own score or its clause's, the others kept below it. */
function promoted(scores: readonly IntentScore[], asked: IntentScore): IntentScore[] {
  const own = scores.find((s) => s.intent === asked.intent)?.score ?? 0;
  const top = Math.max(own, asked.score);
  return [
    { intent: asked.intent, score: top },
    ...scores
      .filter((s) => s.intent !== asked.intent)
      .map((s) => ({ ...s, score: Math.min(s.score, top * 0.99) })),
  ];
}
