/**
 * Adapts the project logger (Powertools, with secret redaction) to the `Logger` interface Bolt and
 * @slack/web-api expect, so every line they write is structured and redacted too.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../handlers/logger';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/** A Bolt logger writing through `logger` at `level` and above (default INFO: Bolt's DEBUG dumps payloads). */
export function toBoltLogger(logger: Logger, initialLevel: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initialLevel;
  let name = 'bolt';
  const write =
    (at: LogLevel, fn: (message: string, extra?: Record<string, unknown>) => void) =>
    (...msgs: unknown[]) => {
      if (ORDER[at] < ORDER[level]) return;
      fn(msgs.map((m) => (typeof m === 'string' ? m : String(m))).join(' '), { logger: name });
    };
  return {
    debug: write(LogLevel.DEBUG, (m, e) => logger.debug(m, e)),
    info: write(LogLevel.INFO, (m, e) => logger.info(m, e)),
    warn: write(LogLevel.WARN, (m, e) => logger.warn(m, e)),
    error: write(LogLevel.ERROR, (m, e) => logger.error(m, e)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
