/**
 * Slack section of `npm run bench`: the ChatOps app side by side with a bare Bolt echo app
 * (HTTPReceiver + `app.message` → `say`), measured in the same run on loopback through the same
 * Slack emulator, signer and simulated users.
 *
 * Topology (the same for both apps; every process on 127.0.0.1, printed as `topology`):
 * - process A (this one): the load driver and the Slack Web API emulator — Slack's side;
 * - process B (./slack-app.child.ts): the app under test alone — the echo app, or the ChatOps Bolt
 *   app from `createSlackApp` (ack → de-dup → Lex over HTTP → Block Kit → App Home);
 * - process C (./lex-runtime.child.ts, ChatOps only): the local Lex V2 runtime with the code hook
 *   on the sandbox world — the stand-in for Amazon Lex and its Lambda, separate services in AWS.
 * Run `chatops_` gives B and C each their own in-memory ledger/de-dup twin, so B's App Home reads a
 * store C never writes (`app_home: separate-memory-store`): the Slack and turn path without a
 * database. Run `chatops_ddb_` points B and C at one DynamoDB Local (Java, started here) — the real
 * topology, App Home included. Children are stopped in `finally` (and die with this process).
 *
 * Phases per app: warm-up; light (one user, one turn at a time); paced (50 users, one turn a second
 * each: ~50 turns/s offered, open loop); load (50 users, each sending again as soon as its reply
 * arrives: the capacity). Ack latency = HTTP response to a signed event; turn latency = signed
 * event in → chat.postMessage out. Targets (./slack-figures.ts, on the in-memory run): ack p99
 * < 50 ms and turn p99 < 150 ms in the light and paced phases, closed-loop turns/s ≥ 50% of the
 * echo app's, nothing lost or duplicated in any phase. `load_cpu_*` figures give each process's CPU
 * per turn and % of a core in the load phase (./process-cpu.ts): the saturated one is the limit.
 * `SLACK_BENCH_SECONDS` shortens the load phase; `BENCH_CHILD_NODE_ARGS` (e.g. `--cpu-prof`) is
 * passed to every child (./child-process.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createLedgerTable } from '../../handlers/ledger/table-schema';
import { LOCAL_TABLE_NAME, Stoppers } from '../../local/backend';
import { localDynamoClient, startDynamoDbLocal } from '../../local/dynamodb-local';
import { type EmulatedSlackUser, SANDBOX_BOT, SANDBOX_TEAM_ID } from '../../local/sandbox-users';
import {
  countRepliesPerTurn,
  type LoadOptions,
  runSimulatedUsers,
} from '../../local/slack-emulator/load-driver';
import { SlackSender } from '../../local/slack-emulator/sender';
import { startSlackWebApi } from '../../local/slack-emulator/web-api';
import { createStreamLogger } from '../../local/stdio';
import type { BenchStoreConfig } from './bench-store';
import { startBenchChild } from './child-process';
import type { LexChildInfo } from './lex-runtime.child';
import { findChildPid, startCpuMeter } from './process-cpu';
import type { AppChildConfig } from './slack-app.child';
import { comparison, type Figures, summarize } from './slack-figures';

const USERS = 50;
const LOAD_MS = Number(process.env.SLACK_BENCH_SECONDS ?? 30) * 1000;
const LIGHT_MS = 4_000;
const PACED_MS = 10_000;
const PACED_INTERVAL_MS = 1_000;
const WARM_UP_MS = 2_000;
/** A read-only, tracked request: Lex, the code hook, a ledger record and the App Home refresh. */
const CHATOPS_TEXT = 'status of pipeline web-app';
const TOPOLOGY =
  'A: load driver + Slack Web API emulator | B: app under test (echo, or ChatOps Bolt app) | ' +
  'C (ChatOps only): local Lex runtime + code hook | chatops_ddb_: B and C share one DynamoDB Local | ' +
  'separate processes on 127.0.0.1';

type Target = Omit<LoadOptions, 'durationMs'>;
type AppSpec = { app: 'echo' } | { app: 'chatops'; store: BenchStoreConfig };

const SLACK_APP_CHILD = join(__dirname, 'slack-app.child.ts');
const LEX_CHILD = join(__dirname, 'lex-runtime.child.ts');

/** 50 bench users (not in the config: read-only intents only, like any unnamed Slack user). */
function benchUsers(): EmulatedSlackUser[] {
  return Array.from({ length: USERS }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      id: `UBENCH${n}`,
      name: `bench${n}`,
      realName: `Bench ${n}`,
      displayName: `bench${n}`,
      email: `bench${n}@example.com`,
    };
  });
}

/** Warm-up, light phase (one user), paced phase and load phase (all users). */
async function measure(prefix: string, target: Target, pids: Record<string, number>): Promise<Figures> {
  await runSimulatedUsers({ ...target, durationMs: WARM_UP_MS, drainMs: 200 });
  const light = await runSimulatedUsers({
    ...target,
    userIds: target.userIds.slice(0, 1),
    durationMs: LIGHT_MS,
  });
  const pacing = { intervalMs: PACED_INTERVAL_MS };
  const paced = await runSimulatedUsers({ ...target, durationMs: PACED_MS, pacing });
  const meter = startCpuMeter(pids);
  const load = await runSimulatedUsers({ ...target, durationMs: LOAD_MS });
  const loadCpuMs = meter();
  const offered = Math.round((target.userIds.length * 1000) / PACED_INTERVAL_MS);
  return summarize(prefix, { light, paced, load, loadCpuMs }, offered);
}

