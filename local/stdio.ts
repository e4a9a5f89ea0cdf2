/**
 * Output plumbing of the local stack. In headless mode stdout is a machine-readable channel (DESIGN
 * §5: the endpoints line, then one JSON line per notification), so {@link reserveStdoutForJsonLines}
 * diverts every other write to stdout — Powertools Logger, Bolt's logger, stray console.log — to
 * stderr. {@link createStreamLogger} is the stack's logger: redacted JSON lines on any stream
 * (stderr when headless, a log file under `.chatops/` behind the terminal chat).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Logger, redact } from '../handlers/logger';

export interface JsonLineChannel {
  /** Writes `value` as one JSON line on the real stdout. */
  writeJsonLine(value: unknown): void;
  /** Gives stdout back. */
  restore(): void;
}

/** Routes all other stdout writes to stderr; only {@link JsonLineChannel.writeJsonLine} reaches stdout. */
export function reserveStdoutForJsonLines(): JsonLineChannel {
  const original = process.stdout.write;
  const toStdout = original.bind(process.stdout);
  // Node's stream.write overloads cannot be re-declared without widening; stderr takes the same arguments.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return {
    writeJsonLine: (value) => {
      toStdout(`${JSON.stringify(value)}\n`);
    },
    restore: () => {
      process.stdout.write = original;
    },
  };
}

const LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40 } as const;
type LevelName = keyof typeof LEVELS;

/** A {@link Logger} writing redacted JSON lines to `stream` at `level` and above. */
export function createStreamLogger(
  stream: NodeJS.WritableStream,
  level: string = 'INFO',
  service = 'chatops-local',
  keys: Record<string, unknown> = {},
): Logger {
  const min =
    LEVELS[(level.toUpperCase() as LevelName) in LEVELS ? (level.toUpperCase() as LevelName) : 'INFO'];
  const appended: Record<string, unknown> = { ...keys };
  const write = (name: LevelName) => (message: string, extra?: Record<string, unknown>) => {
    if (LEVELS[name] < min) return;
    const entry = { level: name, message: redact(message), service, timestamp: new Date().toISOString() };
    const all = extra ? { ...appended, ...extra } : appended;
    stream.write(`${JSON.stringify({ ...entry, ...(redact(all) as object) })}\n`);
  };
  return {
    debug: write('DEBUG'),
    info: write('INFO'),
    warn: write('WARN'),
    error: write('ERROR'),
    appendKeys: (more) => Object.assign(appended, more),
    removeKeys: (names) => {
      for (const name of names) delete appended[name];
    },
    child: (more) => createStreamLogger(stream, level, service, { ...appended, ...more }),
  };
}

/** A write stream appending to `path` (its directory is created). */
export function openLogFile(path: string): NodeJS.WritableStream & { close(): void } {
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { flags: 'a' });
}
