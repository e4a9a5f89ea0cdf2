import type { Caller } from '../../../../handlers/capability';
import { dueKeysCapability } from '../../../../handlers/key-rotation/due-keys.capability';
import { createSandboxCodeHookDeps } from '../../../../local/sandbox-deps';

function caller(slackUserId: string, roles: string[], iamUser?: string): Caller {
  return { slackUserId, teamId: 'T0SANDBOX', roles: new Set(roles), ...(iamUser ? { iamUser } : {}) };
}

async function run(who: Caller, maxKeyAgeDays = 90) {
  const deps = createSandboxCodeHookDeps();
  const config = { ...deps.config, keyRotation: { ...deps.config.keyRotation, maxKeyAgeDays } };
  return dueKeysCapability.run?.({ caller: who, parameters: {} }, deps, config);
}

describe('ListDueAccessKeys', () => {
  it('lists only the caller’s own keys older than the maximum age, with age and last use', async () => {
    // Act
    const result = await run(caller('UALICE0001', ['requester'], 'alice'));
    // Assess
    expect(result?.message).toContain(
      '• alice …0001 (Active): 120 days old, last used 3 days ago by s3 in us-east-1',
    );
    expect(result?.message).not.toContain('bob');
  });

  it('lists every user’s due keys for an admin', async () => {
    // Act
    const result = await run(caller('UCAROL0001', ['admin']));
    // Assess
    const users = (result?.message ?? '')
      .split('\n')
      .filter((l) => l.startsWith('•'))
      .map((l) => l.split(' ')[1]);
    expect(users).toEqual(['alice', 'bob', 'ci-deployer', 'build-agent', 'deploy-bot']);
  });

  it('says so when nothing is due', async () => {
    // Act
    const result = await run(caller('UALICE0001', ['requester'], 'alice'), 365);
    // Assess
    expect(result?.message).toBe('No access key of alice is older than 365 days.');
  });

  it('tells an unmapped user how to get an IAM user mapped', async () => {
    // Act
    const result = await run(caller('UDAVE00001', []));
    // Assess
    expect(result?.message).toContain('add "iamUser" for your Slack user id UDAVE00001');
  });
});
