/**
 * Evidence that an utterance is about one intent: the intent's domain words, learnt from its sample
 * utterances, its slots' sample utterances and its slot values. A word counts by how specific it is
 * to the intent (its share of the word's occurrences across intents: "rotate" is all
 * RotateAccessKey's, "status" half PipelineStatus' and half RequestStatus'), so a sentence that only
 * shares generic words with an intent ("how much did we spend on aws") carries too little evidence
 * and falls back. Words are compared as NLP.js English stems.
 *
 * Hand-written: NLP.js' classifier has no notion of "evidence for this intent" beyond its score,
 * which it spreads over the known intents even for sentences that are about none of them.
 */
import { StemmerEn } from '@nlpjs/lang-en-min';
import type { BotModel, IntentModel } from '../bot-model';
import { isStopword, tokenize } from './text';

const stemmer = new StemmerEn();

/** Distinct content stems of a text (letters-only words that are not stop words). */
export function contentStems(text: string): string[] {
  const words = tokenize(text.replace(/\{\w+\}/g, ' ')).map((t) => t.lower);
  return [
    ...new Set(words.filter((w) => /^\p{L}{2,}$/u.test(w) && !isStopword(w)).map((w) => stemmer.stemWord(w))),
  ];
}

function intentTexts(intent: IntentModel): string[] {
  return [
    ...intent.utterances,
    ...intent.slots.flatMap((s) => [
      ...s.sampleUtterances,
      ...s.type.values.flatMap((v) => [v.value, ...v.synonyms]),
    ]),
  ];
}

/** Per-intent domain words of one bot locale. */
export class DomainEvidence {
  /** Stem → intent → number of the intent's texts that use it. */
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(model: BotModel) {
    for (const intent of model.intents.filter((i) => !i.isFallback)) {
      for (const text of intentTexts(intent)) {
        for (const stem of contentStems(text)) {
          const byIntent = this.counts.get(stem) ?? new Map<string, number>();
          byIntent.set(intent.name, (byIntent.get(intent.name) ?? 0) + 1);
          this.counts.set(stem, byIntent);
        }
      }
    }
  }

  /** Sum over the text's content stems of their specificity to `intent` (0 when none is its). */
  score(intent: string, stems: readonly string[]): number {
    let score = 0;
    for (const stem of stems) {
      const byIntent = this.counts.get(stem);
      if (!byIntent) continue;
      const total = [...byIntent.values()].reduce((a, b) => a + b, 0);
      score += (byIntent.get(intent) ?? 0) / total;
    }
    return score;
  }
}
