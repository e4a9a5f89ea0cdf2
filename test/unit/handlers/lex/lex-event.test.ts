import type { LexV2Event, LexV2Result } from 'aws-lambda';
import { type LexCodeHookResponse, lexCodeHookEventSchema } from '../../../../handlers/lex/lex-event';
import { loadFixture } from '../../../support/fixtures';

// Compile-time check (tsc runs in `npm test`): what the code hook returns is a `LexV2Result`
// apart from the intent's confirmation state, which Lex accepts and the community type omits.
const isLexV2Result = (
  response: LexCodeHookResponse,
): Omit<LexV2Result, 'sessionState'> & Pick<LexCodeHookResponse, 'sessionState'> => response;

describe('lexCodeHookEventSchema', () => {
  it('parses a Lambda event of the @types/aws-lambda shape', () => {
    // Prepare
    const event = loadFixture<LexV2Event>('lex/fulfillment-pipeline-status.json');
    // Act
    const parsed = lexCodeHookEventSchema.safeParse(event);
    // Assess
    expect(parsed.success).toBe(true);
    expect(parsed.data?.sessionState.intent.name).toBe('PipelineStatus');
  });

  it('types a Close response as a LexV2Result', () => {
    // Prepare
    const response: LexCodeHookResponse = {
      sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'Help', state: 'Fulfilled' } },
      messages: [{ contentType: 'PlainText', content: 'Hi' }],
    };
    // Act
    const typed = isLexV2Result(response);
    // Assess
    expect(typed.messages).toEqual([{ contentType: 'PlainText', content: 'Hi' }]);
  });
});
