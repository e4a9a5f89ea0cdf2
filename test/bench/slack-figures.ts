/**
 * Figures of the Slack benchmark: the phases' raw measurements reduced to percentiles and rates,
 * and the issue-4 targets checked against them (latency on the light and paced phases, throughput
 * on the closed-loop phase, no lost or duplicated reply in any phase of any run).
 */
import { type LoadResult, percentile } from '../../local/slack-emulator/load-driver';

export type Figures = Record<string, number | string>;

export interface Phases {
  light: LoadResult;
  paced: LoadResult;
  load: LoadResult;
  /** CPU ms each process (by role) used during the load phase. */
  loadCpuMs: Record<string, number>;
}

export const TARGETS = { ackP99Ms: 50, turnP99Ms: 150, throughputRatio: 0.5 };

const round = (n: number) => Math.round(n * 10) / 10;
const perSecond = (r: LoadResult) => round((r.turns / r.elapsedMs) * 1000);

/** The Number ratio a / b, two decimals (0 when b is not positive). */
export const ratio = (a: number | string | undefined, b: number | string | undefined): number =>
  Number(b) > 0 ? Math.round((Number(a) / Number(b)) * 100) / 100 : 0;

function latencies(prefix: string, r: LoadResult): Figures {
  return {
    [`${prefix}ack_p50_ms`]: round(percentile(r.ackMs, 0.5)),
    [`${prefix}ack_p99_ms`]: round(percentile(r.ackMs, 0.99)),
    [`${prefix}turn_p50_ms`]: round(percentile(r.turnMs, 0.5)),
    [`${prefix}turn_p99_ms`]: round(percentile(r.turnMs, 0.99)),
  };
}

/** One app's figures, keys prefixed with `prefix` (e.g. `echo_`). */
export function summarize(prefix: string, p: Phases, pacedOfferedPerS: number): Figures {
  const all = [p.light, p.paced, p.load];
  const sum = (pick: (r: LoadResult) => number) => all.reduce((n, r) => n + pick(r), 0);
  const figures: Figures = {
    ...latencies('', p.light),
    ...latencies('paced_', p.paced),
    paced_offered_turns_per_s: pacedOfferedPerS,
    paced_turns_per_s: perSecond(p.paced),
    paced_behind_schedule: p.paced.behindSchedule,
    ...latencies('load_', p.load),
    turns_per_s: perSecond(p.load),
    ...cpuFigures(p.load, p.loadCpuMs),
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
    figures[`load_cpu_ms_per_turn_${role}`] = load.turns > 0 ? Math.round((ms / load.turns) * 100) / 100 : 0;
    figures[`load_cpu_percent_${role}`] = Math.round((ms / load.elapsedMs) * 100);
  }
  return figures;
}

const below = (value: number | string | undefined, limit: number) => Number(value) < limit;

/** Side-by-side ratios and the targets, from the three runs' figures. */
export function comparison(f: Figures): Figures {
  const throughputRatio = ratio(f.chatops_turns_per_s, f.echo_turns_per_s);
  const noLoss = ['echo_', 'chatops_', 'chatops_ddb_'].every(
    (p) => f[`${p}lost`] === 0 && f[`${p}duplicated`] === 0,
  );
  return {
    ack_p99_ratio_vs_echo: ratio(f.chatops_ack_p99_ms, f.echo_ack_p99_ms),
    turn_p99_ratio_vs_echo: ratio(f.chatops_turn_p99_ms, f.echo_turn_p99_ms),
    paced_ack_p99_ratio_vs_echo: ratio(f.chatops_paced_ack_p99_ms, f.echo_paced_ack_p99_ms),
    paced_turn_p99_ratio_vs_echo: ratio(f.chatops_paced_turn_p99_ms, f.echo_paced_turn_p99_ms),
    throughput_ratio_vs_echo: throughputRatio,
    ddb_throughput_ratio_vs_echo: ratio(f.chatops_ddb_turns_per_s, f.echo_turns_per_s),
    target_ack_p99_met: String(
      below(f.chatops_ack_p99_ms, TARGETS.ackP99Ms) && below(f.chatops_paced_ack_p99_ms, TARGETS.ackP99Ms),
    ),
    target_turn_p99_met: String(
      below(f.chatops_turn_p99_ms, TARGETS.turnP99Ms) &&
        below(f.chatops_paced_turn_p99_ms, TARGETS.turnP99Ms),
    ),
    target_throughput_met: String(throughputRatio >= TARGETS.throughputRatio),
    target_no_loss_met: String(noLoss),
  };
}
