/**
 * Parent side of the benchmark's child processes: starts a TypeScript entry point in its own Node
 * process (`node --import tsx <entry>`), hands it its configuration as one JSON environment variable
 * (not argv, so the throwaway bench secrets stay out of `ps`), waits for the one JSON line it prints
 * on stdout once it listens, and stops it with SIGTERM (SIGKILL after a grace period).
 *
 * No orphans: the child's stdin is a pipe from this process, and the child stops when that pipe
 * ends (./child-entry.ts), which the kernel does when this process dies for any reason; an `exit`
 * hook also SIGKILLs a child the caller forgot to stop. `BENCH_CHILD_NODE_ARGS` adds Node flags to
 * every child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile each side. Hand-written rather than a process-manager
 * library because all it needs is `child_process.spawn` and a line reader.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ChatOpsError } from '../../handlers/errors';

/** The environment variable carrying a child's JSON configuration. */
export const CHILD_CONFIG_ENV = 'CHATOPS_BENCH_CHILD_CONFIG';

const READY_TIMEOUT_MS = 90_000;
const KILL_GRACE_MS = 5_000;

/** A bench child did not come up (crashed, printed something else, or took too long). */
export class BenchChildStartError extends ChatOpsError {
  constructor(name: string, reason: string) {
    super('BENCH_CHILD_START_FAILED', `The bench child "${name}" did not start: ${reason}`, { name });
  }
}

export interface BenchChild<T> {
  /** What the child printed once ready. */
  readonly info: T;
  readonly pid: number;
  /** Asks the child for its figures (`report` on stdin) and resolves with its JSON answer. */
  report(): Promise<Record<string, unknown>>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `entry` (an absolute path to a .ts file) with `config` and resolves with the first JSON
 * line it prints. On any failure the child is killed before the error surfaces.
 */
export async function startBenchChild<T>(
  name: string,
  entry: string,
  config: unknown,
): Promise<BenchChild<T>> {
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, [CHILD_CONFIG_ENV]: JSON.stringify(config) },
  });
  const exitHook = () => {
    if (running(child)) child.kill('SIGKILL');
  };
  process.once('exit', exitHook);
  const stop = stopper(child, () => process.off('exit', exitHook));
  try {
    const info = await firstJsonLine<T>(name, child);
    return { info, pid: child.pid ?? 0, stop, report: reporter(child) };
  } catch (error) {
    await stop();
    throw error;
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function firstJsonLine<T>(name: string, child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.off('line', onLine);
      settle();
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(() => reject(new BenchChildStartError(name, `exited (code ${code}, signal ${signal})`)));
    const onLine = (line: string) => {
      try {
        const value = JSON.parse(line) as T;
        done(() => resolve(value));
      } catch {
        done(() => reject(new BenchChildStartError(name, 'its first stdout line was not JSON')));
      }
    };
    const timer = setTimeout(
      () => done(() => reject(new BenchChildStartError(name, `not ready within ${READY_TIMEOUT_MS} ms`))),
      READY_TIMEOUT_MS,
    );
    child.once('exit', onExit);
    lines.on('line', onLine);
  });
}

/** Writes `report` to the child's stdin and reads its next stdout line as JSON. */
function reporter(child: ChildProcess): () => Promise<Record<string, unknown>> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  return () =>
    new Promise((resolve) => {
      waiting.push((line) => {
        try {
          resolve(JSON.parse(line) as Record<string, unknown>);
        } catch {
          resolve({});
        }
      });
      child.stdin?.write('report\n');
    });
}

function stopper(child: ChildProcess, cleanUp: () => void): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  return () => {
    stopped ??= new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(killer);
        cleanUp();
        resolve();
      };
      const killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      if (!running(child)) return finish();
      child.once('exit', finish);
      child.kill('SIGTERM');
    });
    return stopped;
  };
}
