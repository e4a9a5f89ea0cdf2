/**
 * Slack section of `npm run bench`: the ChatOps app side by side with two baselines, measured in
 * the same run on loopback through the same Slack emulator, signer and simulated users:
 * - `echo_`: a bare Bolt echo app (HTTPReceiver + `app.message` → `say`) — Bolt's own cost;
 * - `lex_echo_`: a bare Bolt app that sends each message to Lex (`RecognizeText`, same SDK client,
 *   same local Lex runtime and code hook) and says Lex's answer (./lex-echo-app.ts) — the least any
 *   Lex-backed Slack bot pays per turn;
 * - `chatops_`: the ChatOps Bolt app from `createSlackApp` (ack → de-dup → identity → Lex →
 *   Block Kit → App Home).
 *
 * Topology (every process on 127.0.0.1, printed as `topology`):
 * - process A (this one): the load driver and the Slack Web API emulators — Slack's side;
 * - process B (./slack-app.child.ts), one per app: the app under test alone;
 * - process C (./lex-runtime.child.ts), one per Lex-backed app: the local Lex V2 runtime with the
 *   code hook on the sandbox world — the stand-in for Amazon Lex and its Lambda, separate services
 *   in AWS. Runs `lex_echo_` and `chatops_` give B and C their own in-memory ledger/de-dup twins
 *   (the ChatOps App Home reads a store C never writes: `app_home: separate-memory-store`), so the
 *   figures are the Slack and turn path without a database. Run `chatops_ddb_` points B and C at
 *   one DynamoDB Local (Java, started here) — the real topology, App Home included.
 * Children are stopped in `finally` (and die with this process).
 *
 * Phases: per app, warm-up, light (one user, one turn at a time) and paced (50 users, one turn a
 * second each: ~50 turns/s offered, open loop); then the load phase (50 users, each sending again
 * as soon as its reply arrives: the capacity) in rounds: the three apps take turns, `ROUNDS` rounds
 * of `LOAD_MS / ROUNDS` each, the order rotating every round. A shared 2-vCPU machine drifts by
 * ±20% from one minute to the next; interleaving gives every app the same share of good and bad
 * minutes, and the per-round figures show the spread. Ack latency = HTTP response to a signed
 * event; turn latency = signed event in → chat.postMessage out. Targets (./slack-figures.ts, on
 * `chatops_`): ack p99 < 50 ms and turn p99 < 150 ms in the light and paced phases, closed-loop
 * turns/s ≥ 0.8 × the Bolt + Lex relay's, nothing lost or duplicated in any phase of any run; on DynamoDB Local
 * the paced phase served fully with turn p99 < 150 ms.
 * `load_cpu_*` figures give each process's CPU per turn and % of a core in the load phase
 * (./process-cpu.ts): the saturated one is the limit. `web_api_calls_per_turn` counts the app's
 * Slack calls in the load phase.
 *
 * Environment: `SLACK_BENCH_SECONDS` sets the load phase per app (default 30);
 * `SLACK_BENCH_SKIP_DDB=1` skips the DynamoDB Local run; `SLACK_BENCH_SKIP_MEMORY=1`
 * skips the three in-memory apps (only the DynamoDB Local run); `BENCH_CHILD_NODE_ARGS` (e.g.
 * `--cpu-prof`) is passed to every child (./child-process.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createLedgerTable } from '../../handlers/ledger/table-schema';
import { LOCAL_TABLE_NAME, Stoppers } from '../../local/backend';
import { localDynamoClient, startDynamoDbLocal } from '../../local/dynamodb-local';
import { type EmulatedSlackUser, SANDBOX_BOT, SANDBOX_TEAM_ID } from '../../local/sandbox-users';
import { SlackSender } from '../../local/slack-emulator/sender';
import { type SlackWebApiEmulator, startSlackWebApi } from '../../local/slack-emulator/web-api';
import { createStreamLogger } from '../../local/stdio';
import type { BenchStoreConfig } from './bench-store';
import { startBenchChild } from './child-process';
import type { LexChildInfo } from './lex-runtime.child';
import { countRepliesPerTurn, type LoadOptions, type LoadResult, runSimulatedUsers } from './load-driver';
import { findChildPid, startCpuMeter } from './process-cpu';
import type { AppChildConfig } from './slack-app.child';
import { comparison, type Figures, type LoadRound, summarize } from './slack-figures';

const USERS = 50;
const LOAD_MS = Number(process.env.SLACK_BENCH_SECONDS ?? 30) * 1000;
const ROUNDS = 3;
const LIGHT_MS = 4_000;
const PACED_MS = 10_000;
const PACED_INTERVAL_MS = 1_000;
const WARM_UP_MS = 2_000;
/** A read-only, tracked request: Lex, the code hook, a ledger record and the App Home refresh. */
const LEX_TEXT = 'status of pipeline web-app';
const TOPOLOGY =
  'A: load driver + Slack Web API emulators | B: app under test (echo, lex echo or ChatOps Bolt app) | ' +
  'C (Lex-backed apps): local Lex runtime + code hook | chatops_ddb_: B and C share one DynamoDB Local | ' +
  'separate processes on 127.0.0.1';

