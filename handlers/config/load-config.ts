/**
 * Parses and validates configuration. Errors name the key path and the reason, e.g.
 * `users[1].slackUserId: must be a Slack user id such as U0123ABCD`.
 */
import { readFileSync } from 'node:fs';
import type * as z from 'zod';
import { catalog } from '../../intents/catalog';
import { ConfigError } from '../errors';
import { KNOWN_EXTENSIONS } from '../extensions';
import { type ChatOpsConfig, configSchema } from './config.schema';
import { localConfig } from './local-config';

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function toIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Validates a config object. @throws ConfigError listing every bad key. */
export function parseConfig(input: unknown): ChatOpsConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(toIssues(result.error));
  const config = result.data;
  const issues: { path: string; message: string }[] = [];
  // Every intent config may name: the extensions' too, even while config leaves them off.
  const known = [...catalog.list(), ...KNOWN_EXTENSIONS.flatMap((e) => e.intents)].map((s) => s.id);
  for (const name of Object.keys(config.intents)) {
    if (!known.includes(name)) {
      issues.push({ path: `intents.${name}`, message: `unknown intent; known intents: ${known.join(', ')}` });
    }
  }
  const seen = new Set<string>();
  config.users.forEach((u, i) => {
    if (seen.has(u.slackUserId)) issues.push({ path: `users[${i}].slackUserId`, message: 'listed twice' });
    seen.add(u.slackUserId);
  });
  if (issues.length) throw new ConfigError(issues);
  return config;
}

/**
 * Loads the config for this process: `CHATOPS_CONFIG` (inline JSON), else `CHATOPS_CONFIG_FILE`
 * (path to a JSON file), else — only outside Lambda — the offline sandbox default.
 * @throws ConfigError in a Lambda function (`AWS_LAMBDA_FUNCTION_NAME` is set) given no config:
 *   a deployed function must never run on the sandbox config.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ChatOpsConfig {
  if (env.CHATOPS_CONFIG) return parseConfig(parseJson(env.CHATOPS_CONFIG, 'CHATOPS_CONFIG'));
  if (env.CHATOPS_CONFIG_FILE) {
    return parseConfig(parseJson(readFileSync(env.CHATOPS_CONFIG_FILE, 'utf8'), env.CHATOPS_CONFIG_FILE));
  }
  if (env.AWS_LAMBDA_FUNCTION_NAME) {
    throw new ConfigError([
      {
        path: 'CHATOPS_CONFIG',
        message:
          `no configuration in Lambda function ${env.AWS_LAMBDA_FUNCTION_NAME}: set CHATOPS_CONFIG ` +
          '(inline JSON) or CHATOPS_CONFIG_FILE; the sandbox default is for local runs only',
      },
    ]);
  }
  return parseConfig(localConfig);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError([
      { path: '(root)', message: `${source} is not valid JSON: ${(error as Error).message}` },
    ]);
  }
}
