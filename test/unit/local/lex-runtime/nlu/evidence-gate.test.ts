import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import { contentStems, DomainEvidence } from '../../../../../local/lex-runtime/nlu/domain-evidence';
import { EvidenceGate, NO_EVIDENCE } from '../../../../../local/lex-runtime/nlu/evidence-gate';
import { SlotExtractor } from '../../../../../local/lex-runtime/nlu/slot-extractor';

const model = compileBotModel(toBotLocale(catalog));
const gate = new EvidenceGate(model, new SlotExtractor(model), new DomainEvidence(model), 'Help');

describe('EvidenceGate', () => {
  it('keeps an intent whose listed value is named and scales down the ones without evidence', () => {
    // Prepare
    const scores = [
      { intent: 'PipelineStatus', score: 0.5 },
      { intent: 'VendAccount', score: 0.4 },
    ];

    // Act
    const gated = gate.gated(scores, 'is payments-api green', 'is payments-api green');

    // Assess
    expect(gated[0]?.intent).toBe('PipelineStatus');
    expect(gated[0]?.score).toBeGreaterThan(0.5);
    expect(gated.find((s) => s.intent === 'VendAccount')?.score).toBeCloseTo(0.4 * NO_EVIDENCE);
  });

  it('finds evidence in the clause of the request, whatever another clause names', () => {
    // Prepare
    const text = 'veto the payments deploy, QA found a bug';

    // Act
    const evidenced = gate.evidenced('PipelineApproval', contentStems(text), text);

    // Assess
    expect(evidenced).toBe(true);
  });

  it('takes no word of an intent name as evidence among things the locale does not name', () => {
    // Prepare
    const text = "what's the status of the lambda function order-handler";

    // Act
    const evidenced = gate.evidenced('PipelineStatus', contentStems(text), text);

    // Assess
    expect(evidenced).toBe(false);
  });
});
