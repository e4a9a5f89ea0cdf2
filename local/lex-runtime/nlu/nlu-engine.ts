/**
 * The local runtime's NLU: what intent an utterance is (an exact sample-utterance match scores 1.0,
 * as in Lex; otherwise the trained classifier), whether it falls below the locale's
 * `NluConfidenceThreshold` (then the fallback intent wins), and which slots it fills.
 */
import type { BotModel } from '../bot-model';
import { IntentClassifier, type IntentScore } from './intent-classifier';
import { type ExtractedSlots, type ExtractOptions, SlotExtractor } from './slot-extractor';

export interface Recognition {
  /** The chosen intent (the fallback intent when nothing is confident enough). */
  intent: string;
  /** Every non-fallback intent with its confidence, best first. */
  scores: IntentScore[];
  slots: ExtractedSlots;
}

export class NluEngine {
  private constructor(
    private readonly model: BotModel,
    private readonly classifier: IntentClassifier,
    private readonly extractor: SlotExtractor,
  ) {}

  /** Trains the classifier and indexes slots for `model`. */
  static async create(model: BotModel): Promise<NluEngine> {
    const classifier = await IntentClassifier.train(model);
    return new NluEngine(model, classifier, new SlotExtractor(model));
  }

  /** Intent scores for `text`; an exact sample-utterance match puts its intent at 1.0. */
  async scores(text: string): Promise<IntentScore[]> {
    const scores = await this.classifier.classify(text);
    const exact = this.exactIntent(text);
    if (!exact) return scores;
    return [
      { intent: exact, score: 1 },
      ...scores
        .filter((s) => s.intent !== exact)
        .map((s) => ({ intent: s.intent, score: Math.min(s.score, 0.99) })),
    ];
  }

  /** Recognises a new request: intent (or fallback) and the slots it fills. */
  async recognize(text: string): Promise<Recognition> {
    const scores = await this.scores(text);
    const top = scores[0];
    const confident = top && top.score >= this.model.nluConfidenceThreshold;
    const intent = confident ? top.intent : this.model.fallback.name;
    return { intent, scores, slots: confident ? this.extract(intent, text) : {} };
  }

  /** The intent whose sample utterance `text` is, exactly (ignoring case and punctuation). */
  exactIntent(text: string): string | undefined {
    return this.model.intents.find((i) => this.extractor.isSampleUtterance(i.name, text))?.name;
  }

  /** Slots of `intent` filled by `text`. */
  extract(intent: string, text: string, options: ExtractOptions = {}): ExtractedSlots {
    return this.extractor.extract(intent, text, options);
  }

  get threshold(): number {
    return this.model.nluConfidenceThreshold;
  }
}
