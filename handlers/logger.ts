/**
 * Structured logging with Powertools Logger (DESIGN §6 rule 6). Keys that look like secrets are
 * redacted before anything is written, wherever they appear in the log object.
 */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/** The subset of Powertools' Logger the code uses (so tests can pass a silent one). */
export interface Logger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
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

/** A Powertools logger whose every entry passes through {@link redact}. */
export function createLogger(serviceName = 'chatops', logLevel = process.env.LOG_LEVEL ?? 'INFO'): Logger {
  const inner = new PowertoolsLogger({ serviceName, logLevel: logLevel as 'INFO' });
  const wrap =
    (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, extra?: Record<string, unknown>) => {
      const safe = String(redact(message));
      if (extra) inner[level](safe, redact(extra) as Record<string, unknown>);
      else inner[level](safe);
    };
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
