import { Readable } from 'node:stream';
import { RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { createLexRuntimeClient } from '../../../../bot/conversation/lex-client';

/** A request handler that answers every call with `body` and remembers the requests it got. */
function answering(body: object) {
  const requests: { path: string; headers: Record<string, string> }[] = [];
  return {
    requests,
    handler: {
      handle: async (request: { path: string; headers: Record<string, string> }) => {
        requests.push(request);
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/json' },
            body: Readable.from([Buffer.from(JSON.stringify(body))]),
          },
        };
      },
    },
  };
}

const command = () =>
  new RecognizeTextCommand({
    botId: 'CHATOPSBOT',
    botAliasId: 'TSTALIASID',
    localeId: 'en_US',
    sessionId: 'T0SANDBOX:DALICE0001:UALICE0001',
    text: 'status of pipeline web-app',
  });

describe('createLexRuntimeClient', () => {
  it('sends signed RecognizeText calls and never hands inputs or outputs to the SDK logger', async () => {
    // Prepare
    const fake = answering({ sessionId: 'T0SANDBOX:DALICE0001:UALICE0001', messages: [] });
    const logged: unknown[] = [];
    const record = (...args: unknown[]) => logged.push(args);
    const client = createLexRuntimeClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' },
      requestHandler: fake.handler,
      logger: { debug: record, info: record, warn: record, error: record },
    });

    // Act
    const first = await client.send(command());
    const second = await client.send(command());

    // Assess
    expect([first.sessionId, second.sessionId]).toEqual([
      'T0SANDBOX:DALICE0001:UALICE0001',
      'T0SANDBOX:DALICE0001:UALICE0001',
    ]);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/bots/CHATOPSBOT/botAliases/TSTALIASID/botLocales/en_US/sessions/T0SANDBOX%3ADALICE0001%3AUALICE0001/text',
      '/bots/CHATOPSBOT/botAliases/TSTALIASID/botLocales/en_US/sessions/T0SANDBOX%3ADALICE0001%3AUALICE0001/text',
    ]);
    expect(fake.requests[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    // The SDK still logs its config look-ups to `logger`; no call's input or output reaches it.
    const everythingLogged = JSON.stringify(logged);
    expect(everythingLogged).not.toContain('RecognizeTextCommand');
    expect(everythingLogged).not.toContain('status of pipeline web-app');
    expect(client.middlewareStack.identify().join(' ')).not.toContain('loggerMiddleware');
  });
});
