/**
 * Bench process C (the ChatOps run only): the local Lex V2 runtime with the fulfillment code hook
 * in the same process on the sandbox world — the stand-in for Amazon Lex and its Lambda code hook,
 * which in production run outside the Slack app. The code hook writes the ledger given in the
 * configuration (its own in-memory twin, or the DynamoDB Local table shared with the app).
 * Prints `{"lex":"http://127.0.0.1:P","botId":…,"botAliasId":…,"localeId":…}`.
 */
import { parseConfig } from '../../handlers/config/load-config';
import { localConfig } from '../../handlers/config/local-config';
import { createCodeHook } from '../../handlers/router';
import { catalog } from '../../intents/catalog';
import { toBotLocale } from '../../intents/lex-definition';
import { LOCAL_LEX_BOT } from '../../local/backend';
import { startLocalLex } from '../../local/lex-runtime/start-local-lex';
import { createSandboxCodeHookDeps } from '../../local/sandbox-deps';
import { createStreamLogger } from '../../local/stdio';
import { type BenchStoreConfig, openBenchStore } from './bench-store';
import { runBenchChild } from './child-entry';

export interface LexChildConfig {
  store: BenchStoreConfig;
}

export interface LexChildInfo {
  lex: string;
  botId: string;
  botAliasId: string;
  localeId: string;
}

runBenchChild<LexChildConfig>('bench Lex runtime', async (config) => {
  const store = openBenchStore(config.store);
  const logger = createStreamLogger(process.stderr, 'ERROR', 'bench-lex');
  const deps = createSandboxCodeHookDeps({ ledger: store.ledger, config: parseConfig(localConfig), logger });
  const lex = await startLocalLex({
    botLocale: toBotLocale(catalog),
    codeHook: createCodeHook(deps),
    ...LOCAL_LEX_BOT,
  });
  const info: LexChildInfo = {
    lex: lex.endpoint,
    botId: lex.botId,
    botAliasId: lex.botAliasId,
    localeId: lex.localeId,
  };
  return {
    info: { ...info },
    report: () => ({ dynamodb: store.calls() }),
    stop: async () => {
      await lex.stop();
      store.close();
    },
  };
});
