/**
 * Child side of the benchmark's child processes (see ./child-process.ts): reads the JSON
 * configuration from the environment, runs the entry's `start`, prints what it returns as one JSON
 * line on stdout, and stops it on SIGTERM / SIGINT or when stdin ends (the parent died), then exits.
 * A `report` line on stdin is answered with one JSON line of the entry's figures (`report()`).
 */
import { CHILD_CONFIG_ENV } from './child-process';

const STOP_DEADLINE_MS = 10_000;

export interface ChildRun {
  /** Printed as the one JSON line on stdout (endpoints only; never secrets). */
  info: Record<string, string>;
  /** Figures the parent can ask for at any time (a `report` line on stdin → one JSON line). */
  report?: () => Record<string, unknown>;
  stop(): Promise<void>;
}

/** Runs a bench child: `start(config)`, announce, stay up until told to stop. */
export function runBenchChild<C>(name: string, start: (config: C) => Promise<ChildRun>): void {
  const raw = process.env[CHILD_CONFIG_ENV];
  if (!raw) {
    process.stderr.write(`${name}: ${CHILD_CONFIG_ENV} is not set; start it through startBenchChild\n`);
    process.exit(2);
  }
  start(JSON.parse(raw) as C).then(
    (run) => {
      let stopping = false;
      const shutdown = () => {
        if (stopping) return;
        stopping = true;
        // Bounded: a stop stuck on a dead parent's sockets (Web API retries) must not outlive it long.
        setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
        run.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
      process.stdin.once('end', shutdown);
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) {
          if (line.trim() === 'report') process.stdout.write(`${JSON.stringify(run.report?.() ?? {})}\n`);
        }
      });
      process.stdin.resume();
      process.stdout.write(`${JSON.stringify(run.info)}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
