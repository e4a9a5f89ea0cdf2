import { isSkeleton, typoDistance } from '../../../../../local/lex-runtime/nlu/typos';

describe('typos', () => {
  it('counts an adjacent swap as one typo, unlike plain Levenshtein', () => {
    // Prepare
    const pairs: [string, string][] = [
      ['accuont', 'account'],
      ['pipelne', 'pipeline'],
    ];

    // Act
    const distances = pairs.map(([a, b]) => typoDistance(a, b));

    // Assess
    expect(distances).toEqual([1, 1]);
  });

  it('reads a consonant skeleton only with the same first and last letters', () => {
    // Prepare
    const pairs: [string, string][] = [
      ['acct', 'account'],
      ['sbx', 'sandbox'],
      ['acnt', 'accounts'],
    ];

    // Act
    const skeletons = pairs.map(([a, b]) => isSkeleton(a, b));

    // Assess
    expect(skeletons).toEqual([true, true, false]);
  });
});
