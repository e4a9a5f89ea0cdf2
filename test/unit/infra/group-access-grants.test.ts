/**
 * The worked example's Identity Store grants, from its declared needs (DeclaredNeedsPolicy): with
 * the example enabled and an identity store configured, the removal sweep (GroupExpiry) may only
 * delete memberships, and every grant names the configured store; with the example off, no
 * function is granted any identity store action.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ChatOpsStack } from '../../../infra/chatops-stack';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { resourcesOf, synthStage } from './support/synth';

const STORE = 'd-1234567890';

function synthWithExample(): Template {
  const config = loadDeploymentConfig('dev');
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const groupAccess = { identityStoreId: STORE, allowedGroups: ['Developers'], maxHours: 8 };
  const stack = new ChatOpsStack(app, 'ChatOps-example', {
    config: { ...config, chatops: { ...config.chatops, examples: { enabled: true, groupAccess } } },
    env: { account: '111111111111', region: 'us-east-1' },
  });
  return Template.fromStack(stack);
}

const statementsOf = (template: Template, prefix: string) =>
  resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(
      ([, p]) =>
        (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
    );

describe('Identity Store grants of the worked example', () => {
  it('lets the removal sweep only delete memberships, in the configured identity store', () => {
    // Act
    const template = synthWithExample();

    // Assess
    const statements = statementsOf(template, 'GroupExpiryDeclaredNeedsPolicy');
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Action).toBe('identitystore:DeleteGroupMembership');
    const resources = JSON.stringify(statements[0]?.Resource);
    expect(resources).toContain(`:identitystore::111111111111:identitystore/${STORE}`);
    expect(resources).toContain(':identitystore:::membership/*');
  });

  it('grants no identity store action while the example is off (the default)', () => {
    // Act
    const { template } = synthStage('dev');

    // Assess
    expect(JSON.stringify(template.toJSON())).not.toContain('identitystore:');
  });
});
