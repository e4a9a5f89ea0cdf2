import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import { trainingCorpus } from '../../../../../local/lex-runtime/nlu/intent-classifier';

const model = compileBotModel(toBotLocale(catalog));

describe('trainingCorpus', () => {
  it('puts every listed value and synonym of a closed-list slot into some training utterance, bare replies aside', () => {
    // Prepare
    const approval = model.intent('PipelineApproval');
    const decision = approval?.slots.find((s) => s.name === 'Decision');
    const words = (decision?.type.values.flatMap((v) => [v.value, ...v.synonyms]) ?? []).filter(
      (w) => w !== 'no',
    );

    // Act
    const texts = trainingCorpus(model)
      .filter((row) => row.intent === 'PipelineApproval')
      .map((row) => ` ${row.utterance.toLowerCase()} `);

    // Assess
    expect(words.length).toBeGreaterThan(10);
    const missing = words.filter((w) => !texts.some((t) => t.includes(` ${w.toLowerCase()} `)));
    expect(missing).toEqual([]);
  });

  it('never trains on a synonym that is a bare reply, so a bare "no" is no request', () => {
    // Prepare
    const corpus = trainingCorpus(model);

    // Act
    const bareNo = corpus.filter((row) => row.utterance.trim().toLowerCase() === 'no');

    // Assess
    expect(bareNo).toEqual([]);
  });
});
