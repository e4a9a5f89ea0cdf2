/**
 * The Slack app's signing secret and bot token for a Lambda: from the Secrets Manager secret
 * `SLACK_SECRET_ARN` (JSON `{"signingSecret": "…", "botToken": "…"}`, put in place after deploy),
 * read once per container with Powertools parameters and cached; without the ARN (tests, local
 * runs) from `SLACK_SIGNING_SECRET` / `SLACK_BOT_TOKEN`. Errors name the variable or the field,
 * never a value.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { ConfigError } from '../../handlers/errors';
import { type SlackSecrets, slackSecrets } from './lambda-env';

/** How long a container keeps the secret before reading it again (a rotated token is picked up). */
const MAX_AGE_SECONDS = 300;

/** Reads the Slack secrets for this container. @throws ConfigError naming what is missing. */
export async function loadSlackSecrets(
  env: NodeJS.ProcessEnv,
  read: (arn: string) => Promise<unknown> = (arn) =>
    getSecret(arn, { transform: 'json', maxAge: MAX_AGE_SECONDS }),
): Promise<SlackSecrets> {
  const arn = env.SLACK_SECRET_ARN;
  if (!arn) return slackSecrets(env);
  let value: unknown;
  try {
    value = await read(arn);
  } catch {
    throw new ConfigError([
      {
        path: 'SLACK_SECRET_ARN',
        message: 'the secret is not JSON {"signingSecret","botToken"} (README, deploy guide)',
      },
    ]);
  }
  const { signingSecret, botToken } = (value ?? {}) as Record<string, unknown>;
  const missing = [
    ...(typeof signingSecret === 'string' && signingSecret ? [] : ['signingSecret']),
    ...(typeof botToken === 'string' && botToken ? [] : ['botToken']),
  ];
  if (missing.length > 0 || typeof signingSecret !== 'string' || typeof botToken !== 'string') {
    throw new ConfigError(
      missing.map((field) => ({
        path: `SLACK_SECRET_ARN.${field}`,
        message: 'missing from the Slack secret',
      })),
    );
  }
  return { signingSecret, botToken };
}
