/**
 * NLU benchmark of the local Lex runtime over HTTP, through the real Lex V2 SDK client:
 * intent accuracy on in-domain paraphrases, out-of-domain → FallbackIntent rate, slot exact-match
 * rate (all slots of a line, interpreted values), per intent too, and RecognizeText latency p50/p99.
 * The evaluation is split in two parts (test/fixtures/nlu-eval.tune.jsonl, the part the NLU may be
 * tuned on, and nlu-eval.test.jsonl, which is only ever scored): both are printed.
 * Targets (issue 16): intent ≥ 96 %, fallback ≥ 95 %, slots ≥ 95 % on the test part, p99 < 20 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Interpretation } from '@aws-sdk/client-lex-runtime-v2';
import { type LocalLexHarness, startLocalLexHarness } from '../integration/support/local-lex';
import { signedIdentity } from '../kit/identity';

export interface NluEvalLine {
  utterance: string;
  intent: string;
  slots: Record<string, string>;
}

export const NLU_TARGETS = {
  intentAccuracy: 0.96,
  fallbackRate: 0.95,
  slotExactMatch: 0.95,
  latencyP99Ms: 20,
};

/** The two parts of the evaluation: `tune` may guide changes to the NLU, `test` is only scored. */
export const NLU_EVAL_PARTS = ['tune', 'test'] as const;
export type NluEvalPart = (typeof NLU_EVAL_PARTS)[number];
const FALLBACK = 'FallbackIntent';
const LATENCY_PASSES = 3;

/** One part of the evaluation set, one JSON object per line. */
export function loadNluEvalSet(part: NluEvalPart): NluEvalLine[] {
  return readFileSync(join(__dirname, '..', 'fixtures', `nlu-eval.${part}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as NluEvalLine);
}

/** Slot name → interpreted value of the filled slots of an interpretation. */
export function filledSlots(interpretation: Interpretation | undefined): Record<string, string> {
  const slots = interpretation?.intent?.slots ?? {};
  return Object.fromEntries(
    Object.entries(slots).flatMap(([name, slot]) => {
      const value = slot?.value?.interpretedValue;
      return value ? [[name, value]] : [];
    }),
  );
}

/** Whether two slot maps hold exactly the same names and values. */
export function sameSlots(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Tally {
  lines: number;
  intentOk: number;
  slotsOk: number;
}

/** Per expected intent: lines, intent hits and (intent + all slots) hits. */
async function tally(harness: LocalLexHarness, part: string, lines: readonly NluEvalLine[]) {
  const byIntent = new Map<string, Tally>();
  for (const [i, line] of lines.entries()) {
    const out = await harness.say(`bench-${part}-${i}`, line.utterance, signedIdentity('alice'));
    const top = out.interpretations?.[0];
    const hit = top?.intent?.name === line.intent;
    const t = byIntent.get(line.intent) ?? { lines: 0, intentOk: 0, slotsOk: 0 };
    t.lines += 1;
    if (hit) t.intentOk += 1;
    if (hit && sameSlots(filledSlots(top), line.slots)) t.slotsOk += 1;
    byIntent.set(line.intent, t);
  }
  return byIntent;
}

/** Figures of one part: overall intent / fallback / slot rates, then per intent. */
async function accuracy(harness: LocalLexHarness, part: string, lines: readonly NluEvalLine[]) {
  const byIntent = await tally(harness, part, lines);
  const inDomain = [...byIntent.entries()].filter(([name]) => name !== FALLBACK).map(([, t]) => t);
  const sum = (key: keyof Tally) => inDomain.reduce((n, t) => n + t[key], 0);
  const fallback = byIntent.get(FALLBACK) ?? { lines: 0, intentOk: 0, slotsOk: 0 };
  const figures: Record<string, number> = {
    [`${part}.utterances`]: lines.length,
    [`${part}.inDomain`]: sum('lines'),
    [`${part}.outOfDomain`]: fallback.lines,
    [`${part}.intentAccuracy`]: round(sum('intentOk') / sum('lines')),
    [`${part}.fallbackRate`]: round(fallback.intentOk / fallback.lines),
    [`${part}.slotExactMatch`]: round(sum('slotsOk') / sum('lines')),
  };
  for (const [name, t] of [...byIntent.entries()].sort()) {
    figures[`${part}.${name}`] = round(t.intentOk / t.lines);
    if (name !== FALLBACK) figures[`${part}.${name}.slots`] = round(t.slotsOk / t.lines);
  }
  return figures;
}

async function latency(harness: LocalLexHarness, lines: readonly NluEvalLine[], passes = LATENCY_PASSES) {
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    for (const [i, line] of lines.entries()) {
      const started = performance.now();
      await harness.say(`bench-lat-${passes}-${pass}-${i}`, line.utterance, signedIdentity('alice'));
      samples.push(performance.now() - started);
    }
  }
  return samples.sort((a, b) => a - b);
}

/** Runs the benchmark (the lead's test/bench/main.ts prints it under `nlu`). */
export async function runNluBench(): Promise<Record<string, number | string>> {
  const parts = NLU_EVAL_PARTS.map((part) => ({ part, lines: loadNluEvalSet(part) }));
  // Accuracy is read from the NLU's interpretations, so no code hook may rewrite the slots.
  const nluOnly = await startLocalLexHarness({ codeHook: undefined });
  const full = await startLocalLexHarness();
  try {
    const figures: Record<string, number | string> = {};
    for (const { part, lines } of parts) Object.assign(figures, await accuracy(nluOnly, part, lines));
    const all = parts.flatMap((p) => p.lines);
    await latency(full, all, 1); // warm-up: JIT, caches, sockets
    const samples = await latency(full, all);
    const p99 = percentile(samples, 99);
    const meets =
      Number(figures['test.intentAccuracy']) >= NLU_TARGETS.intentAccuracy &&
      Number(figures['test.fallbackRate']) >= NLU_TARGETS.fallbackRate &&
      Number(figures['test.slotExactMatch']) >= NLU_TARGETS.slotExactMatch &&
      p99 < NLU_TARGETS.latencyP99Ms;
    return {
      ...figures,
      recognizeTextRequests: samples.length,
      latencyP50Ms: round(percentile(samples, 50), 2),
      latencyP99Ms: round(p99, 2),
      targets: 'test part: intent>=0.96 fallback>=0.95 slots>=0.95; p99<20ms',
      meetsTargets: meets ? 'yes' : 'no',
    };
  } finally {
    await nluOnly.stop();
    await full.stop();
  }
}

if (require.main === module) {
  runNluBench().then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
