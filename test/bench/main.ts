/**
 * `npm run bench`: runs every benchmark section and prints one JSON object of figures on stdout
 * (progress goes to stderr). Targets live here, not in timed tests: each section reports its
 * figures and whether they met their targets. `--only nlu,lambda` runs a subset.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';

type Figures = Record<string, number | string | boolean>;
type Section = () => Promise<Figures>;

const SECTIONS: Record<string, () => Promise<Section>> = {
  nlu: async () => (await import('./nlu.bench')).runNluBench,
  slack: async () => (await import('./slack.bench')).runSlackBench,
  ledger: async () => (await import('./ledger.bench')).runLedgerBench,
  lambda: async () => (await import('./lambda.bench')).runLambdaBench,
  headless: async () => (await import('./headless.bench')).runHeadlessBench,
};

async function main(): Promise<void> {
  // One identity key for every bench child (the Slack app signs, the Lex child's code hook verifies).
  process.env.CHATOPS_IDENTITY_KEY ||= randomBytes(32).toString('hex');
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const names = values.only ? values.only.split(',') : Object.keys(SECTIONS);
  const figures: Record<string, Figures> = {};
  for (const name of names) {
    const load = SECTIONS[name];
    if (!load) throw new Error(`Unknown bench section "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
    process.stderr.write(`bench: running ${name}…\n`);
    figures[name] = await (await load())();
  }
  process.stdout.write(`${JSON.stringify({ machine: machineFacts(), ...figures }, null, 2)}\n`);
}

function machineFacts(): Figures {
  return { node: process.version, cpus: cpus().length, date: new Date().toISOString() };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
