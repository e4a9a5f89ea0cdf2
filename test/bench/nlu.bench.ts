/**
 * NLU benchmark of the local Lex runtime over HTTP, through the real Lex V2 SDK client:
 * intent accuracy on in-domain paraphrases, out-of-domain → FallbackIntent rate, slot exact-match
 * rate (all slots of a line, interpreted values), and RecognizeText latency p50/p99.
 * The evaluation set (test/fixtures/nlu-eval.jsonl) holds paraphrases that are not catalog samples.
 * Targets (issue 3): intent ≥ 95 %, fallback ≥ 90 %, slots ≥ 90 %, p99 < 20 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Interpretation } from '@aws-sdk/client-lex-runtime-v2';
import { type LocalLexHarness, sandboxUser, startLocalLexHarness } from '../integration/support/local-lex';

export interface NluEvalLine {
  utterance: string;
  intent: string;
  slots: Record<string, string>;
}

export const NLU_TARGETS = { intentAccuracy: 0.95, fallbackRate: 0.9, slotExactMatch: 0.9, latencyP99Ms: 20 };
const FALLBACK = 'FallbackIntent';
const LATENCY_PASSES = 3;

/** The evaluation set, one JSON object per line. */
export function loadNluEvalSet(path = join(__dirname, '..', 'fixtures', 'nlu-eval.jsonl')): NluEvalLine[] {
  return readFileSync(path, 'utf8')
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

async function accuracy(harness: LocalLexHarness, lines: readonly NluEvalLine[]) {
  let inDomain = 0;
  let intentOk = 0;
  let slotsOk = 0;
  let outOfDomain = 0;
  let fallbackOk = 0;
  for (const [i, line] of lines.entries()) {
    const out = await harness.say(`bench-acc-${i}`, line.utterance, sandboxUser());
    const top = out.interpretations?.[0];
    const intent = top?.intent?.name;
    if (line.intent === FALLBACK) {
      outOfDomain += 1;
      if (intent === FALLBACK) fallbackOk += 1;
      continue;
    }
    inDomain += 1;
    if (intent === line.intent) intentOk += 1;
    if (intent === line.intent && sameSlots(filledSlots(top), line.slots)) slotsOk += 1;
  }
  return {
    inDomain,
    outOfDomain,
    intent: intentOk / inDomain,
    fallback: fallbackOk / outOfDomain,
    slots: slotsOk / inDomain,
  };
}

async function latency(harness: LocalLexHarness, lines: readonly NluEvalLine[], passes = LATENCY_PASSES) {
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    for (const [i, line] of lines.entries()) {
      const started = performance.now();
      await harness.say(`bench-lat-${passes}-${pass}-${i}`, line.utterance, sandboxUser());
      samples.push(performance.now() - started);
    }
  }
  return samples.sort((a, b) => a - b);
}

/** Runs the benchmark (the lead's test/bench/main.ts prints it under `nlu`). */
export async function runNluBench(): Promise<Record<string, number | string>> {
  const lines = loadNluEvalSet();
  // Accuracy is read from the NLU's interpretations, so no code hook may rewrite the slots.
  const nluOnly = await startLocalLexHarness({ codeHook: undefined });
  const full = await startLocalLexHarness();
  try {
    const acc = await accuracy(nluOnly, lines);
    await latency(full, lines, 1); // warm-up: JIT, caches, sockets
    const samples = await latency(full, lines);
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const meets =
      acc.intent >= NLU_TARGETS.intentAccuracy &&
      acc.fallback >= NLU_TARGETS.fallbackRate &&
      acc.slots >= NLU_TARGETS.slotExactMatch &&
      p99 < NLU_TARGETS.latencyP99Ms;
    return {
      utterances: lines.length,
      inDomain: acc.inDomain,
      outOfDomain: acc.outOfDomain,
      intentAccuracy: round(acc.intent),
      fallbackRate: round(acc.fallback),
      slotExactMatch: round(acc.slots),
      recognizeTextRequests: samples.length,
      latencyP50Ms: round(p50, 2),
      latencyP99Ms: round(p99, 2),
      targets: 'intent>=0.95 fallback>=0.90 slots>=0.90 p99<20ms',
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
