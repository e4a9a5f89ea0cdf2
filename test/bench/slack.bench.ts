/**
 * Slack section of `npm run bench`: the ChatOps app side by side with a bare Bolt echo app
 * (HTTPReceiver + `app.message` → `say`), measured in the same run on loopback through the same
 * Slack emulator, signer and simulated users. The ChatOps app is the real local stack (Bolt over
 * HTTP, ack-then-work, the local Lex runtime over HTTP, the code hook on the sandbox world), run
 * twice: with the in-memory ledger/de-dup twins (the Slack and turn path alone) and with DynamoDB
 * Local (the offline stack as `npm start` runs it).
 *
 * Per app: ack latency (HTTP response to a signed event) and turn latency (signed event in →
 * chat.postMessage out) at light load (one user, one turn at a time) and under load (50 concurrent
 * users, each sending again as soon as its reply arrives, for 30 s), turns/s under load, and lost /
 * duplicated replies over both phases. Targets (checked on the in-memory run): ack p99 < 50 ms,
 * turn p99 < 150 ms, throughput ≥ 50% of the echo app's, nothing lost or duplicated.
 * `SLACK_BENCH_SECONDS` shortens the load phase for a quick look.
 */
import { parseConfig } from '../../handlers/config/load-config';
import { localConfig } from '../../handlers/config/local-config';
import { type EmulatedSlackUser, SANDBOX_BOT, SANDBOX_TEAM_ID } from '../../local/sandbox-users';
import { startEchoApp } from '../../local/slack-emulator/echo-app';
import {
  countRepliesPerTurn,
  type LoadOptions,
  type LoadResult,
  percentile,
  runSimulatedUsers,
} from '../../local/slack-emulator/load-driver';
import { SlackSender } from '../../local/slack-emulator/sender';
import { startSlackWebApi } from '../../local/slack-emulator/web-api';
import { startLocalStack } from '../../local/stack';
import { createStreamLogger } from '../../local/stdio';

const USERS = 50;
const LOAD_MS = Number(process.env.SLACK_BENCH_SECONDS ?? 30) * 1000;
const LIGHT_MS = 8_000;
const WARM_UP_MS = 2_000;
/** A read-only, tracked request: Lex, the code hook, a ledger record and the App Home refresh. */
const CHATOPS_TEXT = 'status of pipeline web-app';
const TARGETS = { ackP99Ms: 50, turnP99Ms: 150, throughputRatio: 0.5 };

type Figures = Record<string, number | string>;
type Target = Omit<LoadOptions, 'durationMs'>;

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

const round = (n: number) => Math.round(n * 10) / 10;
const ratio = (a: number | string | undefined, b: number | string | undefined): number =>
  Number(b) > 0 ? Math.round((Number(a) / Number(b)) * 100) / 100 : 0;

