/**
 * Lambda section of `npm run bench`: per Lambda entry, the bundle built with the stack's own
 * esbuild settings (infra/lambda/bundle-settings.ts) — its size — and the cold start: a fresh Node
 * process loads the bundle, builds the handler and answers one fixture event (./lambda-events.ts)
 * against loopback stand-ins, 10 times; median and max of load + init + answer, measured in the
 * child from just before `require(bundle)`. Targets: ingress bundle ≤ 1 MB and cold answer
 * ≤ 300 ms; every other bundle ≤ 3 MB.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE, PROJECT_ROOT } from '../../infra/lambda/bundle-settings';
import { LAMBDA_ENTRIES } from '../../infra/lambda-entries';
import { baseEnv, coldStartCases, IDENTITY_KEYRING } from './lambda-events';

const RUNS = 10;
const MB = 1024 * 1024;
const TARGETS = { ingressBytes: 1 * MB, ingressColdMs: 300, otherBytes: 3 * MB };

/**
 * Loopback stand-in for AWS and Slack: Secrets Manager `GetSecretValue` answers the identity
 * keyring (./lambda-events.ts `IDENTITY_KEYRING`), SQS `SendMessage` a message id with the body's
 * MD5 (the SDK checks it), every other AWS call `{}`; Slack `{"ok":true,…}`.
 */
export async function startStandIn(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const slack = req.url?.startsWith('/api/');
      res.writeHead(200, { 'content-type': slack ? 'application/json' : 'application/x-amz-json-1.0' });
      if (slack) return res.end('{"ok":true,"ts":"1700000000.000100","channel":"DALICE0001"}');
      res.end(JSON.stringify(awsAnswer(String(req.headers['x-amz-target'] ?? ''), Buffer.concat(chunks))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function awsAnswer(target: string, body: Buffer): unknown {
  if (target === 'secretsmanager.GetSecretValue') {
    const { SecretId } = JSON.parse(body.toString('utf8')) as { SecretId: string };
    return {
      ARN: `arn:aws:secretsmanager:us-east-1:111111111111:secret:${SecretId}`,
      Name: SecretId,
      SecretString: IDENTITY_KEYRING,
    };
  }
  if (target === 'AmazonSQS.SendMessage') {
    const { MessageBody } = JSON.parse(body.toString('utf8')) as { MessageBody: string };
    return { MessageId: randomUUID(), MD5OfMessageBody: createHash('md5').update(MessageBody).digest('hex') };
  }
  return {};
}

/** Builds `entry` into `outdir` with the stack's settings; returns the bundle path. */
export async function bundleEntry(entry: string, outfile: string, naive = false): Promise<string> {
  // naive: what a deploy gets without the shared settings' aliases and ESM-first resolution.
  const { alias, mainFields, ...rest } = LAMBDA_BUNDLE;
  await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    bundle: true,
    outfile,
    logLevel: 'error',
    ...rest,
    ...(naive ? {} : { alias, mainFields: [...mainFields] }),
  });
  return outfile;
}

const CHILD = `
const t0 = performance.now();
const { handler } = require(process.env.BENCH_BUNDLE);
const loaded = performance.now() - t0;
const event = JSON.parse(process.env.BENCH_EVENT);
Promise.resolve(handler(event, { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10000 }))
  .then((result) => { process.stdout.write(JSON.stringify({ ms: performance.now() - t0, loadMs: loaded, result })); process.exit(0); },
        (error) => { process.stdout.write(JSON.stringify({ ms: performance.now() - t0, error: String(error) })); process.exit(0); });
`;

/** One cold answer in a fresh process. */
export function coldRun(
  bundle: string,
  event: unknown,
  env: Record<string, string>,
  sourceMaps: boolean,
): Promise<{ ms: number; loadMs?: number; result?: unknown; error?: string }> {
  return new Promise((resolve, reject) => {
    // The same NODE_OPTIONS the stack gives the function (infra/lambda-entries.ts sourceMapsAtRuntime).
    const child = spawn(process.execPath, [...(sourceMaps ? ['--enable-source-maps'] : []), '-e', CHILD], {
      env: { PATH: process.env.PATH ?? '', ...env, BENCH_BUNDLE: bundle, BENCH_EVENT: JSON.stringify(event) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`cold run printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

/** The section's figures. */
export async function runLambdaBench(): Promise<Record<string, number | string | boolean>> {
  const dir = mkdtempSync(join(tmpdir(), 'chatops-lambda-bench-'));
  const standIn = await startStandIn();
  const cases = coldStartCases();
  const figures: Record<string, number | string | boolean> = { runs: RUNS };
  let targetsMet = true;
  try {
    const ingress = LAMBDA_ENTRIES.find((e) => e.id === 'Ingress');
    const measured = LAMBDA_ENTRIES.filter((e) => existsSync(join(PROJECT_ROOT, e.entry))).map((e) => ({
      ...e,
      key: e.id.charAt(0).toLowerCase() + e.id.slice(1),
      naive: false,
    }));
    // Baseline in the same run (the machine's load varies): the ingress bundled without the settings.
    if (ingress) measured.push({ ...ingress, key: 'ingressNaive', naive: true });
    // The same bundle answering a real DM (de-dup + queue), not only Slack's URL check.
    if (ingress) measured.push({ ...ingress, id: 'IngressMessage', key: 'ingressMessage', naive: false });
    for (const entry of measured) {
      const bundle = await bundleEntry(entry.entry, join(dir, entry.key, 'index.js'), entry.naive);
      const bytes = statSync(bundle).size;
      const { key } = entry;
      figures[`${key}_bundle_kb`] = Math.round(bytes / 1024);
      const limit = entry.entry === ingress?.entry ? TARGETS.ingressBytes : TARGETS.otherBytes;
      if (!entry.naive) targetsMet &&= bytes <= limit;
      const makeCase = cases[entry.id];
      if (!makeCase) continue;
      const times: number[] = [];
      const loads: number[] = [];
      let answered = 0;
      for (let i = 0; i < RUNS; i++) {
        const c = makeCase();
        const run = await coldRun(
          bundle,
          c.event,
          { ...baseEnv(standIn.url), ...c.env },
          entry.sourceMapsAtRuntime !== false,
        );
        times.push(run.ms);
        loads.push(run.loadMs ?? run.ms);
        if (!run.error && c.answered(run.result)) answered++;
        else if (i === 0)
          process.stderr.write(
            `bench: ${entry.id} cold answer: ${run.error ?? JSON.stringify(run.result)}\n`,
          );
      }
      figures[`${key}_cold_median_ms`] = round(median(times));
      figures[`${key}_cold_max_ms`] = round(Math.max(...times));
      figures[`${key}_load_median_ms`] = round(median(loads));
      figures[`${key}_answered`] = `${answered}/${RUNS}`;
      if (entry.key === 'ingress' || entry.key === 'ingressMessage')
        targetsMet &&= median(times) <= TARGETS.ingressColdMs && answered === RUNS;
    }
  } finally {
    standIn.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  figures.targets = `ingress bundle <= 1024 KB, ingress cold median <= ${TARGETS.ingressColdMs} ms (URL check and a DM), other bundles <= 3072 KB`;
  figures.targets_met = targetsMet;
  return figures;
}
