/** Approvals: an encrypted, TLS-only topic with a filtered subscription per approver, and the approval API. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '../../../../infra/config/deployment-config';
import { APPROVER_ATTRIBUTE } from '../../../../infra/constructs/approvals';
import { PROJECT_ROOT } from '../../../../infra/lambda/bundle-settings';
import { LAMBDA_ENTRIES } from '../../../../infra/lambda-entries';
import { resourcesOf, synthStage } from '../support/synth';

let template: Template;
const approvalApi = LAMBDA_ENTRIES.find((e) => e.trigger.kind === 'approvalApi');
const approvalApiExists = approvalApi !== undefined && existsSync(join(PROJECT_ROOT, approvalApi.entry));

beforeAll(() => {
  template = synthStage('dev').template;
});

describe('Approvals', () => {
  it('encrypts the approval topic with a rotating customer-managed key and denies plain HTTP', () => {
    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'ChatOps approvals',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApprovalsKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('approval'),
      EnableKeyRotation: true,
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: Match.stringLikeRegexp('^ApprovalsTopic') }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ],
      },
    });
  });

  it('subscribes each approver by email with a filter on their own approver attribute', () => {
    // Prepare
    const { emails } = loadDeploymentConfig('dev').chatops.approvers;

    // Act
    const subscriptions = resourcesOf(template, 'AWS::SNS::Subscription')
      .map(([, s]) => s.Properties ?? {})
      .filter((p) => JSON.stringify(p.TopicArn).includes('ApprovalsTopic'));

    // Assess
    expect(subscriptions.map((p) => [p.Protocol, p.Endpoint, p.FilterPolicy])).toEqual(
      emails.map((email) => ['email', email, { [APPROVER_ATTRIBUTE]: [email] }]),
    );
  });

  it('keeps the approval-token HMAC key in a generated secret', () => {
    // Assess
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'chatops-dev/approval-key',
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });

  (approvalApiExists ? it : it.skip)(
    'routes GET and POST /approvals/{id} to the approval API function',
    () => {
      // Assess
      template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'approvals' });
      template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{id}' });
      const methods = resourcesOf(template, 'AWS::ApiGateway::Method')
        .filter(([id]) => id.startsWith('ApprovalsApi'))
        .map(([, m]) => m.Properties.HttpMethod)
        .sort();
      expect(methods).toEqual(['GET', 'POST']);
      template.hasResourceProperties('AWS::ApiGateway::Stage', {
        RestApiId: { Ref: Match.stringLikeRegexp('^ApprovalsApi') },
        MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
        AccessLogSetting: Match.anyValue(),
      });
    },
  );
});