/** Warm-up, light phase (one user), load phase (all users); figures prefixed with `prefix`. */
async function measure(prefix: string, target: Target): Promise<Figures> {
  await runSimulatedUsers({ ...target, durationMs: WARM_UP_MS });
  const light = await runSimulatedUsers({
    ...target,
    userIds: target.userIds.slice(0, 1),
    durationMs: LIGHT_MS,
  });
  const load = await runSimulatedUsers({ ...target, durationMs: LOAD_MS });
  const figures = summarize(light, load);
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${prefix}${k}`, v]));
}

function summarize(light: LoadResult, load: LoadResult): Figures {
  return {
    ack_p50_ms: round(percentile(light.ackMs, 0.5)),
    ack_p99_ms: round(percentile(light.ackMs, 0.99)),
    turn_p50_ms: round(percentile(light.turnMs, 0.5)),
    turn_p99_ms: round(percentile(light.turnMs, 0.99)),
    load_ack_p50_ms: round(percentile(load.ackMs, 0.5)),
    load_ack_p99_ms: round(percentile(load.ackMs, 0.99)),
    load_turn_p50_ms: round(percentile(load.turnMs, 0.5)),
    load_turn_p99_ms: round(percentile(load.turnMs, 0.99)),
    turns_per_s: round((load.turns / load.elapsedMs) * 1000),
    turns: light.turns + load.turns,
    lost: light.lost + load.lost,
    duplicated: light.duplicated + load.duplicated,
    http_errors: light.httpErrors + load.httpErrors,
  };
}

async function benchEcho(users: EmulatedSlackUser[]): Promise<Figures> {
  const signingSecret = 'bench-echo-secret';
  const botToken = 'xoxb-bench-echo';
  const ids = { teamId: SANDBOX_TEAM_ID, botUserId: SANDBOX_BOT.userId, botId: SANDBOX_BOT.botId };
  const api = await startSlackWebApi({ botToken, ...ids, users });
  const echo = await startEchoApp({ signingSecret, botToken, slackApiUrl: api.url });
  try {
    const sender = new SlackSender({
      eventsUrl: echo.eventsUrl,
      signingSecret,
      teamId: SANDBOX_TEAM_ID,
      users,
    });
    return await measure('echo_', { sender, emulator: api, userIds: users.map((u) => u.id), text: 'hello' });
  } finally {
    await echo.stop();
    await api.stop();
  }
}

async function benchChatOps(
  prefix: string,
  users: EmulatedSlackUser[],
  store: 'memory' | 'dynamodb-local',
): Promise<Figures> {
  const stack = await startLocalStack({
    store,
    config: parseConfig(localConfig),
    logger: createStreamLogger(process.stderr, 'ERROR'),
    sink: () => {},
    users,
    // The per-user limit (20 turns a minute) would defer most bench turns; the bench measures capacity.
    rateLimit: { turnsPerMinute: 1_000_000 },
  });
  try {
    const { sender, emulator } = stack;
    if (!sender || !emulator) throw new Error('the local stack started without its Slack emulator');
    const userIds = users.map((u) => u.id);
    const repliesPerTurn = await countRepliesPerTurn(
      { sender, emulator, userIds, text: CHATOPS_TEXT },
      userIds[0] ?? '',
    );
    const figures = await measure(prefix, { sender, emulator, userIds, text: CHATOPS_TEXT, repliesPerTurn });
    await stack.idle();
    return { [`${prefix}replies_per_turn`]: repliesPerTurn, ...figures };
  } finally {
    await stack.stop();
  }
}

/** Runs the Slack benchmark; returns its figures (also logged to stderr). */
export async function runSlackBench(): Promise<Figures> {
  const users = benchUsers();
  const span = `1 user × ${LIGHT_MS / 1000} s, then ${USERS} users × ${LOAD_MS / 1000} s`;
  process.stderr.write(`slack bench: bare Bolt echo app (${span})…\n`);
  const echo = await benchEcho(users);
  process.stderr.write(`slack bench: ChatOps app, in-memory ledger twins (${span})…\n`);
  const ours = await benchChatOps('chatops_', users, 'memory');
  process.stderr.write(`slack bench: ChatOps app, DynamoDB Local (${span})…\n`);
  const ddb = await benchChatOps('chatops_ddb_', users, 'dynamodb-local');
  const throughputRatio = ratio(ours.chatops_turns_per_s, echo.echo_turns_per_s);
  const figures: Figures = {
    users: USERS,
    load_seconds: LOAD_MS / 1000,
    utterance: CHATOPS_TEXT,
    ...ours,
    ...ddb,
    ...echo,
    ack_p99_ratio_vs_echo: ratio(ours.chatops_ack_p99_ms, echo.echo_ack_p99_ms),
    turn_p99_ratio_vs_echo: ratio(ours.chatops_turn_p99_ms, echo.echo_turn_p99_ms),
    throughput_ratio_vs_echo: throughputRatio,
    ddb_throughput_ratio_vs_echo: ratio(ddb.chatops_ddb_turns_per_s, echo.echo_turns_per_s),
    target_ack_p99_met: String(Number(ours.chatops_ack_p99_ms) < TARGETS.ackP99Ms),
    target_turn_p99_met: String(Number(ours.chatops_turn_p99_ms) < TARGETS.turnP99Ms),
    target_throughput_met: String(throughputRatio >= TARGETS.throughputRatio),
    target_no_loss_met: String(
      [ours.chatops_lost, ours.chatops_duplicated, ddb.chatops_ddb_lost, ddb.chatops_ddb_duplicated].every(
        (n) => n === 0,
      ),
    ),
  };
  process.stderr.write(`slack bench: ${JSON.stringify(figures)}\n`);
  return figures;
}
