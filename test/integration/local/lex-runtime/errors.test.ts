/** Lex V2 error shapes from the local runtime, as the SDK client and a raw HTTP client see them. */
import { GetSessionCommand, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { type LocalLexHarness, startLocalLexHarness } from '../../support/local-lex';

let harness: LocalLexHarness;
beforeAll(async () => {
  harness = await startLocalLexHarness();
});
afterAll(async () => {
  await harness.stop();
});

async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

describe('ValidationException (400)', () => {
  it('is returned for text over 1024 characters', async () => {
    // Prepare
    const command = new RecognizeTextCommand({ ...harness.ids, sessionId: 'err-1', text: 'x'.repeat(1025) });

    // Act
    const error = await failure(harness.client.send(command));

    // Assess
    expect(error).toEqual({
      name: 'ValidationException',
      status: 400,
      message:
        "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must have length less than or equal to 1024",
    });
  });

  it('is returned for a session id outside [0-9a-zA-Z._:-]', async () => {
    // Prepare
    const command = new RecognizeTextCommand({ ...harness.ids, sessionId: 'bad id!', text: 'help' });

    // Act
    const error = await failure(harness.client.send(command));

    // Assess
    expect(error.name).toBe('ValidationException');
    expect(error.status).toBe(400);
    expect(error.message).toContain("at 'sessionId' failed to satisfy constraint");
  });

  it('carries x-amzn-ErrorType and a JSON {message} body on the wire', async () => {
    // Prepare
    const url = `${harness.lex.endpoint}/bots/CHATOPSBOT/botAliases/TSTALIASID/botLocales/en_US/sessions/raw-1/text`;

    // Act
    const response = await fetch(url, { method: 'POST', body: JSON.stringify({ text: 'y'.repeat(1025) }) });
    const body = (await response.json()) as Record<string, unknown>;

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(Object.keys(body)).toEqual(['message']);
  });
});

describe('ResourceNotFoundException (404)', () => {
  it.each([
    ['bot', { botId: 'NOSUCHBOT1' }],
    ['alias', { botAliasId: 'NOSUCHALIA' }],
    ['locale', { localeId: 'de_DE' }],
  ])('is returned for an unknown %s', async (_what, override) => {
    // Prepare
    const command = new RecognizeTextCommand({
      ...harness.ids,
      ...override,
      sessionId: 'err-2',
      text: 'help',
    });

    // Act
    const error = await failure(harness.client.send(command));

    // Assess
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.status).toBe(404);
  });

  it('is returned by GetSession for a session that does not exist', async () => {
    // Prepare
    const command = new GetSessionCommand({ ...harness.ids, sessionId: 'never-started' });

    // Act
    const error = await failure(harness.client.send(command));

    // Assess
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });
});
