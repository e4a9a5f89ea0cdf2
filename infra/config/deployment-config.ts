/**
 * A stage's deployment config (infra/config/<stage>.json), validated at synth time. `chatops` is
 * the runtime config and goes through the runtime's own `parseConfig` (handlers/config), so a bad
 * value fails `cdk synth` with the same message the Lambda would give, its key prefixed `chatops.`.
 * The rest describes the AWS side of the stage (names, scopes, limits); nothing here is a secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import { parseConfig } from '../../handlers/config/load-config';
import { ConfigError } from '../../handlers/errors';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** The retention periods CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
];

const iamPath = z
  .string()
  .regex(/^\/([\w+=,.@-]+\/)*$/, 'must be an IAM path such as /chatops/ (starts and ends with /)');

const deploymentSchema = z
  .object({
    stage: z.enum(STAGES),
    chatops: z.unknown(),
    /** Emails that receive alarms (each must confirm its SNS subscription). */
    operationsEmails: z.array(z.email('must be an email address')).default([]),
    logRetentionDays: z
      .number()
      .refine((d) => LOG_RETENTION_DAYS.includes(d), `must be one of ${LOG_RETENTION_DAYS.join(', ')}`),
    api: z
      .object({
        /** Steady-state requests per second per API stage (API Gateway stage throttling). */
        rateLimit: z.number().int().min(1).max(10_000),
        burstLimit: z.number().int().min(1).max(5_000),
      })
      .strict(),
    keyRotation: z
      .object({
        /** Only IAM users under this path may have keys rotated. */
        iamUserPath: iamPath,
        /** New keys are stored in secrets named `<secretPrefix><user>`. */
        secretPrefix: z.string().regex(/^[\w/+=.@-]{1,256}$/, 'must be a Secrets Manager name prefix'),
      })
      .strict(),
    /** Pipelines the bot may read; an empty list allows every pipeline in the account and region. */
    pipelines: z.array(z.string().regex(/^[\w.@-]{1,100}$/, 'must be a pipeline name')).default([]),
    /** Per-user turn rate limit in the worker. */
    turnsPerMinute: z.number().int().min(1).max(600).default(20),
  })
  .strict();

/** A validated stage config: AWS-side settings plus the runtime config with defaults filled. */
export type DeploymentConfig = Omit<z.output<typeof deploymentSchema>, 'chatops'> & {
  chatops: ChatOpsConfig;
};

/** Validates a stage config. @throws ConfigError naming every bad key (runtime keys as `chatops.*`). */
export function parseDeploymentConfig(input: unknown): DeploymentConfig {
  const result = deploymentSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  try {
    return { ...result.data, chatops: parseConfig(result.data.chatops) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      error.issues.map((i) => ({ path: i.path ? `chatops.${i.path}` : 'chatops', message: i.message })),
    );
  }
}

/** Reads and validates infra/config/<stage>.json; the file's `stage` must match. */
export function loadDeploymentConfig(stage: string, dir: string = __dirname): DeploymentConfig {
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new ConfigError([
      { path: 'stage', message: `unknown stage "${stage}"; known: ${STAGES.join(', ')}` },
    ]);
  }
  const file = join(dir, `${stage}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([{ path: '(root)', message: `${file}: ${(error as Error).message}` }]);
  }
  const config = parseDeploymentConfig(raw);
  if (config.stage !== stage) {
    throw new ConfigError([
      { path: 'stage', message: `${file} says "${config.stage}", expected "${stage}"` },
    ]);
  }
  return config;
}
