import { catalog } from '../../../../intents/catalog';
import { toBotLocale } from '../../../../intents/lex-definition';
import { LocalLexRuntime } from '../../../../local/lex-runtime/local-lex-runtime';

const key = (overrides: Partial<Record<'botId' | 'botAliasId' | 'localeId' | 'sessionId', string>> = {}) => ({
  botId: 'CHATOPSBOT',
  botAliasId: 'TSTALIASID',
  localeId: 'en_US',
  sessionId: 'session-1',
  ...overrides,
});

let runtime: LocalLexRuntime;
beforeAll(async () => {
  runtime = await LocalLexRuntime.create({ botLocale: toBotLocale(catalog) });
});

describe('LocalLexRuntime input checks', () => {
  it('rejects text over 1024 characters with a ValidationException', async () => {
    // Prepare
    const text = 'a'.repeat(1025);

    // Act
    const act = runtime.recognizeText(key(), { text });

    // Assess
    await expect(act).rejects.toMatchObject({
      errorType: 'ValidationException',
      httpStatus: 400,
      message: expect.stringContaining("at 'text' failed to satisfy constraint"),
    });
  });

  it.each(['x', 'has space', 'a'.repeat(101)])('rejects the session id "%s"', async (sessionId) => {
    // Prepare
    const body = { text: 'help' };

    // Act
    const act = runtime.recognizeText(key({ sessionId }), body);

    // Assess
    await expect(act).rejects.toMatchObject({ errorType: 'ValidationException', httpStatus: 400 });
  });

  it.each([
    ['botId', 'OTHERBOT01'],
    ['botAliasId', 'OTHERALIAS'],
    ['localeId', 'fr_FR'],
  ])('answers ResourceNotFoundException for an unknown %s', async (field, value) => {
    // Prepare
    const body = { text: 'help' };

    // Act
    const act = runtime.recognizeText(key({ [field]: value }), body);

    // Assess
    await expect(act).rejects.toMatchObject({ errorType: 'ResourceNotFoundException', httpStatus: 404 });
  });
});

describe('LocalLexRuntime sessions', () => {
  it('answers GetSession and DeleteSession for unknown sessions with ResourceNotFoundException', () => {
    // Prepare
    const unknown = key({ sessionId: 'never-seen' });

    // Act
    const get = () => runtime.getSession(unknown);
    const del = () => runtime.deleteSession(unknown);

    // Assess
    expect(get).toThrow(expect.objectContaining({ errorType: 'ResourceNotFoundException' }));
    expect(del).toThrow(expect.objectContaining({ errorType: 'ResourceNotFoundException' }));
  });

  it('continues a dialog put in place by PutSession and shows it in GetSession', async () => {
    // Prepare
    await runtime.putSession(key({ sessionId: 'put-1' }), {
      sessionState: {
        sessionAttributes: { origin: 'test' },
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'PipelineName' },
        intent: { name: 'PipelineStatus', state: 'InProgress' },
      },
    });

    // Act
    const turn = await runtime.recognizeText(key({ sessionId: 'put-1' }), { text: 'payments-api' });
    const view = runtime.getSession(key({ sessionId: 'put-1' }));

    // Assess
    expect(turn.sessionState.intent?.slots?.PipelineName?.value?.interpretedValue).toBe('payments-api');
    expect(view.sessionState).toMatchObject({
      sessionAttributes: { origin: 'test' },
      intent: { name: 'PipelineStatus' },
    });
  });

  it('runs the next step at once when PutSession delegates', async () => {
    // Prepare
    const body = {
      sessionState: {
        dialogAction: { type: 'Delegate' },
        intent: { name: 'VendAccount', state: 'InProgress' },
      },
    };

    // Act
    const result = await runtime.putSession(key({ sessionId: 'put-2' }), body);

    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountName' });
    expect(result.messages?.[0]?.content).toMatch(/^What should the new account be called\?/);
  });

  it('requires a session state in PutSession and a known intent name', async () => {
    // Prepare
    const missing = {};
    const unknown = { sessionState: { intent: { name: 'OrderPizza' } } };

    // Act
    const acts = [runtime.putSession(key(), missing), runtime.putSession(key(), unknown)];

    // Assess
    await expect(acts[0]).rejects.toMatchObject({ errorType: 'ValidationException' });
    await expect(acts[1]).rejects.toMatchObject({ errorType: 'ValidationException' });
  });
});
