/**
 * The non-Slack half of the local stack (DESIGN §4, `npm start`): the ledger on DynamoDB Local
 * (or a real table when `TABLE_NAME` is set alongside real Slack), the approval server (the approval API handler over the desk), the
 * approval notifications, the code hook on the sandbox world, and the local Lex V2 runtime (or a
 * real bot when `LEX_BOT_ID` + `LEX_BOT_ALIAS_ID` are set), and the `RECEIVED` sweep on a timer.
 * Started in dependency order; on a failure half-way, what was started is stopped again before the
 * error surfaces.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createLexRuntimeClient } from '../bot/conversation/lex-client';
import { type ApprovalApiHandler, createApprovalApi } from '../handlers/approvals/approval-api';
import { buildCapabilityMap } from '../handlers/capabilities';
import type { ChatOpsConfig } from '../handlers/config/config.schema';
import type { CodeHookDeps } from '../handlers/deps';
import { CapabilityExecutions } from '../handlers/execution/capability-executions';
import type { Executions } from '../handlers/execution/execution.port';
import type { GroupAccessDeps } from '../handlers/group-access/group-access.port';
import {
  type IdentityKeySource,
  localIdentityKey,
  staticIdentityKeys,
} from '../handlers/identity/identity-keys';
import { DynamoKeySchedule } from '../handlers/key-rotation/dynamo-key-schedule';
import type { KeySchedule } from '../handlers/key-rotation/key-schedule.port';
import { MemoryKeySchedule } from '../handlers/key-rotation/memory-key-schedule';
import type { Deduplicator } from '../handlers/ledger/dedup.port';
import { DynamoLedger } from '../handlers/ledger/dynamo-ledger';
import type { Ledger } from '../handlers/ledger/ledger.port';
import { MemoryDeduplicator, MemoryLedger } from '../handlers/ledger/memory-ledger';
import { sweepReceived } from '../handlers/ledger/received-sweeper';
import { createLedgerTable } from '../handlers/ledger/table-schema';
import type { Logger } from '../handlers/logger';
import { type ChatNotifier, RecordingChatNotifier } from '../handlers/notify/chat-notifier.port';
import { pipelineStatusDeps } from '../handlers/pipeline-status/pipeline-status.deps';
import { receivedResumer } from '../handlers/received-resume';
import { createCodeHook } from '../handlers/router';
import type { SandboxServiceCatalog } from '../handlers/sandbox/sandbox-service-catalog';
import { toBotLocale } from '../intents/lex-definition';
import { startApprovalServer } from './approval-server';
import { localDynamoClient, startDynamoDbLocal } from './dynamodb-local';
import { type LocalGroupExpiry, startLocalGroupExpiry } from './group-expiry';
import { type LocalKeyRotation, startLocalKeySweeper } from './key-sweeper';
import { startLocalLex } from './lex-runtime/start-local-lex';
import { createLocalApprovals, type LocalApprovals } from './local-approvals';
import type { NotificationSink } from './notifications';
import { runPeriodically } from './periodic';
import { createSandboxCodeHookDeps } from './sandbox-deps';
import { type LocalPipelines, localPipelines } from './sandbox-pipelines-wiring';
import { type LocalVendingOptions, startSandboxVending } from './sandbox-vending-loop';

export const LOCAL_TABLE_NAME = 'chatops-local';
export const LOCAL_LEX_BOT = { botId: 'CHATOPSBOT', botAliasId: 'TSTALIASID', localeId: 'en_US' } as const;

/**
 * The app's Lex client for a local runtime at `endpoint`. HTTP/1.1: the SDK's default HTTP/2 handler
 * fails against the local runtime (TOOLCHAIN.md). The credentials only satisfy SigV4 signing.
 */
export function localLexRuntimeClient(endpoint: string): LexRuntimeV2Client {
  return createLexRuntimeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
  });
}

export interface LocalBackendOptions {
  config: ChatOpsConfig;
  logger: Logger;
  sink: NotificationSink;
  /** Environment switches (TABLE_NAME, LEX_BOT_ID, LEX_BOT_ALIAS_ID, AWS_REGION) honoured when set. */
  realAws?: { tableName?: string; lexBotId?: string; lexBotAliasId?: string };
  /**
   * `memory`: the in-process ledger and de-dup twins instead of DynamoDB Local — for measuring the
   * Slack and turn path without DynamoDB Local's own ceiling (the benchmark). Default `dynamodb-local`.
   */
  store?: 'dynamodb-local' | 'memory';
  /** Where executions tell requesters the outcome (local/stack.ts binds Slack; default: recorded). */
  notifier?: ChatNotifier;
  /** Use this running DynamoDB Local (a fresh table) instead of starting one (integration tests). */
  dynamodbLocalEndpoint?: string;
  /** Now, for key rotation and the key sweeper (tests move it forward). */
  clock?: () => Date;
  /** How long a sandbox pipeline retry or approved run takes (default 3 s; tests use 0). */
  pipelineRunMs?: number;
  /** Sandbox account vending: provisioning time, lost events, poller period (default 30 s). */
  vending?: LocalVendingOptions;
}

