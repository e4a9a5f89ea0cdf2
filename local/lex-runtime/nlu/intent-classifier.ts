/**
 * Intent classification over the locale's sample utterances with NLP.js (`@nlpjs/nlu`, MIT,
 * maintained, pure JS, offline): its `NluNeural` (a perceptron over English stems, with an
 * unknown-word "None" feature) was chosen after an offline comparison on
 * the 183 paraphrases that now open test/fixtures/nlu-eval.tune.jsonl, same training data and masking: NLP.js 0.96 intent accuracy,
 * `wink-naive-bayes-text-classifier` 0.92, `natural`'s Bayes 0.88 (its logistic regression was
 * lower still, and `natural` drags in database drivers). NLP.js also trains in ~50 ms.
 *
 * It trains on the sample utterances and on the slot labels derived from slot names
 * (`name {AccountName}`, `ou {OrganizationalUnit}`: slot-cues.ts), so "name x, email y, ou z" is
 * a VendAccount. Three things are added around the library, because no candidate does them:
 * - entity-shape masking (emails, request ids, hyphenated names → placeholders) in training and at
 *   run time, so "is payments-api green" and "is web-app green" look the same to the model;
 * - a second opinion, blended half and half with the perceptron: the nearest sample utterance by
 *   tf-idf cosine (similar-utterances.ts), which is steadier on familiar words in a new order;
 * - an out-of-domain gate: the score is scaled down when too few of the utterance's content words
 *   were ever seen in the samples (Lex then picks the fallback intent, below NluConfidenceThreshold);
 *   a single unfamiliar word in an otherwise familiar sentence ("what are your capabilities") is
 *   tolerated.
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { NluNeural } from '@nlpjs/nlu';
import type { BotModel, SlotModel } from '../bot-model';
import { BARE_REPLIES } from './chat-lexicon';
import { SimilarUtterances } from './similar-utterances';
import { slotNameTemplates } from './slot-cues';
import { isStopword, maskEntities } from './text';

export interface IntentScore {
  intent: string;
  score: number;
}

/** Coverage of content words at or above which the classifier's score is kept as is. */
const FULL_COVERAGE = 0.5;
/** Known words (function words included) that make one unknown content word tolerable. */
const FAMILIAR_CONTEXT = 3;
const VARIANTS = 3;
/** The perceptron's share of an intent's score; the rest is the nearest sample's (similar-utterances.ts). */
const PERCEPTRON_SHARE = 0.5;

const EXAMPLE_VALUES: Record<string, string[]> = {
  email: ['dana@example.com'],
  alphanumeric: ['REQ-5G8H3N7Q'],
  number: ['3'],
  firstName: ['Dana'],
  lastName: ['Smith'],
  freeForm: ['something'],
};

function exampleValues(slot: SlotModel): string[] {
  // A synonym that is a bare reply ("no") would make a lone "no" a request: it fills slots, trains nothing.
  const fromType = slot.type.values
    .flatMap((v) => [v.value, ...v.synonyms])
    .filter((w) => !BARE_REPLIES.has(w.toLowerCase()));
  return fromType.length ? fromType : (EXAMPLE_VALUES[slot.type.kind] ?? ['something']);
}

/** Sample utterances with their placeholders filled by example values (a few variants each), masked. */
export function trainingCorpus(model: BotModel): { utterance: string; intent: string }[] {
  const corpus: { utterance: string; intent: string }[] = [];
  for (const intent of model.intents) {
    const slots = new Map(intent.slots.map((s) => [s.name, exampleValues(s)]));
    // Each slot's values are dealt out in turn across its templates, so every value and synonym
    // ("lgtm", "veto") is seen in training, not only the first few.
    const next = new Map<string, number>();
    const templates = [...intent.utterances, ...slotNameTemplates(intent)];
    const uses = (name: string) => templates.filter((t) => t.includes(`{${name}}`)).length;
    const rounds = new Map(
      [...slots].map(([name, values]) => [name, Math.ceil(values.length / Math.max(1, uses(name)))]),
    );
    for (const utterance of templates) {
      const variants = new Set<string>();
      const named = [...utterance.matchAll(/\{(\w+)\}/g)].map((m) => rounds.get(m[1] ?? '') ?? 0);
      for (let k = 0; k < Math.max(VARIANTS, ...named); k += 1) {
        const filled = utterance.replace(/\{(\w+)\}/g, (_, name: string) => {
          const values = slots.get(name) ?? ['something'];
          const at = next.get(name) ?? 0;
          next.set(name, at + 1);
          return values[at % values.length] ?? 'something';
        });
        variants.add(maskEntities(filled));
      }
      for (const v of variants) corpus.push({ utterance: v, intent: intent.name });
    }
  }
  return corpus;
}

