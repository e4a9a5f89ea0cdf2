import { nounsOf } from '../../../../../local/lex-runtime/nlu/object-nouns';

describe('nounsOf', () => {
  it('finds the common nouns a sentence names', () => {
    // Prepare
    const text = 'restart the api server and open a support case';

    // Act
    const nouns = nounsOf(text);

    // Assess
    expect([...nouns]).toEqual(expect.arrayContaining(['server', 'case']));
    expect(nouns.has('open')).toBe(false);
  });

  it('leaves verbs and proper nouns out', () => {
    // Prepare
    const text = 'my creds leaked on GitHub';

    // Act
    const nouns = nounsOf(text);

    // Assess
    expect(nouns.has('leaked')).toBe(false);
    expect(nouns.has('github')).toBe(false);
  });
});
