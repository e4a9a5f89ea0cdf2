/**
 * Structured logging with Powertools Logger (DESIGN §6 rule 6). Keys that look like secrets are
 * redacted before anything is written, wherever they appear in the log object. Correlation: the
 * Lambda entries add the invocation's context, and one Slack turn is followed from ingress to
 * worker to code hook by the `turnId` (and `requestId` once known) keys they append.
 */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * The subset of Powertools' Logger the code uses (so tests can pass a silent one). The correlation
 * methods are optional so a test double may be four functions; call them with `?.`.
 */
export interface Logger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
  /** Keys on every later entry (Powertools `appendKeys`); in Lambda, one invocation's keys. */
  appendKeys?(keys: Record<string, unknown>): void;
  /** Drops keys added by {@link Logger.appendKeys}. */
  removeKeys?(keys: string[]): void;
  /** The Lambda context (function name, ARN, request id, cold start) on every later entry. */
  addContext?(context: Context): void;
  /** A logger with these keys on every entry, for work that runs beside other work (one turn). */
  child?(keys: Record<string, unknown>): Logger;
}

/** `logger.child(keys)` when it has one, else `logger` itself (test doubles). */
export function withKeys(logger: Logger, keys: Record<string, unknown>): Logger {
  return logger.child?.(keys) ?? logger;
}

const SECRET_KEY =
  /(token|secret|password|signature|authorization|cookie|accesskey|privatekey|hmac|response_?url|webhook)/i;

/**
 * Secret shapes masked inside any string, in order:
 * - Slack tokens: `xoxb-`/`xoxp-`/`xoxa-`/`xoxr-`/`xoxs-`, refresh tokens `xoxe-` and rotating
 *   access tokens `xoxe.xoxp-…` (https://api.slack.com/authentication/rotation), app tokens `xapp-`;
 * - AWS access key ids: long-term `AKIA…` and temporary (STS) `ASIA…`;
 * - Slack response and incoming-webhook URLs (`https://hooks.slack.com/…`): whoever holds one can
 *   post as the app (https://api.slack.com/messaging/webhooks);
 * - `token` query values (`?token=` / `&token=`: the approval links);
 * - 40-character AWS secret access keys (base64 alphabet, mixed case, not part of a longer run).
 */
const SECRET_VALUES: readonly [RegExp, string | ((match: string) => string)][] = [
  [/xox[a-z](?:\.xox[a-z])?-[\w.-]+/g, '[REDACTED]'],
  [/xapp-[\w-]+/g, '[REDACTED]'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, '[REDACTED]'],
  [/https?:\/\/hooks\.slack\.com\/[^\s"'<>|]*/gi, 'https://hooks.slack.com/[REDACTED]'],
  [/([?&]token=)[^&\s#"'<>]+/gi, '$1[REDACTED]'],
  [
    /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) ? '[REDACTED]' : m),
  ],
];

/** `text` with every secret shape masked. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_VALUES)
    out =
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  return out;
}

/** Deep copy with secret-looking keys replaced by `[REDACTED]` and token-looking values masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[TRUNCATED]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[REDACTED]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

/**
 * A Powertools logger whose every entry, appended key included, passes through {@link redact}.
 * @example
 * const logger = createLogger('chatops-worker');
 * logger.addContext?.(context);
 * logger.appendKeys?.({ turnId: turn.id });
 */
export function createLogger(serviceName = 'chatops', logLevel = process.env.LOG_LEVEL ?? 'INFO'): Logger {
  return wrapPowertools(new PowertoolsLogger({ serviceName, logLevel: logLevel as 'INFO' }));
}

function wrapPowertools(inner: PowertoolsLogger): Logger {
  const wrap =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, extra?: Record<string, unknown>) => {
      const safe = String(redact(message));
      if (extra) inner[level](safe, redact(extra) as Record<string, unknown>);
      else inner[level](safe);
    };
  return {
    debug: wrap('debug'),
    info: wrap('info'),
    warn: wrap('warn'),
    error: wrap('error'),
    appendKeys: (keys) => inner.appendKeys(redact(keys) as Record<string, unknown>),
    removeKeys: (keys) => inner.removeKeys(keys),
    addContext: (context) => inner.addContext(context),
    child: (keys) => {
      const child = inner.createChild();
      child.appendKeys(redact(keys) as Record<string, unknown>);
      return wrapPowertools(child);
    },
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  appendKeys() {},
  removeKeys() {},
  addContext() {},
  child: () => silentLogger,
};
