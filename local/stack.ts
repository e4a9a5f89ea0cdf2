/**
 * The composition root of `npm start` (DESIGN §4): the backend (./backend.ts) plus the Slack side —
 * the bot's Bolt app over HTTP on loopback with the Slack emulator (or the Web API at
 * `--slack-api-url`), or, with real Slack tokens, the same app in Socket Mode. A random signing
 * secret and bot token are made per run; the caller decides what to print (only the headless line
 * shows the signing secret, as DESIGN §5 requires). Callable in-process (tests, the benchmark).
 */
import { randomBytes } from 'node:crypto';
import { webApi } from '@slack/bolt';
import { type ChatOpsSlackApp, createSlackApp } from '../bot/app';
import { SlackChatNotifier } from '../bot/slack/slack-chat-notifier';
import { createSlackWebClient } from '../bot/slack/slack-client';
import { WebClientSlackGateway } from '../bot/slack/slack-gateway';
import type { ChatOpsConfig } from '../handlers/config/config.schema';
import type { Logger } from '../handlers/logger';
import { type LocalBackend, type LocalBackendOptions, Stoppers, startLocalBackend } from './backend';
import { DeferredChatNotifier } from './deferred-chat-notifier';
import type { LocalKeyRotation } from './key-sweeper';
import type { NotificationSink } from './notifications';
import {
  EMULATED_USERS,
  type EmulatedSlackUser,
  SANDBOX_BOT,
  SANDBOX_TEAM_ID,
  SANDBOX_USERS,
} from './sandbox-users';
import { SlackSender } from './slack-emulator/sender';
import { type SlackWebApiEmulator, startSlackWebApi } from './slack-emulator/web-api';

export interface LocalStackOptions {
  config: ChatOpsConfig;
  logger: Logger;
  sink: NotificationSink;
  /** Send Bolt's Web API calls here instead of the built-in emulator. */
  slackApiUrl?: string;
  /** The bot token for `slackApiUrl` (default: a random one per run). */
  botToken?: string;
  /** Bolt's HTTP port (default: a free one). */
  port?: number;
  /** Real Slack in Socket Mode (SLACK_BOT_TOKEN + SLACK_APP_TOKEN). */
  realSlack?: { botToken: string; appToken: string };
  realAws?: { tableName?: string; lexBotId?: string; lexBotAliasId?: string };
  /** The users the emulator knows (default: the sandbox users). */
  users?: readonly EmulatedSlackUser[];
  rateLimit?: { turnsPerMinute: number };
  /** See {@link LocalBackendOptions.store}. */
  store?: 'dynamodb-local' | 'memory';
  /** See {@link LocalBackendOptions.dynamodbLocalEndpoint}. */
  dynamodbLocalEndpoint?: string;
  /** See {@link LocalBackendOptions.clock}. */
  clock?: () => Date;
  /** See {@link LocalBackendOptions.pipelineRunMs}. */
  pipelineRunMs?: number;
  /** See {@link LocalBackendOptions.vending}. */
  vending?: LocalBackendOptions['vending'];
}

interface BotIds {
  botUserId: string;
  botId: string;
}