type Target = Omit<LoadOptions, 'durationMs'> & { emulator: SlackWebApiEmulator };
type AppSpec = { app: 'echo' } | { app: 'lex-echo' } | { app: 'chatops'; store: BenchStoreConfig };

/** An app under test, up and idle between phases. */
interface RunningApp {
  prefix: string;
  target: Target;
  /** Process ids by role, for the CPU figures. */
  pids: Record<string, number>;
  /** The DynamoDB calls its processes have made so far, by operation (summed over processes). */
  dynamoCalls(): Promise<Record<string, number>>;
}

const SLACK_APP_CHILD = join(__dirname, 'slack-app.child.ts');
const LEX_CHILD = join(__dirname, 'lex-runtime.child.ts');
const MEMORY: BenchStoreConfig = { kind: 'memory' };

/** 50 bench users (not in the config: read-only intents only, like any unnamed Slack user). */
export function benchUsers(): EmulatedSlackUser[] {
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

/** Starts one app (its emulator here, its processes as children); `stoppers` stops them. */
async function startApp(
  prefix: string,
  users: EmulatedSlackUser[],
  spec: AppSpec,
  stoppers: Stoppers,
  extraPids: Record<string, number> = {},
): Promise<RunningApp> {
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-bench-${randomBytes(12).toString('hex')}`;
  const ids = { teamId: SANDBOX_TEAM_ID, botUserId: SANDBOX_BOT.userId, botId: SANDBOX_BOT.botId };
  const emulator = await startSlackWebApi({ botToken, ...ids, users });
  stoppers.add(`${prefix}Slack emulator`, () => emulator.stop());
  const common = { signingSecret, botToken, slackApiUrl: emulator.url };
  let config: AppChildConfig = { ...common, app: 'echo' };
  const pids: Record<string, number> = { driver_emulator: process.pid, ...extraPids };
  const children: { report(): Promise<Record<string, unknown>> }[] = [];
  if (spec.app !== 'echo') {
    const store = spec.app === 'chatops' ? spec.store : MEMORY;
    const lex = await startBenchChild<LexChildInfo>('Lex runtime', LEX_CHILD, { store });
    stoppers.add(`${prefix}Lex runtime process`, () => lex.stop());
    children.push(lex);
    config =
      spec.app === 'chatops'
        ? { ...common, app: 'chatops', lex: lex.info, store }
        : { ...common, app: 'lex-echo', lex: lex.info };
    pids.lex = lex.pid;
  }
  const app = await startBenchChild<{ eventsUrl: string }>('Slack app', SLACK_APP_CHILD, config);
  stoppers.add(`${prefix}Slack app process`, () => app.stop());
  children.push(app);
  pids.app = app.pid;
  const sender = new SlackSender({
    eventsUrl: app.info.eventsUrl,
    signingSecret,
    teamId: SANDBOX_TEAM_ID,
    responseUrlBase: emulator.responseUrlBase,
    users,
  });
  const userIds = users.map((u) => u.id);
  const text = spec.app === 'echo' ? 'hello' : LEX_TEXT;
  const repliesPerTurn = await countRepliesPerTurn({ sender, emulator, userIds, text }, userIds[0] ?? '');
  const dynamoCalls = async () => {
    const reports = await Promise.all(children.map((c) => c.report()));
    const total: Record<string, number> = {};
    for (const report of reports) {
      for (const [op, n] of Object.entries((report.dynamodb ?? {}) as Record<string, number>)) {
        total[op] = (total[op] ?? 0) + n;
      }
    }
    return total;
  };
  return { prefix, target: { sender, emulator, userIds, text, repliesPerTurn }, pids, dynamoCalls };
}

/** `after - before` per operation, divided by `turns`: e.g. `PutItem 1, TransactWriteItems 1`. */
function dynamoCallsPerTurn(
  before: Record<string, number>,
  after: Record<string, number>,
  turns: number,
): { byOperation: string; total: number } {
  const rows = Object.entries(after)
    .map(([op, n]) => [op, turns > 0 ? (n - (before[op] ?? 0)) / turns : 0] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  return {
    byOperation: rows.map(([op, n]) => `${op} ${Math.round(n * 100) / 100}`).join(', '),
    total: Math.round(total * 100) / 100,
  };
}

/** Warm-up, then the light phase (one user) and the paced phase (all users, open loop). */
async function lightAndPaced(app: RunningApp): Promise<{ light: LoadResult; paced: LoadResult }> {
  const { target } = app;
  await runSimulatedUsers({ ...target, durationMs: WARM_UP_MS, drainMs: 200 });
  const light = await runSimulatedUsers({
    ...target,
    userIds: target.userIds.slice(0, 1),
    durationMs: LIGHT_MS,
  });
  const paced = await runSimulatedUsers({
    ...target,
    durationMs: PACED_MS,
    pacing: { intervalMs: PACED_INTERVAL_MS },
  });
  return { light, paced };
}

/** One closed-loop round: its result, each process's CPU ms and the app's Web API calls by method. */
async function loadRound(app: RunningApp, durationMs: number): Promise<LoadRound> {
  const calls: Record<string, number> = {};
  const stopCounting = app.target.emulator.onCall((call) => {
    calls[call.method] = (calls[call.method] ?? 0) + 1;
  });
  const meter = startCpuMeter(app.pids);
  try {
    const result = await runSimulatedUsers({ ...app.target, durationMs });
    return { result, cpuMs: meter(), calls };
  } finally {
    stopCounting();
  }
}

const OFFERED_PER_S = Math.round((USERS * 1000) / PACED_INTERVAL_MS);

/** Light and paced phases per app, then the interleaved load rounds; the figures of every app. */
async function benchInterleaved(apps: RunningApp[]): Promise<Figures> {
  const early = new Map<string, { light: LoadResult; paced: LoadResult }>();
  for (const app of apps) {
    process.stderr.write(`slack bench: ${app.prefix} light and paced phases…\n`);
    early.set(app.prefix, await lightAndPaced(app));
  }
  const rounds = new Map<string, LoadRound[]>(apps.map((a) => [a.prefix, []]));
  for (let r = 0; r < ROUNDS; r++) {
    process.stderr.write(`slack bench: load round ${r + 1} of ${ROUNDS}…\n`);
    for (let i = 0; i < apps.length; i++) {
      const app = apps[(r + i) % apps.length] as RunningApp;
      rounds.get(app.prefix)?.push(await loadRound(app, LOAD_MS / ROUNDS));
    }
  }
  let figures: Figures = {};
  for (const app of apps) {
    const phases = early.get(app.prefix);
    if (!phases) continue;
    const summary = summarize(app.prefix, { ...phases, rounds: rounds.get(app.prefix) ?? [] }, OFFERED_PER_S);
    figures = { ...figures, [`${app.prefix}replies_per_turn`]: app.target.repliesPerTurn ?? 1, ...summary };
  }
  return figures;
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

/** The ChatOps app on DynamoDB Local, alone: light, paced, and one load block of `LOAD_MS`. */
async function benchChatOpsOnDynamo(users: EmulatedSlackUser[], stoppers: Stoppers): Promise<Figures> {
  const store = await startSharedTable(stoppers);
  const java = findChildPid('DynamoDBLocal');
  const app = await startApp('chatops_ddb_', users, { app: 'chatops', store }, stoppers, {
    ...(java ? { dynamodb_local: java } : {}),
  });
  const phases = await lightAndPaced(app);
  const beforeLoad = await app.dynamoCalls();
  const load = await loadRound(app, LOAD_MS);
  const afterLoad = await app.dynamoCalls();
  // Every load-phase turn is the read-only utterance; both processes' calls (B: de-dup, App Home;
  // C: the code hook's ledger writes) count.
  const closed = dynamoCallsPerTurn(beforeLoad, afterLoad, load.result.turns);
  return {
    chatops_ddb_replies_per_turn: app.target.repliesPerTurn ?? 1,
    ...summarize(app.prefix, { ...phases, rounds: [load] }, OFFERED_PER_S),
    chatops_ddb_dynamodb_calls_per_read_only_turn_load: closed.byOperation,
    chatops_ddb_dynamodb_calls_per_read_only_turn: closed.total,
  };
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
  const logger = createStreamLogger(process.stderr, 'WARN', 'slack-bench');
  process.stderr.write(
    `slack bench: echo, lex echo and ChatOps apps (1 user × ${LIGHT_MS / 1000} s, ${USERS} users paced × ` +
      `${PACED_MS / 1000} s, ${USERS} users × ${LOAD_MS / 1000} s in ${ROUNDS} interleaved rounds)…\n`,
  );
  const interleaved = new Stoppers(logger);
  let measured: Figures = {};
  if (process.env.SLACK_BENCH_SKIP_MEMORY !== '1') {
    try {
      const apps = [
        await startApp('echo_', users, { app: 'echo' }, interleaved),
        await startApp('lex_echo_', users, { app: 'lex-echo' }, interleaved),
        await startApp('chatops_', users, { app: 'chatops', store: MEMORY }, interleaved),
      ];
      measured = await benchInterleaved(apps);
    } finally {
      await interleaved.stopAll();
    }
  }
  let ddb: Figures = {};
  if (process.env.SLACK_BENCH_SKIP_DDB !== '1') {
    process.stderr.write('slack bench: ChatOps app on DynamoDB Local…\n');
    const alone = new Stoppers(logger);
    try {
      ddb = await benchChatOpsOnDynamo(users, alone);
    } finally {
      await alone.stopAll();
    }
  }
  const all = { ...measured, ...ddb };
  const figures: Figures = {
    topology: TOPOLOGY,
    users: USERS,
    load_seconds: LOAD_MS / 1000,
    load_rounds: ROUNDS,
    paced_seconds: PACED_MS / 1000,
    utterance: LEX_TEXT,
    chatops_app_home: 'separate-memory-store',
    ...all,
    ...(ddb.chatops_ddb_turns !== undefined ? { chatops_ddb_app_home: 'shared-dynamodb-local' } : {}),
    ...comparison(all),
  };
  process.stderr.write(`slack bench: ${JSON.stringify(figures)}\n`);
  return figures;
}
