/**
 * Bench process B: the Slack app under test, alone in its process — the bare Bolt echo app
 * (./echo-app.ts), the Bolt + Lex echo app (./lex-echo-app.ts), or the ChatOps
 * Bolt app from `createSlackApp` over HTTP
 * (ack → de-dup → Lex over HTTP → Block Kit reply → App Home), as it would run on its own host.
 * Its Web API calls go to the Slack emulator in the parent process; the ChatOps app's Lex calls go
 * to process C (./lex-runtime.child.ts). Prints `{"eventsUrl":"http://127.0.0.1:P/slack/events"}`.
 */
import { createSlackApp } from '../../bot/app';
import { parseConfig } from '../../handlers/config/load-config';
import { localConfig } from '../../handlers/config/local-config';
import { localIdentityKey, staticIdentityKeys } from '../../handlers/identity/identity-keys';
import { localLexRuntimeClient } from '../../local/backend';
import { createStreamLogger } from '../../local/stdio';
import { type BenchStoreConfig, openBenchStore } from './bench-store';
import { type ChildRun, runBenchChild } from './child-entry';
import { startEchoApp } from './echo-app';
import { startLexEchoApp } from './lex-echo-app';
import type { LexChildInfo } from './lex-runtime.child';

interface CommonConfig {
  signingSecret: string;
  botToken: string;
  slackApiUrl: string;
}

export type AppChildConfig =
  | (CommonConfig & { app: 'echo' })
  | (CommonConfig & { app: 'lex-echo'; lex: LexChildInfo })
  | (CommonConfig & { app: 'chatops'; lex: LexChildInfo; store: BenchStoreConfig });

async function startChatOps(config: Extract<AppChildConfig, { app: 'chatops' }>): Promise<ChildRun> {
  const store = openBenchStore(config.store);
  const client = localLexRuntimeClient(config.lex.lex);
  const app = createSlackApp({
    signingSecret: config.signingSecret,
    botToken: config.botToken,
    slackApiUrl: config.slackApiUrl,
    mode: { kind: 'http', port: 0, host: '127.0.0.1' },
    lex: {
      client,
      botId: config.lex.botId,
      botAliasId: config.lex.botAliasId,
      localeId: config.lex.localeId,
    },
    ledger: store.ledger,
    dedup: store.dedup,
    config: parseConfig(localConfig),
    // The bench parent sets CHATOPS_IDENTITY_KEY for both children, so the Lex child verifies what this signs.
    identityKeys: staticIdentityKeys({ current: localIdentityKey() }),
    logger: createStreamLogger(process.stderr, 'ERROR', 'bench-app'),
    // The per-user limit (20 turns a minute) would defer most bench turns; the bench measures capacity.
    rateLimit: { turnsPerMinute: 1_000_000 },
  });
  const { url } = await app.start();
  return {
    info: { eventsUrl: url ?? '' },
    report: () => ({ dynamodb: store.calls() }),
    stop: async () => {
      await app.stop();
      client.destroy();
      store.close();
    },
  };
}

async function startEcho(config: CommonConfig): Promise<ChildRun> {
  const echo = await startEchoApp(config);
  return { info: { eventsUrl: echo.eventsUrl }, stop: () => echo.stop() };
}

async function startLexEcho(config: Extract<AppChildConfig, { app: 'lex-echo' }>): Promise<ChildRun> {
  const client = localLexRuntimeClient(config.lex.lex);
  const { botId, botAliasId, localeId } = config.lex;
  const echo = await startLexEchoApp({ ...config, lex: { client, botId, botAliasId, localeId } });
  return {
    info: { eventsUrl: echo.eventsUrl },
    stop: async () => {
      await echo.stop();
      client.destroy();
    },
  };
}

runBenchChild<AppChildConfig>('bench Slack app', (config) => {
  if (config.app === 'echo') return startEcho(config);
  if (config.app === 'lex-echo') return startLexEcho(config);
  return startChatOps(config);
});
