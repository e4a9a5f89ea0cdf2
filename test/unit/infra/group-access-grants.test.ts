/**
 * The worked example's Identity Center grants (infra/capabilities.ts identityCenter*): with the
 * example enabled and an identity store configured, the code hook may look groups up, the
 * execution worker may add a member and the GroupExpiry sweep may only remove memberships, each
 * limited to the configured store and acknowledged for cdk-nag; with the example off, none is granted.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChatOpsStack } from '../../../infra/chatops-stack';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { resourcesOf, synthStage } from './support/synth';

const STORE = 'd-1234567890';

function synthWithExample(): { stack: ChatOpsStack; template: Template } {
  const config = loadDeploymentConfig('dev');
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ChatOpsStack(app, 'ChatOps-example', {
    config: {
      ...config,
      chatops: {
        ...config.chatops,
        examples: {
          enabled: true,
          groupAccess: { identityStoreId: STORE, allowedGroups: ['Developers'], maxHours: 8 },
        },
      },
    },
    env: { account: '111111111111', region: 'us-east-1' },
  });
  return { stack, template: Template.fromStack(stack) };
}

const statementsOf = (template: Template, prefix: string) =>
  resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(
      ([, p]) =>
        (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
    );

const storeArn = {
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, `:identitystore::111111111111:identitystore/${STORE}`],
  ],
};
const kindArn = (kind: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:identitystore:::${kind}/*`]],
});

describe('Identity Center group grants (the worked example)', () => {
  it('grants each function only its calls, on the configured identity store, and cdk-nag finds nothing unacknowledged', () => {
    // Act
    const { stack, template } = synthWithExample();
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assess
    expect(statementsOf(template, 'GroupExpiryIdentityCenterGroupsExpirePolicy')).toEqual([
      expect.objectContaining({
        Action: 'identitystore:DeleteGroupMembership',
        Resource: [storeArn, kindArn('membership')],
      }),
    ]);
    expect(statementsOf(template, 'ExecutionWorkerIdentityCenterGroupsJoinPolicy')).toEqual([
      expect.objectContaining({
        Action: [
          'identitystore:GetGroupId',
          'identitystore:GetUserId',
          'identitystore:CreateGroupMembership',
          'identitystore:GetGroupMembershipId',
        ],
        Resource: [storeArn, kindArn('group'), kindArn('user')],
      }),
    ]);
    expect(statementsOf(template, 'FulfillmentIdentityCenterGroupsReadPolicy')).toEqual([
      expect.objectContaining({
        Action: ['identitystore:GetGroupId', 'identitystore:ListGroups'],
        Resource: [storeArn, kindArn('group')],
      }),
    ]);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources[0]?.constructPath}`)).toEqual(
      [],
    );
  });

  it('grants no identity store action while the example is off (the default)', () => {
    // Act
    const { template } = synthStage('dev');

    // Assess
    expect(JSON.stringify(template.toJSON())).not.toContain('identitystore:');
  });
});
