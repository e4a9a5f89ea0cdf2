/**
 * `npm run lex:local -- --port N [--host H] [--idle-ttl SECONDS]`: the local Lex V2 runtime alone,
 * built from the catalog's bot locale (bot CHATOPSBOT, alias TSTALIASID, locale en_US), with the
 * code hook in-process on the sandbox world. Prints one JSON line with the endpoint; stops cleanly
 * on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../handlers/config/load-config';
import { createCodeHook } from '../handlers/router';
import { toBotLocale } from '../intents/lex-definition';
import { startLocalLex } from './lex-runtime/start-local-lex';
import { createSandboxCodeHookDeps } from './sandbox-deps';

/** Parses the CLI flags; throws with a usage message on bad input. */
export function parseLexLocalArgs(argv: readonly string[]): { port: number; host: string; idleTtl: number } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'idle-ttl': { type: 'string', default: '300' },
    },
  });
  const port = Number(values.port);
  const idleTtl = Number(values['idle-ttl']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got "${values.port}"`);
  if (!Number.isInteger(idleTtl) || idleTtl < 1)
    throw new Error(`--idle-ttl must be a positive integer of seconds`);
  return { port, host: values.host, idleTtl };
}

async function main(): Promise<void> {
  const { port, host, idleTtl } = parseLexLocalArgs(process.argv.slice(2));
  // CHATOPS_CONFIG / CHATOPS_CONFIG_FILE when set (e.g. `examples.enabled`), else the sandbox config.
  const deps = createSandboxCodeHookDeps({ config: loadConfig() });
  const lex = await startLocalLex({
    port,
    host,
    botLocale: toBotLocale(deps.catalog),
    codeHook: createCodeHook(deps),
    idleSessionTtlSeconds: idleTtl,
  });
  process.stdout.write(
    `${JSON.stringify({ lex: lex.endpoint, botId: lex.botId, botAliasId: lex.botAliasId, localeId: lex.localeId })}\n`,
  );
  const shutdown = () => {
    lex.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`lex:local failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
