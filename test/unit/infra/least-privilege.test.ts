/**
 * Least privilege across a stage: no IAM statement with a wildcard action, `Resource: '*'` only
 * for X-Ray and the read-only capability calls IAM accepts only with `*` (each acknowledged on its
 * own policy, infra/capabilities.ts), no AWS managed policies, and no secret value in any
 * function's environment (ARNs only).
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { SECRET_ENV } from '../../../infra/access';
import { resourcesOf, synthStage } from './support/synth';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
  prod = synthStage('prod').template;
});

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

function statements(template: Template): Statement[] {
  return resourcesOf(template, 'AWS::IAM::Policy').flatMap(
    ([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('least privilege', () => {
  it.each([['dev'], ['prod']])('%s: no IAM statement has a wildcard action', (stage) => {
    // Act
    const wildcards = statements(stage === 'dev' ? dev : prod)
      .flatMap(actionsOf)
      .filter((a) => a.includes('*'));

    // Assess
    expect(wildcards).toEqual([]);
  });

  it("uses Resource '*' only for X-Ray and read-only calls that define no scopable resource", () => {
    // Act
    const starActions = statements(dev)
      .filter((s) => s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*')))
      .flatMap(actionsOf);

    // Assess: no write action among them
    expect(new Set(starActions)).toEqual(
      new Set([
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        'organizations:ListRoots',
        'organizations:ListOrganizationalUnitsForParent',
        'organizations:DescribeOrganizationalUnit',
        'organizations:ListAccounts',
        'organizations:DescribeAccount',
        'servicecatalog:SearchProducts',
        'servicecatalog:DescribeRecord',
        'codepipeline:ListPipelines',
        'health:DescribeEvents',
        'iam:ListUsers',
      ]),
    );
  });

  it('attaches no AWS managed policy to any role', () => {
    // Assess
    for (const [, role] of resourcesOf(dev, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets each function write only its own log group', () => {
    // Act
    const logStatements = statements(dev).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));

    // Assess
    for (const s of logStatements) {
      expect(s.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Logs[0-9A-F]{8}$/), 'Arn'] });
    }
    expect(logStatements).toHaveLength(resourcesOf(dev, 'AWS::Lambda::Function').length);
  });

  it('puts secret ARNs in the environment, never secret values', () => {
    // Prepare
    const secretIds = resourcesOf(dev, 'AWS::SecretsManager::Secret').map(([id]) => id);

    // Act
    const variables = resourcesOf(dev, 'AWS::Lambda::Function').flatMap(([, fn]) =>
      Object.entries((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables),
    );

    // Assess
    for (const [name, value] of variables) {
      expect(name).not.toMatch(/SIGNING_SECRET$|BOT_TOKEN$|APP_TOKEN$|IDENTITY_KEY$|HMAC/);
      if (/SECRET|KEY|TOKEN/.test(name)) {
        expect(Object.values(SECRET_ENV)).toContain(name);
        expect(value).toEqual({ Ref: expect.stringMatching(new RegExp(`^(${secretIds.join('|')})$`)) });
      }
    }
    expect(JSON.stringify(variables)).not.toMatch(/xox[abp]-|SecretString|resolve:secretsmanager/);
  });
});
