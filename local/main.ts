/**
 * `npm start`: the offline local stack with the terminal chat (DESIGN §4, §5).
 *
 *   npm start                                   Slack emulator + terminal chat
 *   npm start -- --headless                     first stdout line: endpoints + signing secret (JSON),
 *                                               then one JSON line per outgoing notification
 *   npm start -- --headless --slack-api-url URL Bolt's Web API calls go to URL
 *   npm start -- --port N                       Bolt's HTTP port (default: a free one)
 *   SLACK_BOT_TOKEN + SLACK_APP_TOKEN set       real Slack over Socket Mode instead of the emulator
 *   SLACK_BOT_TOKEN alone + --slack-api-url     that token is sent to URL (default: a random one per run)
 *
 * Logs go to stderr in headless mode and to .chatops/local.log behind the terminal chat; stdout
 * carries only the chat or the JSON lines. Ctrl-C / SIGTERM stop everything, DynamoDB Local's Java
 * process included, and then the process exits.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../handlers/config/load-config';
import type { Logger } from '../handlers/logger';
import { LocalUsageError } from './local-errors';
import type { EmailNotification } from './notifications';
import { SANDBOX_USERS } from './sandbox-users';
import { type LocalStack, startLocalStack } from './stack';
import { createStreamLogger, type JsonLineChannel, openLogFile, reserveStdoutForJsonLines } from './stdio';
import { startTerminalChat, type TerminalChat } from './terminal-chat/terminal-chat';

const LOG_FILE = '.chatops/local.log';
const STOP_TIMEOUT_MS = 15_000;

interface CliOptions {
  headless: boolean;
  slackApiUrl?: string;
  port?: number;
}

function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      headless: { type: 'boolean', default: false },
      'slack-api-url': { type: 'string' },
      port: { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new LocalUsageError(`--port must be a port number (0-65535), got "${values.port}"`);
  }
  const slackApiUrl = values['slack-api-url'];
  if (slackApiUrl !== undefined && !URL.canParse(slackApiUrl)) {
    throw new LocalUsageError(
      `--slack-api-url must be a URL such as http://127.0.0.1:3000/api/, got "${slackApiUrl}"`,
    );
  }
  return {
    headless: values.headless ?? false,
    ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}),
    ...(port !== undefined ? { port } : {}),
  };
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  const json: JsonLineChannel | undefined = cli.headless ? reserveStdoutForJsonLines() : undefined;
  const logger = createStreamLogger(
    cli.headless ? process.stderr : openLogFile(LOG_FILE),
    process.env.LOG_LEVEL,
  );
  const early: EmailNotification[] = [];
  let chat: TerminalChat | undefined;
  const sink = (n: EmailNotification) =>
    json ? json.writeJsonLine(n) : chat ? chat.notify(n) : early.push(n);
  const env = process.env;
  const realSlack =
    env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN
      ? { botToken: env.SLACK_BOT_TOKEN, appToken: env.SLACK_APP_TOKEN }
      : undefined;
  if (!cli.headless)
    process.stderr.write(
      `Starting the local stack (DynamoDB Local, local Lex, ${realSlack ? 'Slack Socket Mode' : 'Slack emulator'})…\n`,
    );
  // A signal during start-up is remembered and acted on once the stack is up (or has failed and cleaned up).
  let signalled: string | undefined;
  const onEarlySignal = (why: string) => {
    signalled = why;
  };
  process.once('SIGINT', onEarlySignal);
  process.once('SIGTERM', onEarlySignal);
  const stack = await startLocalStack({
    config: loadConfig(),
    logger,
    sink,
    ...(cli.slackApiUrl ? { slackApiUrl: cli.slackApiUrl } : {}),
    ...(cli.slackApiUrl && env.SLACK_BOT_TOKEN && !realSlack ? { botToken: env.SLACK_BOT_TOKEN } : {}),
    ...(cli.port !== undefined ? { port: cli.port } : {}),
    ...(realSlack ? { realSlack } : {}),
    realAws: realSlack
      ? { tableName: env.TABLE_NAME, lexBotId: env.LEX_BOT_ID, lexBotAliasId: env.LEX_BOT_ALIAS_ID }
      : {},
  });
  const shutdown = onceShutdown(stack, logger, () => chat?.close());
  process.removeListener('SIGINT', onEarlySignal);
  process.removeListener('SIGTERM', onEarlySignal);
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (signalled) return shutdown(signalled);
  if (json) {
    json.writeJsonLine({
      slackEvents: stack.slackEventsUrl ?? null,
      approvals: stack.approvalsUrl,
      lex: stack.lexEndpoint,
      signingSecret: stack.signingSecret,
    });
    return;
  }
  if (stack.emulator && stack.sender) {
    chat = startTerminalChat({
      emulator: stack.emulator,
      sender: stack.sender,
      users: SANDBOX_USERS,
      onQuit: () => void shutdown('quit'),
    });
    for (const n of early.splice(0)) chat.notify(n);
    return;
  }
  process.stderr.write(
    realSlack
      ? 'Connected to Slack over Socket Mode. Talk to the bot in Slack; Ctrl-C stops.\n'
      : `Bolt listens at ${stack.slackEventsUrl}; its Web API calls go to ${cli.slackApiUrl}. Use --headless to get the signing secret.\n`,
  );
}

/** A shutdown that runs once, stops the stack (bounded in time) and exits. */
function onceShutdown(
  stack: LocalStack,
  logger: Logger,
  beforeStop: () => void,
): (why: string) => Promise<void> {
  let stopping = false;
  return async (why) => {
    if (stopping) return;
    stopping = true;
    beforeStop();
    logger.info('Shutting down the local stack', { why });
    process.stderr.write('Stopping the local stack…\n');
    const timer = setTimeout(() => {
      process.stderr.write('The local stack did not stop in time; exiting anyway.\n');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    await stack.stop();
    clearTimeout(timer);
    process.stderr.write('Stopped.\n');
    process.exit(0);
  };
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`npm start failed: ${message}\n`);
  process.exit(1);
});
