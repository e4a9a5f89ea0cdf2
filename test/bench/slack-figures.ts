/**
 * Figures of the Slack benchmark: the phases' raw measurements reduced to percentiles and rates,
 * and the issue-4 targets checked against them (latency on the light and paced phases, throughput
 * on the closed-loop phase, no lost or duplicated reply in any phase of any run).
 */
import { type LoadResult, percentile } from './load-driver';

export type Figures = Record<string, number | string>;

/** One closed-loop round of one app. */
export interface LoadRound {
  result: LoadResult;
  /** CPU ms each process (by role) used during the round. */
  cpuMs: Record<string, number>;
  /** The app's Web API calls during the round, by method. */
  calls: Record<string, number>;
}

export interface Phases {
  light: LoadResult;
  paced: LoadResult;
  /** The load phase, in one or more rounds. */
  rounds: LoadRound[];
}

/**
 * Targets. Throughput: ChatOps (in-memory ledger) vs the bare Bolt + Lex relay app, closed loop
 * (issue 10 retired the old "≥ 50 % of a bare Bolt echo"). DynamoDB Local: the paced phase served
 * fully (≥ 98 % of the offered turns/s) with turn p99 < 150 ms, and ≤ 2 DynamoDB calls per
 * read-only turn (App Home refreshes aside: one query per debounced refresh).
 */
export const TARGETS = {
  ackP99Ms: 50,
  turnP99Ms: 150,
  throughputRatioVsLexEcho: 0.8,
  pacedServedShare: 0.98,
  dynamoCallsPerReadOnlyTurn: 2,
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const perSecond = (r: LoadResult) => round1((r.turns / r.elapsedMs) * 1000);

/** The Number ratio a / b, two decimals (0 when b is not positive). */
export const ratio = (a: number | string | undefined, b: number | string | undefined): number =>
  Number(b) > 0 ? round2(Number(a) / Number(b)) : 0;

/** Several rounds as one result: counts and times summed, samples pooled. */
export function mergeResults(results: readonly LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    turns: sum((r) => r.turns),
    elapsedMs: sum((r) => r.elapsedMs),
    ackMs: results.flatMap((r) => r.ackMs),
    turnMs: results.flatMap((r) => r.turnMs),
    lost: sum((r) => r.lost),
    duplicated: sum((r) => r.duplicated),
    httpErrors: sum((r) => r.httpErrors),
    behindSchedule: sum((r) => r.behindSchedule),
  };
}

function addUp(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) {
    for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  }
  return total;
}

function latencies(prefix: string, r: LoadResult): Figures {
  return {
    [`${prefix}ack_p50_ms`]: round1(percentile(r.ackMs, 0.5)),
    [`${prefix}ack_p99_ms`]: round1(percentile(r.ackMs, 0.99)),
    [`${prefix}turn_p50_ms`]: round1(percentile(r.turnMs, 0.5)),
    [`${prefix}turn_p99_ms`]: round1(percentile(r.turnMs, 0.99)),
  };
}

