import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import {
  nameVerbsOf,
  narrowVerbsOf,
  slotWordsOf,
} from '../../../../../local/lex-runtime/nlu/catalog-actions';
import { stem } from '../../../../../local/lex-runtime/nlu/text';

const model = compileBotModel(toBotLocale(catalog));

describe('catalog actions', () => {
  it('names the verbs intents are named after that open only their own samples', () => {
    // Act
    const verbs = nameVerbsOf(model);

    // Assess
    expect(verbs.get('rotate')).toBe('RotateAccessKey');
    expect(verbs.get('retry')).toBe('RetryPipelineStage');
    // "request" opens both "request an AWS account" and "request status"; "help" names no action.
    expect(verbs.has('request')).toBe(false);
    expect(verbs.has('help')).toBe(false);
  });

  it('finds the operations we do not offer that samples still ask for on one thing, with their words', () => {
    // Act
    const change = narrowVerbsOf(model).get('change');

    // Assess
    expect([...(change?.intents ?? [])]).toEqual(['RotateAccessKey']);
    expect(change?.stems.has(stem('key'))).toBe(true);
  });

  it("takes the words of slot names no intent's name uses, initials included", () => {
    // Act
    const words = slotWordsOf(model);

    // Assess
    expect(['ou', 'unit', 'email'].every((w) => words.has(stem(w)))).toBe(true);
    expect(['account', 'pipeline', 'name'].some((w) => words.has(stem(w)))).toBe(false);
  });
});