/** Runs one app in its own process(es) against the emulator in this one; returns its figures. */
async function benchApp(
  prefix: string,
  users: EmulatedSlackUser[],
  spec: AppSpec,
  extraPids: Record<string, number> = {},
): Promise<Figures> {
  const stoppers = new Stoppers(createStreamLogger(process.stderr, 'WARN', 'slack-bench'));
  try {
    const signingSecret = randomBytes(16).toString('hex');
    const botToken = `xoxb-bench-${randomBytes(12).toString('hex')}`;
    const ids = { teamId: SANDBOX_TEAM_ID, botUserId: SANDBOX_BOT.userId, botId: SANDBOX_BOT.botId };
    const emulator = await startSlackWebApi({ botToken, ...ids, users });
    stoppers.add('Slack emulator', () => emulator.stop());
    const common = { signingSecret, botToken, slackApiUrl: emulator.url };
    let config: AppChildConfig = { ...common, app: 'echo' };
    const pids: Record<string, number> = { driver_emulator: process.pid, ...extraPids };
    if (spec.app === 'chatops') {
      const lex = await startBenchChild<LexChildInfo>('Lex runtime', LEX_CHILD, { store: spec.store });
      stoppers.add('Lex runtime process', () => lex.stop());
      config = { ...common, app: 'chatops', lex: lex.info, store: spec.store };
      pids.lex = lex.pid;
    }
    const app = await startBenchChild<{ eventsUrl: string }>('Slack app', SLACK_APP_CHILD, config);
    stoppers.add('Slack app process', () => app.stop());
    pids.app = app.pid;
    const sender = new SlackSender({
      eventsUrl: app.info.eventsUrl,
      signingSecret,
      teamId: SANDBOX_TEAM_ID,
      responseUrlBase: emulator.responseUrlBase,
      users,
    });
    const userIds = users.map((u) => u.id);
    const text = spec.app === 'echo' ? 'hello' : CHATOPS_TEXT;
    const repliesPerTurn = await countRepliesPerTurn({ sender, emulator, userIds, text }, userIds[0] ?? '');
    const figures = await measure(prefix, { sender, emulator, userIds, text, repliesPerTurn }, pids);
    return { [`${prefix}replies_per_turn`]: repliesPerTurn, ...figures };
  } finally {
    await stoppers.stopAll();
  }
}

/** DynamoDB Local (Java, a child of this process) with the ledger table; stopped by `stoppers`. */
async function startSharedTable(stoppers: Stoppers): Promise<BenchStoreConfig> {
  const dynamo = await startDynamoDbLocal();
  stoppers.add('DynamoDB Local', () => dynamo.stop());
  const client = localDynamoClient(dynamo.endpoint);
  try {
    await createLedgerTable(client, LOCAL_TABLE_NAME);
  } finally {
    client.destroy();
  }
  return { kind: 'dynamodb-local', endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME };
}

async function benchChatOpsOnDynamo(users: EmulatedSlackUser[]): Promise<Figures> {
  const stoppers = new Stoppers(createStreamLogger(process.stderr, 'WARN', 'slack-bench'));
  try {
    const store = await startSharedTable(stoppers);
    const java = findChildPid('DynamoDBLocal');
    return await benchApp(
      'chatops_ddb_',
      users,
      { app: 'chatops', store },
      java ? { dynamodb_local: java } : {},
    );
  } finally {
    await stoppers.stopAll();
  }
}

/** Runs the Slack benchmark; returns its figures (also logged to stderr). */
export async function runSlackBench(): Promise<Figures> {
  // Ctrl-C / kill: exit through process.exit so the `exit` hooks kill the children and Java.
  const interrupted = () => process.exit(130);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await runAll();
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

async function runAll(): Promise<Figures> {
  const users = benchUsers();
  const span = `1 user × ${LIGHT_MS / 1000} s, ${USERS} users paced × ${PACED_MS / 1000} s, ${USERS} users × ${LOAD_MS / 1000} s`;
  process.stderr.write(`slack bench: bare Bolt echo app (${span})…\n`);
  const echo = await benchApp('echo_', users, { app: 'echo' });
  process.stderr.write(`slack bench: ChatOps app, in-memory ledger twins (${span})…\n`);
  const ours = await benchApp('chatops_', users, { app: 'chatops', store: { kind: 'memory' } });
  process.stderr.write(`slack bench: ChatOps app, DynamoDB Local (${span})…\n`);
  const ddb = await benchChatOpsOnDynamo(users);
  const all = { ...ours, ...ddb, ...echo };
  const figures: Figures = {
    topology: TOPOLOGY,
    users: USERS,
    load_seconds: LOAD_MS / 1000,
    paced_seconds: PACED_MS / 1000,
    utterance: CHATOPS_TEXT,
    chatops_app_home: 'separate-memory-store',
    ...ours,
    chatops_ddb_app_home: 'shared-dynamodb-local',
    ...ddb,
    ...echo,
    ...comparison(all),
  };
  process.stderr.write(`slack bench: ${JSON.stringify(figures)}\n`);
  return figures;
}