export interface LocalBackend {
  ledger: Ledger;
  dedup: Deduplicator;
  lex: { client: LexRuntimeV2Client; botId: string; botAliasId: string; localeId: string };
  /** `http://127.0.0.1:P` of the local Lex runtime ('' when a real bot is used). */
  lexEndpoint: string;
  approvalsUrl: string;
  /** The identity key shared by the Slack side (signs) and the code hook (verifies); never logged. */
  identityKeys: IdentityKeySource;
  /** Runs approved requests on the sandbox world and posts the outcome to the request's thread. */
  executions: Executions;
  /** The sandbox CodePipeline and its EventBridge-style notifications. */
  pipelines: LocalPipelines;
  /** Sandbox account vending (its Service Catalog twin, lifecycle events settled, one poll now). */
  vending: { factory: SandboxServiceCatalog; settled(): Promise<void>; pollNow(): Promise<void> };
  /** The approval machinery: desk (page + buttons), notifier, hand-off, sweep. */
  approvals: LocalApprovals;
  /** Key rotation's sandbox twins and the key sweeper (also on a timer). */
  keys: LocalKeyRotation;
  /** The worked example's group-membership expiry sweep (only with `examples.enabled`). */
  groups?: LocalGroupExpiry;
  stop(): Promise<void>;
}

/** Stops things in reverse start order; never throws. */
export class Stoppers {
  private readonly list: { name: string; stop: () => Promise<void> | void }[] = [];

  constructor(private readonly logger: Logger) {}

  add(name: string, stop: () => Promise<void> | void): void {
    this.list.push({ name, stop });
  }

  async stopAll(): Promise<void> {
    for (const { name, stop } of this.list.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        this.logger.warn('Could not stop a part of the local stack', { part: name, error });
      }
    }
  }
}

/** Starts the backend; on failure stops what was started and rethrows. */
export async function startLocalBackend(options: LocalBackendOptions): Promise<LocalBackend> {
  const stoppers = new Stoppers(options.logger);
  try {
    return await startParts(options, stoppers);
  } catch (error) {
    await stoppers.stopAll();
    throw error;
  }
}

async function startParts(options: LocalBackendOptions, stoppers: Stoppers): Promise<LocalBackend> {
  const { logger, config } = options;
  const { ledger, dedup, keySchedule } = await startLedger(options, stoppers);
  // The server's URL goes into the signed links, so it starts first; the API handler over the
  // desk is attached right after (no request can arrive before a link exists).
  let api: ApprovalApiHandler | undefined;
  const approvalServer = await startApprovalServer({
    api: (event, context) =>
      api ? api(event, context) : Promise.reject(new Error('approval API not ready')),
  });
  stoppers.add('approval server', () => approvalServer.stop());
  const chat = options.notifier ?? new RecordingChatNotifier();
  // CHATOPS_IDENTITY_KEY when set (≥ 32 characters), else a random key for this run only.
  const identityKeys = staticIdentityKeys({ current: localIdentityKey() });
  const pipelines = localPipelines({
    config,
    notifier: () => chat,
    dedup,
    logger,
    ...(options.pipelineRunMs === undefined ? {} : { retryDelayMs: options.pipelineRunMs }),
  });
  const vending = startSandboxVending(options, stoppers);
  const sandboxDeps = createSandboxCodeHookDeps(
    {
      ledger,
      config,
      logger,
      identityKeys,
      keySchedule,
      ...(options.clock ? { clock: options.clock } : {}),
      ...pipelineStatusDeps({ pipelines: pipelines.pipelines }),
    },
    { notifier: chat, ...vending.choices },
  );
  const executions = new CapabilityExecutions({
    capabilities: buildCapabilityMap(sandboxDeps.catalog, sandboxDeps.capabilities ?? []),
    deps: sandboxDeps,
    config,
    ledger,
    notifier: chat,
    logger,
  });
  const approvals = createLocalApprovals({
    config,
    ledger,
    executions,
    chat,
    logger,
    sink: options.sink,
    approvalsUrl: approvalServer.url,
  });
  stoppers.add('approvals', () => approvals.stop());
  // Locally the CSRF key is random per run (one process serves every page and POST).
  api = createApprovalApi({ desk: approvals.desk, csrfKey: randomBytes(32), logger });
  const vendingParts = vending.parts();
  const hookDeps = { ...sandboxDeps, approvals: approvals.notifier, executions };
  const keys = startLocalKeySweeper(sandboxDeps, chat, logger);
  stoppers.add('key sweeper', () => keys.stop());
  const groups = startGroupExpiry(sandboxDeps, chat, logger, stoppers);
  const codeHook = createCodeHook(hookDeps);
  startReceivedSweep(hookDeps, stoppers);
  const real = options.realAws;
  if (real?.lexBotId && real.lexBotAliasId) {
    const client = createLexRuntimeClient();
    stoppers.add('Lex client', () => client.destroy());
    const lex = {
      client,
      botId: real.lexBotId,
      botAliasId: real.lexBotAliasId,
      localeId: LOCAL_LEX_BOT.localeId,
    };
    logger.info('Using the real Lex bot', { botId: real.lexBotId });
    return {
      ledger,
      dedup,
      lex,
      lexEndpoint: '',
      approvalsUrl: approvalServer.url,
      identityKeys,
      executions,
      pipelines,
      vending: vendingParts,
      approvals,
      keys,
      ...(groups ? { groups } : {}),
      stop: () => stoppers.stopAll(),
    };
  }
  const lexServer = await startLocalLex({
    botLocale: toBotLocale(sandboxDeps.catalog),
    codeHook,
    ...LOCAL_LEX_BOT,
  });
  stoppers.add('local Lex', () => lexServer.stop());
  const client = localLexRuntimeClient(lexServer.endpoint);
  stoppers.add('Lex client', () => client.destroy());
  return {
    ledger,
    dedup,
    lex: { client, botId: lexServer.botId, botAliasId: lexServer.botAliasId, localeId: lexServer.localeId },
    lexEndpoint: lexServer.endpoint,
    approvalsUrl: approvalServer.url,
    identityKeys,
    executions,
    pipelines,
    vending: vendingParts,
    approvals,
    keys,
    ...(groups ? { groups } : {}),
    stop: () => stoppers.stopAll(),
  };
}

