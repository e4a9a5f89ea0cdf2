import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { ConfigError } from '../../../../handlers/errors';

function configError(input: unknown): ConfigError {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('fills defaults for the offline sandbox config', () => {
    // Act
    const config = loadConfig({});
    // Assess
    expect(config.slack.teamId).toBe('T0SANDBOX');
    expect(config.slack.guests).toBe('refuse');
    expect(config.keyRotation).toEqual({
      deactivateAfterDays: 7,
      deleteAfterDays: 14,
      maxKeyAgeDays: 90,
      secretPrefix: 'chatops/access-keys/',
      iamUserPath: '/',
    });
    expect(config.accountFactory.maxConcurrentProvisions).toBe(5);
    expect(config.approvers.ttlHours).toBe(24);
    expect(config.users.find((u) => u.slackUserId === 'UCAROL0001')?.roles).toEqual(['admin', 'approver']);
  });

  it.each([
    [{ users: [{ slackUserId: 'alice' }] }, 'users[0].slackUserId', 'must be a Slack user id'],
    [{ approvers: { emails: ['not-an-email'] } }, 'approvers.emails[0]', 'must be an email address'],
    [{ approvers: { emails: [] } }, 'approvers.emails', 'needs at least one approver email'],
    [
      { keyRotation: { deactivateAfterDays: 10, deleteAfterDays: 5 } },
      'keyRotation.deleteAfterDays',
      'must be later',
    ],
    [{ intents: { LaunchRockets: { approval: 'never' } } }, 'intents.LaunchRockets', 'unknown intent'],
    [
      { intents: { VendAccount: { approval: 'sometimes' } } },
      'intents.VendAccount.approval',
      'Invalid option: expected one of',
    ],
    [
      { pipelines: { channels: { 'web-app': '#deploys' } } },
      'pipelines.channels.web-app',
      'must be a Slack channel id',
    ],
    [{ surprise: true }, '', 'surprise'],
    [
      { slack: { approversChannel: 'C0APPROVALS', teamIds: ['acme'] } },
      'slack.teamIds[0]',
      'must be a Slack team id',
    ],
    [
      { slack: { approversChannel: 'C0APPROVALS', enterpriseId: 'T0NOTANENT' } },
      'slack.enterpriseId',
      'must be a Slack enterprise id',
    ],
    [
      { slack: { approversChannel: 'C0APPROVALS', guests: 'welcome' } },
      'slack.guests',
      'Invalid option: expected one of',
    ],
  ])('names the bad key for %j', (override, path, reason) => {
    expect(reason).not.toBe(''); // an empty reason would make `toContain(reason)` pass for anything
    // Prepare
    const input = { ...localConfig, ...override };
    // Act
    const error = configError(input);
    // Assess
    expect(error.code).toBe('CONFIG_INVALID');
    const issue = error.issues.find((i) => i.path === path || (path === '' && i.message.includes(reason)));
    expect(issue).toBeDefined();
    expect(issue?.message).toContain(reason);
    expect(error.message).toContain(path || reason);
  });

  it('leaves the worked example off by default, and takes its intent settings while it is off', () => {
    // Prepare
    const input = { ...localConfig, intents: { ListOuAccounts: { roles: ['admin'] } } };
    // Act
    const config = parseConfig(input);
    // Assess
    expect(config.examples).toEqual({ enabled: false, groupAccess: { allowedGroups: [], maxHours: 8 } });
    expect(config.intents.ListOuAccounts).toEqual({ roles: ['admin'] });
  });

  it('refuses an examples switch that is not a boolean, naming the key', () => {
    // Prepare
    const input = { ...localConfig, examples: { enabled: 'yes' } };
    // Act
    const error = configError(input);
    // Assess
    expect(error.issues.map((i) => i.path)).toEqual(['examples.enabled']);
  });

  it('refuses a user listed twice', () => {
    // Prepare
    const input = { ...localConfig, users: [{ slackUserId: 'UALICE0001' }, { slackUserId: 'UALICE0001' }] };
    // Act
    const error = configError(input);
    // Assess
    expect(error.issues).toEqual([{ path: 'users[1].slackUserId', message: 'listed twice' }]);
  });

  it('reads CHATOPS_CONFIG_FILE and reports invalid JSON with its source', () => {
    // Prepare
    const good = join(tmpdir(), `chatops-config-${process.pid}.json`);
    const bad = join(tmpdir(), `chatops-config-bad-${process.pid}.json`);
    writeFileSync(good, JSON.stringify({ ...localConfig, approvers: { emails: ['ops@example.com'] } }));
    writeFileSync(bad, '{ nope');
    // Act
    const config = loadConfig({ CHATOPS_CONFIG_FILE: good });
    const load = () => loadConfig({ CHATOPS_CONFIG_FILE: bad });
    // Assess
    expect(config.approvers.emails).toEqual(['ops@example.com']);
    expect(load).toThrow(`${bad} is not valid JSON`);
  });

  it('refuses to fall back to the sandbox config inside a Lambda function', () => {
    // Prepare
    const env = { AWS_LAMBDA_FUNCTION_NAME: 'chatops-fulfillment' };
    // Act
    const load = () => loadConfig(env);
    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/CHATOPS_CONFIG: no configuration in Lambda function chatops-fulfillment/);
  });

  it('reads the given config inside a Lambda function', () => {
    // Prepare
    const env = {
      AWS_LAMBDA_FUNCTION_NAME: 'chatops-fulfillment',
      CHATOPS_CONFIG: JSON.stringify(localConfig),
    };
    // Act
    const config = loadConfig(env);
    // Assess
    expect(config.slack.teamId).toBe('T0SANDBOX');
    expect(config.slack.guests).toBe('refuse');
  });
});
