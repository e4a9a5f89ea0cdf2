import { defineExtension } from '../../../handlers/extension';
import { declaredGrants } from '../../../infra/declared-grants';
import { defineIntent } from '../../../intents/define-intent';
import { testConfig } from '../../kit';

const scope = { partition: 'aws', region: 'eu-west-1', account: '123456789012' };

describe('declaredGrants', () => {
  it("grants the code hook exactly its capabilities' declared actions, merged per resource", () => {
    // Prepare
    const config = testConfig({ keyRotation: { iamUserPath: '/people/' } });

    // Act
    const grants = declaredGrants(config, 'codeHook', scope);

    // Assess
    const users = grants.find((g) =>
      g.statement.Resource.includes('arn:aws:iam::123456789012:user/people/*'),
    );
    expect(users?.statement).toEqual({
      Effect: 'Allow',
      Action: ['iam:GetAccessKeyLastUsed', 'iam:GetUser', 'iam:ListAccessKeys'],
      Resource: ['arn:aws:iam::123456789012:user/people/*'],
    });
    expect(users?.intents).toEqual(['RotateAccessKey', 'ListDueAccessKeys']);
    const actions = grants.flatMap((g) => g.statement.Action);
    expect(actions).toContain('codepipeline:GetPipelineState');
    expect(actions).toContain('organizations:ListRoots');
    expect(actions).not.toContain('iam:CreateAccessKey');
    expect(actions).not.toContain('organizations:ListAccountsForParent');
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.some((a) => a.includes('*'))).toBe(false);
  });

  it('adds the worked example only when config enables it', () => {
    // Prepare
    const on = testConfig({ examples: { enabled: true } });

    // Act
    const off = declaredGrants(testConfig(), 'codeHook', scope).flatMap((g) => g.statement.Action);
    const enabled = declaredGrants(on, 'codeHook', scope);

    // Assess
    expect(off).not.toContain('organizations:ListAccountsForParent');
    const example = enabled.find((g) => g.intents.includes('ListOuAccounts'));
    expect(example?.statement.Action).toContain('organizations:ListAccountsForParent');
    expect(example?.reasons.join(' ')).toContain('List the accounts of the OU');
  });

  it('grants the executor the write actions, with the KMS condition config names', () => {
    // Prepare
    const config = testConfig({ keyRotation: { kmsKeyId: 'alias/chatops-keys' } });

    // Act
    const grants = declaredGrants(config, 'executor', scope);

    // Assess
    expect(grants.flatMap((g) => g.statement.Action)).toEqual(
      expect.arrayContaining([
        'iam:CreateAccessKey',
        'servicecatalog:ProvisionProduct',
        'codepipeline:RetryStageExecution',
      ]),
    );
    expect(grants.find((g) => g.statement.Action.includes('kms:Decrypt'))?.statement).toEqual({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: ['arn:aws:kms:eu-west-1:123456789012:alias/chatops-keys'],
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    });
  });

  it('refuses a wildcard action', () => {
    // Prepare
    const intent = defineIntent({
      id: 'GreedyThing',
      description: 'Asks for too much.',
      examples: ['be greedy'],
      utterances: ['be greedy'],
      slots: [],
      slotTypes: [],
      sideEffect: 'read',
      approval: 'never',
      requiredRoles: [],
      tracked: false,
      dialogHook: false,
    });
    const greedy = defineExtension({
      name: 'greedy',
      intents: [intent],
      capabilities: [
        {
          intent: intent.id,
          run: async () => ({ message: 'ok' }),
          awsNeeds: [{ actions: ['s3:*'], resources: ['*'], by: ['codeHook'], why: 'everything' }],
        },
      ],
      sandboxDeps: () => ({}),
      awsDeps: () => ({}),
    });

    // Act
    const grant = () => declaredGrants(testConfig(), 'codeHook', scope, [greedy]);

    // Assess
    expect(grant).toThrow('GreedyThing declares the wildcard action "s3:*"');
  });
});
