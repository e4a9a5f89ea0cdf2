import {
  DependencyFailedException,
  LexRuntimeV2Client,
  RecognizeTextCommand,
  ThrottlingException,
} from '@aws-sdk/client-lex-runtime-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { LexUnavailableError, recognizeText, toLexReply } from '../../../../bot/conversation/lex-client';
import { lexFixtures } from '../support/lex-fixtures';

const lex = mockClient(LexRuntimeV2Client);
const bot = {
  client: new LexRuntimeV2Client({ region: 'us-east-1' }),
  botId: 'CHATOPSBOT',
  botAliasId: 'TSTALIASID',
  localeId: 'en_US',
};

afterEach(() => lex.reset());

describe('recognizeText', () => {
  it('sends the text, session and identity attributes to the configured bot', async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves(lexFixtures.elicitSlot);
    const attrs = { 'chatops:slackUserId': 'UALICE0001' };

    // Act
    const reply = await recognizeText(bot, {
      sessionId: 'T0SANDBOX:DALICE0001:UALICE0001',
      text: 'hi',
      requestAttributes: attrs,
    });

    // Assess
    const input = lex.commandCalls(RecognizeTextCommand)[0]?.args[0].input;
    expect(input).toEqual({
      botId: 'CHATOPSBOT',
      botAliasId: 'TSTALIASID',
      localeId: 'en_US',
      sessionId: 'T0SANDBOX:DALICE0001:UALICE0001',
      text: 'hi',
      requestAttributes: attrs,
    });
    expect(reply).toEqual({
      messages: ['Is this a Sandbox or a Production account?'],
      cardButtons: [],
      dialogAction: 'ElicitSlot',
      slotToElicit: 'AccountType',
      intentName: 'VendAccount',
      intentState: 'InProgress',
    });
  });

  it('maps throttling to a specific, retryable message', async () => {
    // Prepare
    lex.on(RecognizeTextCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));

    // Act
    const error = await recognizeText(bot, { sessionId: 'ab', text: 'hi', requestAttributes: {} }).catch(
      (e) => e,
    );

    // Assess
    expect(error).toBeInstanceOf(LexUnavailableError);
    expect(error).toMatchObject({
      lexError: 'ThrottlingException',
      retryable: true,
      code: 'LEX_UNAVAILABLE',
    });
    expect(error.message).toMatch(/busy/);
  });

  it('says nothing was changed when the code hook failed', async () => {
    // Prepare
    lex
      .on(RecognizeTextCommand)
      .rejects(new DependencyFailedException({ message: 'Lambda error', $metadata: {} }));

    // Act
    const error = await recognizeText(bot, { sessionId: 'ab', text: 'hi', requestAttributes: {} }).catch(
      (e) => e,
    );

    // Assess
    expect(error.message).toMatch(/nothing was changed/);
    expect(error.message).not.toMatch(/Lambda error/);
  });

  it('maps a network failure to "cannot reach"', async () => {
    // Prepare
    lex
      .on(RecognizeTextCommand)
      .rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { name: 'Error' }));

    // Act
    const error = await recognizeText(bot, { sessionId: 'ab', text: 'hi', requestAttributes: {} }).catch(
      (e) => e,
    );

    // Assess
    expect(error.message).toMatch(/cannot reach the conversation service/);
    expect(error.message).not.toMatch(/127\.0\.0\.1/);
  });
});

describe('toLexReply', () => {
  it('turns response-card buttons into choices and uses the card title as text', () => {
    // Prepare
    const response = lexFixtures.responseCard;

    // Act
    const reply = toLexReply(response);

    // Assess
    expect(reply.messages).toEqual(['Which pipeline?']);
    expect(reply.cardButtons).toEqual([
      { text: 'web-app', value: 'web-app' },
      { text: 'payments-api', value: 'payments-api' },
    ]);
  });

  it('copes with an empty response', () => {
    // Prepare / Act
    const reply = toLexReply({});

    // Assess
    expect(reply).toEqual({ messages: [], cardButtons: [] });
  });
});