export interface LocalStack {
  /** Absent in Socket Mode (Slack connects out over a WebSocket instead). */
  slackEventsUrl?: string;
  approvalsUrl: string;
  lexEndpoint: string;
  /** Per-run secret the Bolt app verifies requests with. */
  signingSecret: string;
  teamId: string;
  /** The built-in Slack emulator (absent with `slackApiUrl` or real Slack). */
  emulator?: SlackWebApiEmulator;
  /** Signs and sends Slack requests to the app (absent with real Slack). */
  sender?: SlackSender;
  /** Key rotation's sandbox twins and the key sweeper. */
  keys: LocalKeyRotation;
  /** The worked example's group-membership expiry sweep (only with `examples.enabled`). */
  groups?: LocalBackend['groups'];
  /** The request ledger the stack writes (tests read requests and their audit trail). */
  ledger: LocalBackend['ledger'];
  /** The sandbox CodePipeline and its notifications (emit an EventBridge event). */
  pipelines: LocalBackend['pipelines'];
  /** Sandbox account vending: its Service Catalog twin (what was provisioned), the poller. */
  vending: LocalBackend['vending'];
  /** Resolves when every turn started so far has finished. */
  idle(): Promise<void>;
  /** Stops everything (DynamoDB Local's Java process included); safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the whole local stack. On failure, whatever was started is stopped again. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stoppers = new Stoppers(options.logger);
  try {
    const notifier = new DeferredChatNotifier();
    const backend = await startLocalBackend({ ...options, notifier });
    stoppers.add('backend', () => backend.stop());
    return await startSlackSide(options, backend, stoppers, notifier);
  } catch (error) {
    await stoppers.stopAll();
    throw error;
  }
}

async function startSlackSide(
  options: LocalStackOptions,
  backend: LocalBackend,
  stoppers: Stoppers,
  notifier: DeferredChatNotifier,
): Promise<LocalStack> {
  /** Executions post outcomes through the same Web API as the app (emulator, --slack-api-url or Slack). */
  const bindNotifier = (botToken: string, slackApiUrl?: string) =>
    notifier.bind(
      new SlackChatNotifier(
        new WebClientSlackGateway(createSlackWebClient(botToken, options.logger, slackApiUrl)),
      ),
    );
  const signingSecret = randomBytes(16).toString('hex');
  const common = {
    signingSecret,
    lex: backend.lex,
    ledger: backend.ledger,
    dedup: backend.dedup,
    approvals: backend.approvals.desk,
    config: options.config,
    identityKeys: backend.identityKeys,
    logger: options.logger,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  };
  const base = {
    approvalsUrl: backend.approvalsUrl,
    lexEndpoint: backend.lexEndpoint,
    signingSecret,
    keys: backend.keys,
    ...(backend.groups ? { groups: backend.groups } : {}),
    ledger: backend.ledger,
    pipelines: backend.pipelines,
    vending: backend.vending,
    stop: () => stoppers.stopAll(),
  };
  if (options.realSlack) {
    bindNotifier(options.realSlack.botToken);
    const slackApp = createSlackApp({
      ...common,
      botToken: options.realSlack.botToken,
      mode: { kind: 'socket', appToken: options.realSlack.appToken },
    });
    await startApp(slackApp, stoppers);
    return { ...base, teamId: options.config.slack.teamId ?? '', idle: () => slackApp.idle() };
  }
  const teamId = options.config.slack.teamId ?? SANDBOX_TEAM_ID;
  const botToken = options.botToken ?? `xoxb-local-${randomBytes(12).toString('hex')}`;
  const emulator = options.slackApiUrl
    ? undefined
    : await startEmulator(botToken, teamId, options.users ?? EMULATED_USERS);
  if (emulator) stoppers.add('Slack emulator', () => emulator.stop());
  const slackApiUrl = options.slackApiUrl ?? emulator?.url;
  bindNotifier(botToken, slackApiUrl);
  const bot = emulator ? undefined : await externalBotIdentity(slackApiUrl ?? '', botToken, options.logger);
  const slackApp = createSlackApp({
    ...common,
    botToken,
    ...(slackApiUrl ? { slackApiUrl } : {}),
    ...(bot ? { bot } : {}),
    mode: { kind: 'http', port: options.port ?? 0, host: '127.0.0.1' },
  });
  const { url } = await startApp(slackApp, stoppers);
  const slackEventsUrl = url ?? '';
  const sender = new SlackSender({
    eventsUrl: slackEventsUrl,
    signingSecret,
    teamId,
    ...(emulator ? { responseUrlBase: emulator.responseUrlBase } : {}),
    users: options.users ?? SANDBOX_USERS,
  });
  return {
    ...base,
    slackEventsUrl,
    teamId,
    ...(emulator ? { emulator } : {}),
    sender,
    idle: () => slackApp.idle(),
  };
}

function startEmulator(
  botToken: string,
  teamId: string,
  users: readonly EmulatedSlackUser[],
): Promise<SlackWebApiEmulator> {
  return startSlackWebApi({
    botToken,
    teamId,
    botUserId: SANDBOX_BOT.userId,
    botId: SANDBOX_BOT.botId,
    users,
  });
}

/**
 * The bot identity behind an external `--slack-api-url`: its `auth.test` when it answers one (so
 * Bolt ignores the right bot's own messages), else the sandbox bot's ids, so that a Web API
 * without `auth.test` still works (Bolt then skips its own `auth.test`).
 */
async function externalBotIdentity(slackApiUrl: string, botToken: string, logger: Logger): Promise<BotIds> {
  const fallback = { botUserId: SANDBOX_BOT.userId, botId: SANDBOX_BOT.botId };
  try {
    const client = new webApi.WebClient(botToken, {
      slackApiUrl,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    const result = await client.auth.test();
    if (typeof result.user_id === 'string' && typeof result.bot_id === 'string') {
      return { botUserId: result.user_id, botId: result.bot_id };
    }
  } catch (error) {
    logger.warn('The Web API at --slack-api-url did not answer auth.test; using the sandbox bot ids', {
      error,
    });
  }
  return fallback;
}

async function startApp(slackApp: ChatOpsSlackApp, stoppers: Stoppers): Promise<{ url?: string }> {
  const result = await slackApp.start();
  stoppers.add('Slack app', () => slackApp.stop());
  return result;
}
