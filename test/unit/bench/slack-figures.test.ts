import type { LoadResult } from '../../bench/load-driver';
import { comparison, mergeResults, summarize } from '../../bench/slack-figures';

const result = (turns: number, elapsedMs: number, extra: Partial<LoadResult> = {}): LoadResult => ({
  turns,
  elapsedMs,
  ackMs: Array.from({ length: turns }, () => 1),
  turnMs: Array.from({ length: turns }, () => 2),
  lost: 0,
  duplicated: 0,
  httpErrors: 0,
  behindSchedule: 0,
  ...extra,
});

const round = (turns: number, elapsedMs: number, extra: Partial<LoadResult> = {}) => ({
  result: result(turns, elapsedMs, extra),
  cpuMs: { app: turns * 2 },
  calls: { 'chat.postMessage': turns },
});

describe('slack bench figures', () => {
  it('pools interleaved rounds: turns/s over the summed time, each round listed, CPU and calls per turn', () => {
    // Prepare
    const phases = {
      light: result(10, 1000),
      paced: result(50, 1000),
      rounds: [round(400, 1000), round(600, 1000)],
    };

    // Act
    const figures = summarize('chatops_', phases, 50);

    // Assess
    expect(figures).toMatchObject({
      chatops_turns_per_s: 500,
      chatops_load_rounds_turns_per_s: '400 / 600',
      chatops_load_cpu_ms_per_turn_app: 2,
      chatops_web_api_calls_per_turn: 'chat.postMessage 1',
      chatops_turns: 1060,
    });
  });

  it('compares with both baselines and fails the no-loss target when any run lost or duplicated a reply', () => {
    // Prepare
    const base = {
      echo_turns_per_s: 1000,
      echo_load_rounds_turns_per_s: '900 / 1100',
      echo_turns: 1,
      echo_lost: 0,
      echo_duplicated: 0,
      lex_echo_turns_per_s: 400,
      lex_echo_turns: 1,
      lex_echo_lost: 0,
      lex_echo_duplicated: 0,
      chatops_turns_per_s: 500,
      chatops_load_rounds_turns_per_s: '450 / 550',
      chatops_turns: 1,
      chatops_lost: 0,
      chatops_duplicated: 0,
    };

    // Act
    const clean = comparison(base);
    const lossy = comparison({ ...base, lex_echo_duplicated: 1 });
    const slow = comparison({ ...base, chatops_turns_per_s: 300 });

    // Assess
    expect(clean).toMatchObject({
      throughput_ratio_vs_echo: 0.5,
      throughput_ratio_vs_echo_per_round: '0.5 / 0.5',
      throughput_ratio_vs_lex_echo: 1.25,
      target_throughput_met: 'true',
      target_no_loss_met: 'true',
    });
    expect(lossy.target_no_loss_met).toBe('false');
    expect(slow).toMatchObject({ throughput_ratio_vs_lex_echo: 0.75, target_throughput_met: 'false' });
  });

  it('checks the DynamoDB Local paced phase: served fully and turn p99 under 150 ms', () => {
    // Prepare
    const ddb = { chatops_ddb_turns_per_s: 100, chatops_ddb_paced_offered_turns_per_s: 50 };
    // Act
    const fast = comparison({
      ...ddb,
      chatops_ddb_paced_turns_per_s: 49.5,
      chatops_ddb_paced_turn_p99_ms: 40,
    });
    const behind = comparison({
      ...ddb,
      chatops_ddb_paced_turns_per_s: 28,
      chatops_ddb_paced_turn_p99_ms: 40,
    });
    const slow = comparison({
      ...ddb,
      chatops_ddb_paced_turns_per_s: 50,
      chatops_ddb_paced_turn_p99_ms: 2400,
    });
    // Assess
    expect([fast, behind, slow].map((f) => f.target_ddb_paced_met)).toEqual(['true', 'false', 'false']);
  });

  it('merges rounds by summing counts and pooling latency samples', () => {
    // Act
    const merged = mergeResults([result(2, 100, { lost: 1 }), result(3, 200, { httpErrors: 2 })]);

    // Assess
    expect(merged).toMatchObject({ turns: 5, elapsedMs: 300, lost: 1, httpErrors: 2 });
    expect(merged.ackMs).toHaveLength(5);
  });
});