/** One app's figures, keys prefixed with `prefix` (e.g. `echo_`). */
export function summarize(prefix: string, p: Phases, pacedOfferedPerS: number): Figures {
  const load = mergeResults(p.rounds.map((r) => r.result));
  const all = [p.light, p.paced, load];
  const sum = (pick: (r: LoadResult) => number) => all.reduce((n, r) => n + pick(r), 0);
  const figures: Figures = {
    ...latencies('', p.light),
    ...latencies('paced_', p.paced),
    paced_offered_turns_per_s: pacedOfferedPerS,
    paced_turns_per_s: perSecond(p.paced),
    paced_behind_schedule: p.paced.behindSchedule,
    ...latencies('load_', load),
    turns_per_s: perSecond(load),
    ...(p.rounds.length > 1
      ? { load_rounds_turns_per_s: p.rounds.map((r) => perSecond(r.result)).join(' / ') }
      : {}),
    ...cpuFigures(load, addUp(p.rounds.map((r) => r.cpuMs))),
    web_api_calls_per_turn: callsPerTurn(load, addUp(p.rounds.map((r) => r.calls))),
    turns: sum((r) => r.turns),
    lost: sum((r) => r.lost),
    duplicated: sum((r) => r.duplicated),
    http_errors: sum((r) => r.httpErrors),
  };
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Per process: CPU ms per turn and % of one core during the load phase (who is the bottleneck). */
function cpuFigures(load: LoadResult, cpuMs: Record<string, number>): Figures {
  const figures: Figures = {};
  for (const [role, ms] of Object.entries(cpuMs)) {
    figures[`load_cpu_ms_per_turn_${role}`] = load.turns > 0 ? round2(ms / load.turns) : 0;
    figures[`load_cpu_percent_${role}`] = Math.round((ms / load.elapsedMs) * 100);
  }
  return figures;
}

/** e.g. `chat.postMessage 1, views.publish 0.12` (most frequent first). */
function callsPerTurn(load: LoadResult, calls: Record<string, number>): string {
  return Object.entries(calls)
    .sort((a, b) => b[1] - a[1])
    .map(([method, n]) => `${method} ${load.turns > 0 ? round2(n / load.turns) : 0}`)
    .join(', ');
}

const below = (value: number | string | undefined, limit: number) => Number(value) < limit;

/** `a / b` for each ` / `-separated pair of per-round figures. */
function roundRatios(a: number | string | undefined, b: number | string | undefined): string {
  const as = String(a ?? '').split(' / ');
  const bs = String(b ?? '').split(' / ');
  return as.map((x, i) => ratio(x, bs[i])).join(' / ');
}

/** The DynamoDB Local run's targets: the paced phase served fully and fast. */
function dynamoTargets(f: Figures): Figures {
  const served =
    Number(f.chatops_ddb_paced_turns_per_s) >=
    TARGETS.pacedServedShare * Number(f.chatops_ddb_paced_offered_turns_per_s);
  return {
    target_ddb_paced_met: String(served && below(f.chatops_ddb_paced_turn_p99_ms, TARGETS.turnP99Ms)),
  };
}

/** Side-by-side ratios and the targets, from the runs' figures. */
export function comparison(f: Figures): Figures {
  const throughputRatio = ratio(f.chatops_turns_per_s, f.echo_turns_per_s);
  const prefixes = ['echo_', 'lex_echo_', 'chatops_', 'chatops_ddb_'].filter(
    (p) => f[`${p}turns`] !== undefined,
  );
  const noLoss = prefixes.every((p) => f[`${p}lost`] === 0 && f[`${p}duplicated`] === 0);
  return {
    ack_p99_ratio_vs_echo: ratio(f.chatops_ack_p99_ms, f.echo_ack_p99_ms),
    turn_p99_ratio_vs_echo: ratio(f.chatops_turn_p99_ms, f.echo_turn_p99_ms),
    paced_ack_p99_ratio_vs_echo: ratio(f.chatops_paced_ack_p99_ms, f.echo_paced_ack_p99_ms),
    paced_turn_p99_ratio_vs_echo: ratio(f.chatops_paced_turn_p99_ms, f.echo_paced_turn_p99_ms),
    throughput_ratio_vs_echo: throughputRatio,
    throughput_ratio_vs_echo_per_round: roundRatios(
      f.chatops_load_rounds_turns_per_s,
      f.echo_load_rounds_turns_per_s,
    ),
    lex_echo_throughput_ratio_vs_echo: ratio(f.lex_echo_turns_per_s, f.echo_turns_per_s),
    throughput_ratio_vs_lex_echo: ratio(f.chatops_turns_per_s, f.lex_echo_turns_per_s),
    ...(f.chatops_ddb_turns_per_s !== undefined
      ? { ddb_throughput_ratio_vs_echo: ratio(f.chatops_ddb_turns_per_s, f.echo_turns_per_s) }
      : {}),
    target_ack_p99_met: String(
      below(f.chatops_ack_p99_ms, TARGETS.ackP99Ms) && below(f.chatops_paced_ack_p99_ms, TARGETS.ackP99Ms),
    ),
    target_turn_p99_met: String(
      below(f.chatops_turn_p99_ms, TARGETS.turnP99Ms) &&
        below(f.chatops_paced_turn_p99_ms, TARGETS.turnP99Ms),
    ),
    target_throughput_met: String(
      ratio(f.chatops_turns_per_s, f.lex_echo_turns_per_s) >= TARGETS.throughputRatioVsLexEcho,
    ),
    ...(f.chatops_ddb_turns_per_s !== undefined ? dynamoTargets(f) : {}),
    target_no_loss_met: String(noLoss && prefixes.length > 0),
  };
}
