/**
 * Starts the local Lex V2 runtime: a loopback HTTP server that `@aws-sdk/client-lex-runtime-v2`
 * talks to unchanged (`endpoint` + `NodeHttpHandler`), built from one bot-locale definition and
 * calling the code hook in-process. Used by `npm run lex:local`, the local stack and the tests.
 */
import type { AddressInfo } from 'node:net';
import type { LexCodeHook } from '../../handlers/lex/lex-event';
import type { LexBotLocale } from '../../intents/lex-bot-locale';
import { createLexHttpServer } from './http/lex-http-server';
import { LocalLexRuntime } from './local-lex-runtime';

export interface StartLocalLexOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  botLocale: LexBotLocale;
  codeHook?: LexCodeHook;
  botId?: string;
  botAliasId?: string;
  idleSessionTtlSeconds?: number;
  /** Clock in epoch milliseconds (tests inject one to expire sessions). */
  now?: () => number;
}

export interface LocalLex {
  /** `http://host:port`, the SDK client's `endpoint`. */
  endpoint: string;
  port: number;
  botId: string;
  botAliasId: string;
  localeId: string;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

const SWEEP_MS = 60_000;

/** Trains the NLU, then listens; resolves once the server accepts connections. */
export async function startLocalLex(options: StartLocalLexOptions): Promise<LocalLex> {
  const runtime = await LocalLexRuntime.create(options);
  const server = createLexHttpServer(runtime);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const sweeper = setInterval(() => runtime.sessions.sweep(), SWEEP_MS);
  sweeper.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    botId: runtime.botId,
    botAliasId: runtime.botAliasId,
    localeId: options.botLocale.LocaleId,
    stop: async () => {
      clearInterval(sweeper);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
