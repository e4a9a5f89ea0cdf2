import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import { Vocabulary } from '../../../../../local/lex-runtime/nlu/vocabulary';

const vocabulary = new Vocabulary(compileBotModel(toBotLocale(catalog)));

describe('Vocabulary', () => {
  it('resolves consonant skeletons and prefixes of exactly one catalog word', () => {
    // Prepare
    const words = ['acct', 'chk', 'creds', 'pipe'];

    // Act
    const resolved = words.map((w) => vocabulary.resolve(w));

    // Assess
    expect(resolved).toEqual(['account', 'check', 'credentials', 'pipeline']);
  });

  it('reads an irregular form of a catalog verb as that verb, common word or not', () => {
    // Prepare
    const words = ['spun', 'broke'];

    // Act
    const resolved = words.map((w) => vocabulary.resolve(w));

    // Assess
    expect(resolved).toEqual(['spin', 'broken']);
  });

  it('leaves known words, stop words, ambiguous shortenings and non-letters alone', () => {
    // Prepare
    const words = ['account', 'the', 'acc', 'web-app', 'req5g8h3n7q'];

    // Act
    const resolved = words.map((w) => vocabulary.resolve(w));

    // Assess
    expect(resolved).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('leaves a word of the same family as a catalog word alone, but reads a plural as its singular', () => {
    // Prepare
    const words = ['approvers', 'builder', 'secret', 'builds'];

    // Act
    const resolved = words.map((w) => vocabulary.resolve(w));

    // Assess
    expect(resolved).toEqual([undefined, undefined, undefined, 'build']);
  });

  it('tells whether the catalog wording uses a word of the same stem, slot values aside', () => {
    // Prepare
    const words = ['pipelines', 'approving', 'alice', 'baseline'];

    // Act
    const used = words.map((w) => vocabulary.inWording(w));

    // Assess
    expect(used).toEqual([true, true, false, false]);
  });
});
