/**
 * What the ingress and worker Lambdas read from their environment, validated once per container
 * with errors that name the variable. Secrets (signing secret, bot token) come from the
 * environment the stack injects and never enter logs or errors.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfigError } from '../../handlers/errors';
import { DynamoLedger } from '../../handlers/ledger/dynamo-ledger';
import { createLexRuntimeClient } from '../conversation/lex-client';

export interface SlackSecrets {
  signingSecret: string;
  botToken: string;
}

/** `name` from `env`. @throws ConfigError naming the variable (never its value). */
export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError([{ path: name, message: 'environment variable is not set' }]);
  return value;
}

/** `SLACK_SIGNING_SECRET` and `SLACK_BOT_TOKEN`. */
export function slackSecrets(env: NodeJS.ProcessEnv): SlackSecrets {
  return {
    signingSecret: requireEnv(env, 'SLACK_SIGNING_SECRET'),
    botToken: requireEnv(env, 'SLACK_BOT_TOKEN'),
  };
}

/** The ledger (also the de-duplicator) on the table `TABLE_NAME`. */
export function dynamoLedger(env: NodeJS.ProcessEnv, retentionDays?: number): DynamoLedger {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return new DynamoLedger({
    client,
    tableName: requireEnv(env, 'TABLE_NAME'),
    ...(retentionDays ? { retentionDays } : {}),
  });
}

/** The Lex bot `LEX_BOT_ID` / `LEX_BOT_ALIAS_ID` / `LEX_LOCALE_ID` (default `en_US`). */
export function lexBot(env: NodeJS.ProcessEnv) {
  return {
    client: createLexRuntimeClient(),
    botId: requireEnv(env, 'LEX_BOT_ID'),
    botAliasId: requireEnv(env, 'LEX_BOT_ALIAS_ID'),
    localeId: env.LEX_LOCALE_ID || 'en_US',
  };
}

/** `TURNS_PER_MINUTE` when set to a positive integer. */
export function rateLimit(env: NodeJS.ProcessEnv): { turnsPerMinute: number } | undefined {
  const value = Number(env.TURNS_PER_MINUTE);
  return Number.isInteger(value) && value > 0 ? { turnsPerMinute: value } : undefined;
}

/** Bot ids that let Bolt skip `auth.test` on a cold start (`SLACK_BOT_USER_ID`, `SLACK_BOT_ID`). */
export function knownBot(env: NodeJS.ProcessEnv): { botUserId: string; botId: string } | undefined {
  return env.SLACK_BOT_USER_ID && env.SLACK_BOT_ID
    ? { botUserId: env.SLACK_BOT_USER_ID, botId: env.SLACK_BOT_ID }
    : undefined;
}
