/**
 * Integration harness for the Slack side: the real Bolt app (HTTP receiver on a free port) talking
 * to the loopback Slack Web API emulator, the local Lex V2 runtime (real SDK client over HTTP, the
 * real code-hook router on the sandbox world) and one DynamoDB Local ledger table shared by the
 * code hook and the Slack app (which also uses it for de-dup markers). Slack's side is played by
 * the signing sender, or, with `socketMode`, by the emulator's Socket Mode hub (the app connects
 * out over a WebSocket, as it does to real Slack with an app-level token).
 */
import { type ChatOpsSlackApp, createSlackApp } from '../../../bot/app';
import { SlackChatNotifier } from '../../../bot/slack/slack-chat-notifier';
import { createSlackWebClient } from '../../../bot/slack/slack-client';
import { WebClientSlackGateway } from '../../../bot/slack/slack-gateway';
import type { ChatOpsConfig } from '../../../handlers/config/config.schema';
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig, SANDBOX_TEAM_ID } from '../../../handlers/config/local-config';
import { DynamoLedger } from '../../../handlers/ledger/dynamo-ledger';
import { silentLogger } from '../../../handlers/logger';
import { DeferredChatNotifier } from '../../../local/deferred-chat-notifier';
import { createSandboxCodeHookDeps, type SandboxVendingChoices } from '../../../local/sandbox-deps';
import { type EmulatedSlackUser, SANDBOX_BOT, SANDBOX_USERS } from '../../../local/sandbox-users';
import { SlackSender } from '../../../local/slack-emulator/sender';
import { type SlackWebApiEmulator, startSlackWebApi } from '../../../local/slack-emulator/web-api';
import { testIdentityKeys } from '../../kit/identity';
import { freshLedgerTable, type LedgerTable } from '../support/dynamo';
import { type LocalLexHarness, startLocalLexHarness } from '../support/local-lex';

export const SIGNING_SECRET = 'integration-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-integration-test-token';
export const APP_TOKEN = 'xapp-1-A0SANDBOX-integration-app-token';

export interface SlackStack {
  slack: SlackWebApiEmulator;
  app: ChatOpsSlackApp;
  sender: SlackSender;
  eventsUrl: string;
  ledger: DynamoLedger;
  lex: LocalLexHarness;
  /** A sender signing with another secret (forged requests). */
  forger: SlackSender;
  /** Posts to the emulator as the bot (what executions and account vending tell requesters through). */
  notifier: DeferredChatNotifier;
  stop(): Promise<void>;
}

/** Starts the whole Slack-side stack on loopback ports. */
export async function startSlackStack(
  options: {
    turnsPerMinute?: number;
    socketMode?: boolean;
    vending?: Omit<SandboxVendingChoices, 'notifier'>;
    /** The app's config (default: the local config). */
    config?: ChatOpsConfig;
    /** The users the emulator answers `users.info` for (default: the sandbox users). */
    users?: readonly EmulatedSlackUser[];
  } = {},
): Promise<SlackStack> {
  const table: LedgerTable = await freshLedgerTable();
  const ledger = new DynamoLedger({ client: table.docClient, tableName: table.tableName });
  const config = options.config ?? parseConfig(localConfig);
  const notifier = new DeferredChatNotifier();
  const deps = createSandboxCodeHookDeps({ ledger, config }, { notifier, ...options.vending });
  const lex = await startLocalLexHarness({ deps });
  const slack = await startSlackWebApi({
    botToken: BOT_TOKEN,
    teamId: SANDBOX_TEAM_ID,
    botUserId: SANDBOX_BOT.userId,
    botId: SANDBOX_BOT.botId,
    users: options.users ?? SANDBOX_USERS,
    ...(options.socketMode ? { appToken: APP_TOKEN, apiAppId: SANDBOX_BOT.appId } : {}),
  });
  const app = createSlackApp({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    slackApiUrl: slack.url,
    mode: options.socketMode ? { kind: 'socket', appToken: APP_TOKEN } : { kind: 'http', port: 0 },
    lex: { client: lex.client, ...lex.ids },
    ledger,
    dedup: ledger,
    config,
    identityKeys: testIdentityKeys,
    logger: silentLogger,
    ...(options.turnsPerMinute ? { rateLimit: { turnsPerMinute: options.turnsPerMinute } } : {}),
  });
  notifier.bind(
    new SlackChatNotifier(
      new WebClientSlackGateway(createSlackWebClient(BOT_TOKEN, silentLogger, slack.url)),
    ),
  );
  const { url = '' } = await app.start();
  if (!url && !options.socketMode) throw new Error('the HTTP receiver did not report its URL');
  await slack.socketMode?.connected();
  const senderOptions = {
    eventsUrl: url,
    teamId: SANDBOX_TEAM_ID,
    responseUrlBase: slack.responseUrlBase,
    ...(slack.socketMode ? { socketMode: slack.socketMode } : {}),
  };
  return {
    slack,
    app,
    ledger,
    lex,
    eventsUrl: url,
    notifier,
    sender: new SlackSender({ ...senderOptions, signingSecret: SIGNING_SECRET }),
    forger: new SlackSender({ ...senderOptions, signingSecret: 'not-the-signing-secret' }),
    stop: async () => {
      await app.stop();
      await lex.stop();
      await slack.stop();
      table.client.destroy();
    },
  };
}

/** Bot messages posted to `channel` (successful calls only). */
export function postsTo(slack: SlackWebApiEmulator, channel: string) {
  return slack.calls.filter(
    (c) => c.method === 'chat.postMessage' && !c.injected && c.result.channel === channel,
  );
}
