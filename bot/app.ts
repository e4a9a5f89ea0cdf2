/**
 * The Slack app factory (issue 4): a Bolt app with every listener family, the turn pipeline
 * (ack → de-dup → run in-process or queue for the worker) and the chosen receiver. Importing this
 * module or calling {@link createSlackApp} only builds objects: nothing listens, connects or calls
 * Slack (`deferInitialization`, so Bolt's `auth.test` happens in `start()`).
 */
import type { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { App } from '@slack/bolt';
import type { ApprovalActionHandler } from '../handlers/approvals/approval-decisions.port';
import type { ChatOpsConfig } from '../handlers/config/config.schema';
import { ConfigError } from '../handlers/errors';
import { catalogFor } from '../handlers/extensions';
import type { IdentityKeySource } from '../handlers/identity/identity-keys';
import type { Deduplicator } from '../handlers/ledger/dedup.port';
import type { Ledger } from '../handlers/ledger/ledger.port';
import { createLogger, type Logger } from '../handlers/logger';
import type { IntentRegistry } from '../intents/registry';
import { ephemeralTarget, Replies } from './conversation/replies';
import type { ListenerInventory } from './listeners/register-listeners';
import { registerListeners } from './listeners/register-listeners';
import {
  buildReceiver,
  type SlackAppMode,
  type SlackLambdaHandler,
  startReceiver,
  stopReceiver,
} from './receivers';
import { toBoltLogger } from './slack/bolt-logger';
import { slackClientOptions, watchRateLimits } from './slack/slack-client';
import { WebClientSlackGateway } from './slack/slack-gateway';
import { type ComposedTurnRunner, createTurnRunner } from './turns/create-turn-runner';
import {
  InProcessDispatcher,
  QueueDispatcher,
  type TurnDispatcher,
  type TurnQueue,
} from './turns/dispatcher';
import { SqsTurnQueue } from './turns/sqs-turn-queue';
import type { Turn } from './turns/turn';

export type { SlackAppMode, SlackLambdaHandler } from './receivers';

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string;
  /** Web API base URL, e.g. the emulator's `http://127.0.0.1:P/api/`. */
  slackApiUrl?: string;
  /** `lambda` may carry the turn queue; default: SQS at env `TURN_QUEUE_URL`. */
  mode: SlackAppMode;
  lex: { client: LexRuntimeV2Client; botId: string; botAliasId: string; localeId: string };
  ledger: Ledger;
  dedup: Deduplicator;
  config: ChatOpsConfig;
  /** Signs the identity sent to Lex (DESIGN §5); required unless `mode` is `lambda` (the worker signs). */
  identityKeys?: IdentityKeySource;
  logger?: Logger;
  rateLimit?: { turnsPerMinute: number };
  /** Decides Approve/Reject clicks (the approvals issue); default: answers that it is not available yet. */
  approvals?: ApprovalActionHandler;
  /** Known bot ids skip Bolt's `auth.test`. */
  bot?: { botUserId: string; botId: string };
  catalog?: IntentRegistry;
  now?: () => Date;
  /**
   * HTTP / Socket Mode: how long App Home refreshes after filed requests wait per user, coalescing
   * (default {@link HOME_REFRESH_DELAY_MS}); `stop()` and `idle()` publish what is still waiting.
   */
  homeRefreshDelayMs?: number;
}

/** Default debounce of App Home refreshes in the in-process modes. */
export const HOME_REFRESH_DELAY_MS = 2_000;

export interface ChatOpsSlackApp {
  app: App;
  /** Starts the receiver: HTTP gives `url` (the real port), Lambda gives `lambdaHandler`. */
  start(): Promise<{ url?: string; lambdaHandler?: SlackLambdaHandler }>;
  stop(): Promise<void>;
  /** Resolves when every in-process turn started so far has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** What the listeners handle, as the manifest names it. */
  inventory: ListenerInventory;
}

const SOMETHING_WENT_WRONG =
  'Something went wrong on my side while handling that, so nothing was done. Please try again.';

/** Builds the Slack app. No side effects beyond building objects. */
export function createSlackApp(options: SlackAppOptions): ChatOpsSlackApp {
  const logger = options.logger ?? createLogger('chatops-slack');
  const boltLogger = toBoltLogger(logger);
  const clientOptions = slackClientOptions(logger, options.slackApiUrl);
  const receiver = buildReceiver(options.mode, options.signingSecret, boltLogger, clientOptions);
  const app = new App({
    token: options.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    deferInitialization: true,
    convoStore: false,
    ...(options.bot ? { ...options.bot, tokenVerificationEnabled: false } : {}),
  });
  watchRateLimits(app.client, logger);
  app.error(async (error) => logger.error('Unhandled error in a Slack listener', { error }));

  const slack = new WebClientSlackGateway(app.client);
  const replies = new Replies(slack, logger);
  const onFailure = (turn: Turn) => replies.ephemeral(ephemeralTarget(turn), SOMETHING_WENT_WRONG);
  // Built-ins plus the extensions config enables: help and App Home follow the catalog.
  const catalog = options.catalog ?? catalogFor(options.config);
  let inProcess: InProcessDispatcher | undefined;
  let runner: ComposedTurnRunner | undefined;
  let dispatcher: TurnDispatcher;
  if (options.mode.kind === 'lambda') {
    dispatcher = new QueueDispatcher(options.dedup, options.mode.queue ?? defaultQueue(), logger, onFailure);
  } else {
    const { lex, ledger, config, approvals, rateLimit, identityKeys } = options;
    if (!identityKeys)
      throw new ConfigError([{ path: 'identityKeys', message: 'is required to sign identities for Lex' }]);
    const now = () => (options.now?.() ?? new Date()).getTime();
    runner = createTurnRunner({
      lex,
      ledger,
      config,
      approvals,
      rateLimit,
      identityKeys,
      slack,
      logger,
      catalog,
      now,
      homeRefreshDelayMs: options.homeRefreshDelayMs ?? HOME_REFRESH_DELAY_MS,
    });
    inProcess = new InProcessDispatcher(options.dedup, runner, logger, onFailure);
    dispatcher = inProcess;
  }
  const inventory = registerListeners(app, {
    dispatcher,
    catalog,
    logger,
    now: options.now ?? (() => new Date()),
  });

  let started = false;
  return {
    app,
    inventory,
    async start() {
      await app.init();
      const result = await startReceiver(app, receiver, options.mode, logger, options.signingSecret);
      started = true;
      return result;
    },
    async stop() {
      inProcess?.stop();
      await inProcess?.drain();
      await runner?.flushHomes();
      if (started) await stopReceiver(app, receiver, options.mode);
      started = false;
    },
    idle: async () => {
      await inProcess?.drain();
      await runner?.flushHomes();
    },
  };
}

/** SQS at `TURN_QUEUE_URL`; created lazily so construction reads nothing it does not need. */
function defaultQueue(): TurnQueue {
  let queue: SqsTurnQueue | undefined;
  return {
    async send(turn) {
      const url = process.env.TURN_QUEUE_URL;
      if (!url)
        throw new ConfigError([{ path: 'TURN_QUEUE_URL', message: 'is not set (the worker queue URL)' }]);
      queue ??= new SqsTurnQueue(new SQSClient({}), url);
      return queue.send(turn);
    },
  };
}
