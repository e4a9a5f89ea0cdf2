import { SimilarUtterances } from '../../../../../local/lex-runtime/nlu/similar-utterances';

const prepare = async (text: string) => Object.fromEntries(text.split(/\s+/).map((w) => [w, 1]));
const corpus = [
  { utterance: 'rotate my access key', intent: 'Rotate' },
  { utterance: 'rotate keys', intent: 'Rotate' },
  { utterance: 'pipeline status', intent: 'Status' },
  { utterance: 'is the build green', intent: 'Status' },
];

describe('SimilarUtterances', () => {
  it('gives the intent of the nearest sample the larger share, shares summing to 1', async () => {
    // Prepare
    const index = await SimilarUtterances.index(corpus, prepare);

    // Act
    const scores = index.scores(['is', 'the', 'pipeline', 'green']);

    // Assess
    expect(scores.get('Status') ?? 0).toBeGreaterThan(scores.get('Rotate') ?? 0);
    expect([...scores.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('ignores words no sample uses, and gives nothing for a sentence of them only', async () => {
    // Prepare
    const index = await SimilarUtterances.index(corpus, prepare);

    // Act
    const withUnknown = index.scores(['rotate', 'frobnicator']);
    const onlyUnknown = index.scores(['frobnicator', 'quux']);

    // Assess
    expect(withUnknown.get('Rotate') ?? 0).toBeGreaterThan(withUnknown.get('Status') ?? 0);
    expect(onlyUnknown.size).toBe(0);
  });
});