/**
 * Runs of two or more parts of the hyphenated example values, spaced ("data lake etl", "payments
 * api"): typed so, a value is a name like its hyphenated form, which training masks. A single part
 * ("backend") is left to the evidence gate: it is as often a word of its own ("is the backend slow").
 */
function spacedValues(model: BotModel): RegExp[] {
  const runs = new Set<string>();
  for (const slot of model.intents.flatMap((i) => i.slots)) {
    for (const { value } of slot.type.values) {
      const parts = value.toLowerCase().split(/[-_]/).filter(Boolean);
      for (let i = 0; i < parts.length; i += 1)
        for (let j = i + 2; j <= parts.length; j += 1) runs.add(parts.slice(i, j).join(' '));
    }
  }
  return [...runs]
    .sort((a, b) => b.length - a.length)
    .map((run) => new RegExp(`(?<![\\p{L}\\p{N}-])${run.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}-])`, 'giu'));
}

/** A trained classifier for one bot locale. */
export class IntentClassifier {
  private constructor(
    private readonly nlu: NluNeural,
    private readonly vocabulary: ReadonlySet<string>,
    /** Hyphenated slot values typed with spaces ("payments api"), longest first: masked as names. */
    private readonly spacedValues: readonly RegExp[],
    private readonly intents: readonly string[],
    private readonly nearest: SimilarUtterances,
  ) {}

  /** Trains on the locale's sample utterances (tens of milliseconds for the catalog). */
  static async train(model: BotModel): Promise<IntentClassifier> {
    const container = containerBootstrap({}, false);
    container.use(LangEn);
    const nlu = new NluNeural({
      locale: 'en',
      container,
      log: false,
      useNoneFeature: true,
      keepStopwords: true,
    });
    const corpus = trainingCorpus(model);
    await nlu.train(corpus);
    const intents = model.intents.filter((i) => !i.isFallback).map((i) => i.name);
    const nearest = await SimilarUtterances.index(corpus, (t) => nlu.prepare(t));
    return new IntentClassifier(
      nlu,
      new Set(Object.keys(nlu.features)),
      spacedValues(model),
      intents,
      nearest,
    );
  }

  /** A score in 0..1 for every non-fallback intent, best first. */
  async classify(text: string): Promise<IntentScore[]> {
    const masked = maskEntities(this.spacedValues.reduce((t, re) => t.replace(re, 'zz-name'), text));
    const { classifications } = await this.nlu.process(masked);
    const stems = Object.keys(await this.nlu.prepare(masked));
    const factor = this.coverageFactor(stems);
    const perceptron = new Map(classifications.map((c) => [c.intent, c.score]));
    const nearest = this.nearest.scores(stems);
    const blend = (intent: string) =>
      PERCEPTRON_SHARE * (perceptron.get(intent) ?? 0) + (1 - PERCEPTRON_SHARE) * (nearest.get(intent) ?? 0);
    const scores = new Map(this.intents.map((intent) => [intent, blend(intent) * factor]));
    return this.intents
      .map((intent) => ({ intent, score: scores.get(intent) ?? 0 }))
      .sort((a, b) => b.score - a.score);
  }

  /** 1 when enough of the utterance's content words (non-stop stems) were seen in training, else less. */
  private coverageFactor(stems: readonly string[]): number {
    const content = stems.filter((s) => !isStopword(s));
    if (content.length === 0) return 1;
    const unknown = content.filter((s) => !this.vocabulary.has(s)).length;
    const known = stems.filter((s) => this.vocabulary.has(s)).length;
    if (unknown <= 1 && known >= FAMILIAR_CONTEXT) return 1;
    return Math.min(1, (content.length - unknown) / content.length / FULL_COVERAGE);
  }
}
