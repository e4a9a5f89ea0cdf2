/**
 * What the ingress and worker Lambdas read from their environment: one zod schema per entry
 * ({@link ingressEnvSchema}, {@link workerEnvSchema}), parsed once per container, with errors that
 * name the variable (never its value). Deployed, the Slack signing secret and bot token come from
 * the Secrets Manager secret `SLACK_SECRET_ARN` (./slack-secrets.ts); without it (local runs,
 * tests) from `SLACK_SIGNING_SECRET` / `SLACK_BOT_TOKEN`. They never enter logs or errors.
 */
import * as z from 'zod';
import { optionalPositiveInt, optionalVar, parseEnv, requiredVar } from '../../handlers/config/env';
import type { DynamoLedger } from '../../handlers/ledger/dynamo-ledger';
import { dynamoLedgerOn } from '../../handlers/ledger/dynamo-ledger-client';
import { createLexRuntimeClient } from '../conversation/lex-client';

const slackValuesShape = { SLACK_SIGNING_SECRET: requiredVar(), SLACK_BOT_TOKEN: requiredVar() };
/** Either the secret's ARN or both values. */
const slackShape = {
  SLACK_SECRET_ARN: optionalVar(),
  SLACK_SIGNING_SECRET: optionalVar(),
  SLACK_BOT_TOKEN: optionalVar(),
};
function slackSource(
  env: {
    SLACK_SECRET_ARN?: string | undefined;
    SLACK_SIGNING_SECRET?: string | undefined;
    SLACK_BOT_TOKEN?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (env.SLACK_SECRET_ARN) return;
  for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] as const) {
    if (!env[name])
      ctx.addIssue({ code: 'custom', path: [name], message: 'environment variable is not set' });
  }
}
const lexShape = { LEX_BOT_ID: requiredVar(), LEX_BOT_ALIAS_ID: requiredVar(), LEX_LOCALE_ID: optionalVar() };
const tableShape = { TABLE_NAME: requiredVar() };
const optionalShape = {
  SLACK_API_URL: optionalVar(),
  SLACK_BOT_USER_ID: optionalVar(),
  SLACK_BOT_ID: optionalVar(),
};

/** The ingress Lambda's environment. */
export const ingressEnvSchema = z
  .object({
    ...slackShape,
    ...lexShape,
    ...tableShape,
    ...optionalShape,
    TURN_QUEUE_URL: requiredVar(),
  })
  .superRefine(slackSource);
export type IngressEnv = z.output<typeof ingressEnvSchema>;

/** The worker Lambda's environment. */
export const workerEnvSchema = z
  .object({
    ...slackShape,
    ...lexShape,
    ...tableShape,
    ...optionalShape,
    TURNS_PER_MINUTE: optionalPositiveInt(),
  })
  .superRefine(slackSource);
export type WorkerEnv = z.output<typeof workerEnvSchema>;

export interface SlackSecrets {
  signingSecret: string;
  botToken: string;
}

/** `SLACK_SIGNING_SECRET` and `SLACK_BOT_TOKEN`. @throws ConfigError naming the variable. */
export function slackSecrets(env: NodeJS.ProcessEnv): SlackSecrets {
  const parsed = parseEnv(z.object(slackValuesShape), env);
  return { signingSecret: parsed.SLACK_SIGNING_SECRET, botToken: parsed.SLACK_BOT_TOKEN };
}

/** The ledger (also the de-duplicator) on the table `TABLE_NAME`. */
export function dynamoLedger(env: NodeJS.ProcessEnv, retentionDays?: number): DynamoLedger {
  const { TABLE_NAME } = parseEnv(z.object(tableShape), env);
  return dynamoLedgerOn(TABLE_NAME, retentionDays);
}

/** The Lex bot `LEX_BOT_ID` / `LEX_BOT_ALIAS_ID` / `LEX_LOCALE_ID` (default `en_US`). */
export function lexBot(env: NodeJS.ProcessEnv) {
  const parsed = parseEnv(z.object(lexShape), env);
  return {
    client: createLexRuntimeClient(),
    botId: parsed.LEX_BOT_ID,
    botAliasId: parsed.LEX_BOT_ALIAS_ID,
    localeId: parsed.LEX_LOCALE_ID ?? 'en_US',
  };
}

/**
 * `TURNS_PER_MINUTE` when set to a positive integer, else undefined. The entry's schema refuses a
 * bad value at cold start; this reader only answers what is usable.
 */
export function rateLimit(env: NodeJS.ProcessEnv): { turnsPerMinute: number } | undefined {
  const parsed = z.object({ TURNS_PER_MINUTE: optionalPositiveInt() }).safeParse(env);
  const value = parsed.success ? parsed.data.TURNS_PER_MINUTE : undefined;
  return value ? { turnsPerMinute: value } : undefined;
}

/** Bot ids that let Bolt skip `auth.test` on a cold start (`SLACK_BOT_USER_ID`, `SLACK_BOT_ID`). */
export function knownBot(env: NodeJS.ProcessEnv): { botUserId: string; botId: string } | undefined {
  return env.SLACK_BOT_USER_ID && env.SLACK_BOT_ID
    ? { botUserId: env.SLACK_BOT_USER_ID, botId: env.SLACK_BOT_ID }
    : undefined;
}
