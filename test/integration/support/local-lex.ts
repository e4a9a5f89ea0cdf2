/**
 * Integration-test helper: the local Lex V2 runtime on a free loopback port, built from the
 * catalog's bot locale with the real code-hook router on the sandbox world, and the real
 * `@aws-sdk/client-lex-runtime-v2` client pointed at it (NodeHttpHandler, fake credentials).
 */
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { CodeHookDeps } from '../../../handlers/deps';
import { createCodeHook } from '../../../handlers/router';
import { toBotLocale } from '../../../intents/lex-definition';
import {
  type LocalLex,
  type StartLocalLexOptions,
  startLocalLex,
} from '../../../local/lex-runtime/start-local-lex';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';

export interface LocalLexHarness {
  lex: LocalLex;
  client: LexRuntimeV2Client;
  deps: CodeHookDeps;
  /** The ids every command needs (bot, alias, locale). */
  ids: { botId: string; botAliasId: string; localeId: string };
  /** One RecognizeText turn. */
  say(
    sessionId: string,
    text: string,
    requestAttributes?: Record<string, string>,
  ): Promise<RecognizeTextCommandOutput>;
  stop(): Promise<void>;
}

/** An SDK client for a local runtime at `endpoint`. */
export function localLexClient(endpoint: string): LexRuntimeV2Client {
  return new LexRuntimeV2Client({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCALLEX', secretAccessKey: 'local-lex-not-a-secret' },
    requestHandler: new NodeHttpHandler(),
    maxAttempts: 1,
  });
}

/** Starts the runtime (catalog locale, sandbox router unless overridden) and a client for it. */
export async function startLocalLexHarness(
  options: Partial<StartLocalLexOptions> & { deps?: CodeHookDeps } = {},
): Promise<LocalLexHarness> {
  const deps = options.deps ?? createSandboxCodeHookDeps();
  const lex = await startLocalLex({
    botLocale: toBotLocale(deps.catalog),
    codeHook: createCodeHook(deps),
    ...options,
  });
  const client = localLexClient(lex.endpoint);
  const ids = { botId: lex.botId, botAliasId: lex.botAliasId, localeId: lex.localeId };
  return {
    lex,
    client,
    deps,
    ids,
    say: (sessionId, text, requestAttributes) =>
      client.send(
        new RecognizeTextCommand({
          ...ids,
          sessionId,
          text,
          ...(requestAttributes ? { requestAttributes } : {}),
        }),
      ),
    stop: async () => {
      client.destroy();
      await lex.stop();
    },
  };
}
