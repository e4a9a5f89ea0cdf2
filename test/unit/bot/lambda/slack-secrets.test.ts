import { ingressEnvSchema, workerEnvSchema } from '../../../../bot/lambda/lambda-env';
import { loadSlackSecrets } from '../../../../bot/lambda/slack-secrets';
import { parseEnv } from '../../../../handlers/config/env';

const ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:chatops-dev/slack-AbCdEf';

describe('loadSlackSecrets', () => {
  it('reads both values from the secret named by SLACK_SECRET_ARN', async () => {
    // Prepare
    const read = jest.fn(async () => ({ signingSecret: 'shh', botToken: 'xoxb-1' }));

    // Act
    const secrets = await loadSlackSecrets({ SLACK_SECRET_ARN: ARN }, read);

    // Assess
    expect(secrets).toEqual({ signingSecret: 'shh', botToken: 'xoxb-1' });
    expect(read).toHaveBeenCalledWith(ARN);
  });

  it('names the missing field, never a value', async () => {
    // Prepare
    const read = async () => ({ signingSecret: 'shh-do-not-print' });

    // Act
    const act = loadSlackSecrets({ SLACK_SECRET_ARN: ARN }, read);

    // Assess
    await expect(act).rejects.toThrow(/SLACK_SECRET_ARN\.botToken: missing/);
    await expect(loadSlackSecrets({ SLACK_SECRET_ARN: ARN }, read)).rejects.not.toThrow(/shh-do-not-print/);
  });

  it('explains a secret that is not JSON (the placeholder CloudFormation generated)', async () => {
    // Prepare
    const read = async () => {
      throw new SyntaxError('Unexpected token');
    };

    // Act / Assess
    await expect(loadSlackSecrets({ SLACK_SECRET_ARN: ARN }, read)).rejects.toThrow(/not JSON/);
  });

  it('falls back to SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN without an ARN (local runs, tests)', async () => {
    // Act
    const secrets = await loadSlackSecrets({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-2' });

    // Assess
    expect(secrets).toEqual({ signingSecret: 's', botToken: 'xoxb-2' });
  });
});

describe('the entry env schemas and the Slack secret', () => {
  const common = { LEX_BOT_ID: 'B', LEX_BOT_ALIAS_ID: 'A', TABLE_NAME: 't', TURN_QUEUE_URL: 'https://q' };

  it.each([
    ['ingress', ingressEnvSchema],
    ['worker', workerEnvSchema],
  ])('%s: accept SLACK_SECRET_ARN instead of the values (as the stack deploys it)', (_name, schema) => {
    // Act
    const act = () => parseEnv(schema, { ...common, SLACK_SECRET_ARN: ARN });

    // Assess
    expect(act).not.toThrow();
  });

  it('names both values when neither they nor the ARN are set', () => {
    // Act
    const act = () => parseEnv(ingressEnvSchema, common);

    // Assess
    expect(act).toThrow(/SLACK_SIGNING_SECRET: environment variable is not set[\s\S]*SLACK_BOT_TOKEN/);
  });
});
