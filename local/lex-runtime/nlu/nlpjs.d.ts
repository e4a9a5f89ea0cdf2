/**
 * Minimal type declarations for the parts of NLP.js v4 (@nlpjs/*, MIT, no bundled types) that the
 * local Lex runtime uses. Only what is called is declared.
 */
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(settings?: Record<string, unknown>, mustLoadEnv?: boolean): NlpContainer;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
  export class StopwordsEn {
    isStopword(token: string): boolean;
  }
  export class StemmerEn {
    stemWord(word: string): string;
  }
}

declare module '@nlpjs/nlu' {
  import type { NlpContainer } from '@nlpjs/core';

  export interface NluClassification {
    intent: string;
    score: number;
  }

  export class NluNeural {
    constructor(settings: Record<string, unknown> & { container: NlpContainer });
    /** Feature (stem) → 1 for every feature seen in training. */
    features: Record<string, number>;
    train(corpus: { utterance: string; intent: string }[]): Promise<unknown>;
    process(text: string): Promise<{ classifications: NluClassification[] }>;
    prepare(text: string): Promise<Record<string, number>>;
  }
}

declare module '@nlpjs/similarity' {
  /** Levenshtein distance between two strings. */
  export function leven(a: string, b: string): number;
}

/** wink-pos-tagger v2 (MIT, no bundled types): only `tagSentence` is used. */
declare module 'wink-pos-tagger' {
  interface TaggedToken {
    value: string;
    tag: 'word' | 'punctuation' | 'number' | 'email' | 'symbol' | string;
    /** Penn Treebank tag (NN, NNS, NNP, VB, JJ, …). */
    pos: string;
    normal: string;
  }
  class PosTagger {
    tagSentence(sentence: string): TaggedToken[];
  }
  export = PosTagger;
}

/** wink-lexicon v2 (MIT, no bundled types): only the word → Penn Treebank tags map is used. */
declare module 'wink-lexicon' {
  const lexicon: { lexicon: Record<string, string[]> };
  export = lexicon;
}

/** wink-lemmatizer v3 (MIT, no bundled types): only the verb lemmatizer is used. */
declare module 'wink-lemmatizer' {
  /** The base form of a verb ("broke", "broken" → break). */
  export function lemmatizeVerb(word: string): string;
}
