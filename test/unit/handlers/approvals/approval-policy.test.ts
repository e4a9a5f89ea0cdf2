import { approvalRequirement, policyFor } from '../../../../handlers/approvals/approval-policy';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { ConfigError } from '../../../../handlers/errors';
import { catalog } from '../../../../intents/catalog';

const spec = (id: string) => {
  const s = catalog.get(id);
  if (!s) throw new Error(id);
  return s;
};
const withIntents = (intents: Record<string, unknown>) => parseConfig({ ...localConfig, intents });

describe('approval policy', () => {
  it('requires approval with quorum 1 for every write intent by default', () => {
    // Prepare: the pipeline actions are role-gated human decisions themselves (catalog policy never)
    const config = parseConfig(localConfig);
    const writes = catalog.list().filter((s) => s.sideEffect === 'write' && s.approval !== 'never');
    // Act
    const requirements = writes.map((s) => approvalRequirement(s, config, {}, {}));
    // Assess
    expect(writes.map((s) => s.id).sort()).toEqual(['RotateAccessKey', 'VendAccount']);
    expect(requirements.every((r) => r.required && r.quorum === 1)).toBe(true);
  });

  it('runs the pipeline actions without a second approval unless config asks for one', () => {
    // Prepare
    const ids = ['PipelineApproval', 'RetryPipelineStage'];
    // Act
    const byDefault = ids.map(
      (id) => approvalRequirement(spec(id), parseConfig(localConfig), {}, {}).required,
    );
    const asked = ids.map(
      (id) => approvalRequirement(spec(id), withIntents({ [id]: { approval: 'always' } }), {}, {}).required,
    );
    // Assess
    expect(byDefault).toEqual([false, false]);
    expect(asked).toEqual([true, true]);
  });

  it.each([
    ['Production', true],
    ['production', true],
    ['Sandbox', false],
  ])('forProduction with AccountType=%s → required %s (quorum 2 from config)', (accountType, required) => {
    // Prepare
    const config = withIntents({ VendAccount: { approval: 'forProduction', quorum: 2 } });
    // Act
    const result = approvalRequirement(spec('VendAccount'), config, {}, { AccountType: accountType });
    // Assess
    expect(result).toEqual(
      required
        ? { required: true, policy: 'forProduction', quorum: 2 }
        : { required: false, policy: 'forProduction' },
    );
  });

  it.each([
    ['alice', 'alice', false],
    ['alice', 'ci-deployer', true],
    [undefined, 'alice', true],
  ])('whenOtherUser: requester IAM user %s acting on %s → required %s', (own, target, required) => {
    // Prepare
    const config = withIntents({ RotateAccessKey: { approval: 'whenOtherUser' } });
    // Act
    const result = approvalRequirement(spec('RotateAccessKey'), config, own ? { iamUser: own } : {}, {
      UserName: target,
    });
    // Assess
    expect(result.required).toBe(required);
  });

  it('honours the legacy keys: intents.<Intent>.approval never', () => {
    // Prepare
    const config = withIntents({ VendAccount: { approval: 'never' } });
    // Act
    const policy = policyFor(spec('VendAccount'), config);
    // Assess
    expect(policy).toBe('never');
  });

  it.each([
    [
      { VendAccount: { approval: 'sometimes' } },
      'intents.VendAccount.approval',
      'Invalid option: expected one of "always"|"never"|"whenOtherUser"|"forProduction"',
    ],
    [{ VendAccount: { quorum: 0 } }, 'intents.VendAccount.quorum', 'must be at least 1'],
    [{ VendAccount: { quorum: 9 } }, 'intents.VendAccount.quorum', 'must be at most 5'],
  ])('config errors name the key: %j', (intents, path, message) => {
    // Act
    let error: unknown;
    try {
      withIntents(intents);
    } catch (e) {
      error = e;
    }
    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([{ path, message }]);
  });

  it('names a bad approver Slack id', () => {
    // Act
    let error: unknown;
    try {
      parseConfig({ ...localConfig, approvers: { emails: ['bob@example.com'], slackUserIds: ['bob'] } });
    } catch (e) {
      error = e;
    }
    // Assess
    expect((error as ConfigError).issues).toEqual([
      { path: 'approvers.slackUserIds[0]', message: 'must be a Slack user id such as U0123ABCD' },
    ]);
  });
});