/** The worked example's expiry sweep when config enables the example (its deps are there then). */
function startGroupExpiry(
  deps: CodeHookDeps,
  chat: ChatNotifier,
  logger: Logger,
  stoppers: Stoppers,
): LocalGroupExpiry | undefined {
  const { groupAccess } = deps as CodeHookDeps & Partial<GroupAccessDeps>;
  if (!deps.config.examples.enabled || !groupAccess) return undefined;
  const groups = startLocalGroupExpiry({ ledger: deps.ledger, groupAccess, clock: deps.clock }, chat, logger);
  stoppers.add('group expiry sweep', () => groups.stop());
  return groups;
}

/** How often the local stack sweeps requests left in `RECEIVED` (the deployed sweep is scheduled). */
export const LOCAL_SWEEP_INTERVAL_MS = 60_000;

/** The `RECEIVED` sweep on a timer (unref'd: it never keeps the process up); stopped by `stoppers`. */
function startReceivedSweep(deps: CodeHookDeps, stoppers: Stoppers): void {
  const sweepDeps = { ledger: deps.ledger, logger: deps.logger, resume: receivedResumer(deps) };
  const stop = runPeriodically(
    () => sweepReceived(sweepDeps),
    LOCAL_SWEEP_INTERVAL_MS,
    'The RECEIVED sweep',
    deps.logger,
  );
  stoppers.add('RECEIVED sweep', stop);
}

async function startLedger(
  options: LocalBackendOptions,
  stoppers: Stoppers,
): Promise<{ ledger: Ledger; dedup: Deduplicator; keySchedule: KeySchedule }> {
  if (options.store === 'memory') {
    return {
      ledger: new MemoryLedger(),
      dedup: new MemoryDeduplicator(),
      keySchedule: new MemoryKeySchedule(),
    };
  }
  const tableName = options.realAws?.tableName;
  if (tableName) {
    const client = new DynamoDBClient({});
    stoppers.add('DynamoDB client', () => client.destroy());
    options.logger.info('Using the real ledger table', { tableName });
    const document = DynamoDBDocumentClient.from(client);
    const ledger = new DynamoLedger({ client: document, tableName });
    return { ledger, dedup: ledger, keySchedule: new DynamoKeySchedule({ client: document, tableName }) };
  }
  let endpoint = options.dynamodbLocalEndpoint;
  if (!endpoint) {
    const dynamo = await startDynamoDbLocal();
    stoppers.add('DynamoDB Local', () => dynamo.stop());
    endpoint = dynamo.endpoint;
  }
  const client = localDynamoClient(endpoint);
  stoppers.add('DynamoDB client', () => client.destroy());
  const table = options.dynamodbLocalEndpoint ? `${LOCAL_TABLE_NAME}-${randomUUID()}` : LOCAL_TABLE_NAME;
  await createLedgerTable(client, table);
  options.logger.info('DynamoDB Local is up', { endpoint, table });
  const document = DynamoDBDocumentClient.from(client);
  const ledger = new DynamoLedger({ client: document, tableName: table });
  return {
    ledger,
    dedup: ledger,
    keySchedule: new DynamoKeySchedule({ client: document, tableName: table }),
  };
}
