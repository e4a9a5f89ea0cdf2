/** Stage configs are validated at synth time with the runtime schema; errors name the key. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../../handlers/errors';
import {
  loadDeploymentConfig,
  parseDeploymentConfig,
  STAGES,
} from '../../../../infra/config/deployment-config';

function validInput(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...loadDeploymentConfig('dev') }));
}

describe('deployment config', () => {
  it.each(STAGES.map((s) => [s]))('loads infra/config/%s.json', (stage) => {
    // Act
    const config = loadDeploymentConfig(stage);

    // Assess
    expect(config.stage).toBe(stage);
    expect(config.chatops.approvers.emails.length).toBeGreaterThan(0);
  });

  it("rejects a bad runtime value with the runtime schema's message, key prefixed chatops.", () => {
    // Prepare
    const input = validInput();
    (input.chatops as { users: { slackUserId: string }[] }).users[1] = { slackUserId: 'bob' };

    // Act / Assess
    expect(() => parseDeploymentConfig(input)).toThrow(
      /chatops\.users\[1\]\.slackUserId: must be a Slack user id such as U0123ABCD/,
    );
  });

  it('rejects an unknown intent in the runtime config (parseConfig checks the catalog)', () => {
    // Prepare
    const input = validInput();
    (input.chatops as { intents: Record<string, unknown> }).intents = {
      DeleteEverything: { approval: 'never' },
    };

    // Act / Assess
    expect(() => parseDeploymentConfig(input)).toThrow(/chatops\.intents\.DeleteEverything: unknown intent/);
  });

  it('rejects a bad AWS-side value, naming the key', () => {
    // Prepare
    const input = { ...validInput(), keyRotation: { iamUserPath: 'chatops', secretPrefix: 'x/' } };

    // Act
    const error = (() => {
      try {
        parseDeploymentConfig(input);
      } catch (e) {
        return e;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      { path: 'keyRotation.iamUserPath', message: expect.stringMatching(/IAM path/) },
    ]);
  });

  it('rejects a log retention CloudWatch does not offer and an unknown key', () => {
    // Prepare
    const input = { ...validInput(), logRetentionDays: 10, extra: true };

    // Act / Assess
    expect(() => parseDeploymentConfig(input)).toThrow(
      /logRetentionDays: must be one of[\s\S]*Unrecognized key/,
    );
  });

  it("rejects a file whose stage is not the file's name", () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'chatops-config-'));
    writeFileSync(join(dir, 'prod.json'), JSON.stringify(validInput()));

    // Act / Assess
    expect(() => loadDeploymentConfig('prod', dir)).toThrow(/stage: .*says "dev", expected "prod"/);
  });
});
