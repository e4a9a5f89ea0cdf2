/**
 * The second opinion next to NLP.js' perceptron: how close an utterance is to each intent's nearest
 * sample utterance, by tf-idf cosine over the same NLP.js stems. The perceptron is brittle on
 * sentences of known words in a new order or with a word it never saw ("provision another account
 * for the data team" scores 0 everywhere); the nearest sample is not, and it ignores unknown words
 * (the out-of-domain gate is domain-evidence.ts's job, not this one's).
 *
 * Hand-written (about 40 lines) because the installed options do not fit: NLP.js' `CosineSimilarity`
 * compares two raw strings without weights, `natural`'s TfIdf drags in database drivers, and
 * `wink-nlp`'s BM25 vectoriser needs its language model package.
 */

/** Sharpens the cosines before they are shared out, so the nearest intent stands out. */
const SHARPNESS = 2;

interface Row {
  intent: string;
  weights: ReadonlyMap<string, number>;
  norm: number;
}

export class SimilarUtterances {
  private constructor(
    private readonly rows: readonly Row[],
    private readonly idf: ReadonlyMap<string, number>,
  ) {}

  /** Indexes `corpus` (masked training utterances) by their stems, as `prepare` gives them. */
  static async index(
    corpus: readonly { utterance: string; intent: string }[],
    prepare: (text: string) => Promise<Record<string, number>>,
  ): Promise<SimilarUtterances> {
    const docs = await Promise.all(
      corpus.map(async (c) => ({ intent: c.intent, stems: Object.keys(await prepare(c.utterance)) })),
    );
    const df = new Map<string, number>();
    for (const d of docs) for (const s of new Set(d.stems)) df.set(s, (df.get(s) ?? 0) + 1);
    const idf = new Map([...df].map(([s, n]) => [s, Math.log(1 + docs.length / n)]));
    const rows = docs.map((d) => {
      const weights = new Map(d.stems.map((s) => [s, idf.get(s) ?? 0]));
      return { intent: d.intent, weights, norm: Math.hypot(...weights.values()) };
    });
    return new SimilarUtterances(rows, idf);
  }

  /** Intent → share (0..1, summing to 1) of the sharpened cosine of its nearest sample; known stems only. */
  scores(stems: readonly string[]): Map<string, number> {
    const query = new Map(
      stems.flatMap((s) => (this.idf.has(s) ? [[s, this.idf.get(s) ?? 0] as const] : [])),
    );
    const norm = Math.hypot(...query.values());
    const nearest = new Map<string, number>();
    if (norm === 0) return nearest;
    for (const row of this.rows) {
      let dot = 0;
      for (const [s, w] of query) dot += w * (row.weights.get(s) ?? 0);
      const cosine = dot / (norm * row.norm || 1);
      if (cosine > (nearest.get(row.intent) ?? 0)) nearest.set(row.intent, cosine);
    }
    const total = [...nearest.values()].reduce((sum, c) => sum + c ** SHARPNESS, 0);
    return new Map([...nearest].map(([intent, c]) => [intent, total ? c ** SHARPNESS / total : 0]));
  }
}
