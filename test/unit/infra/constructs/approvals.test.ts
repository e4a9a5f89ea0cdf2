/** Approvals: an encrypted, TLS-only topic with a filtered subscription per approver, and the approval API. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { APPROVER_ATTRIBUTE } from '../../../../handlers/approvals/sns-email-channel';
import { loadDeploymentConfig } from '../../../../infra/config/deployment-config';
import { resourcesOf, synthStage } from '../support/synth';

let template: Template;

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

  it('subscribes each approver by email with a filter on the attribute the SNS adapter sets', () => {
    // Prepare
    const { emails } = loadDeploymentConfig('dev').chatops.approvers;

    // Act
    const subscriptions = resourcesOf(template, 'AWS::SNS::Subscription')
      .map(([, s]) => s.Properties ?? {})
      .filter((p) => JSON.stringify(p.TopicArn).includes('ApprovalsTopic'));

    // Assess
    expect(APPROVER_ATTRIBUTE).toBe('approver');
    expect(subscriptions.map((p) => [p.Protocol, p.Endpoint, p.FilterPolicy])).toEqual(
      emails.map((email) => ['email', email, { [APPROVER_ATTRIBUTE]: [email] }]),
    );
  });

  it('keeps the approval-token keyring in a generated secret of the shape the code reads', () => {
    // Assess: handlers/approvals/secrets-approval-keys.ts reads {"current","previous"}.
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'chatops-dev/approval-key',
      GenerateSecretString: Match.objectLike({
        PasswordLength: 64,
        ExcludePunctuation: true,
        SecretStringTemplate: '{}',
        GenerateStringKey: 'current',
      }),
    });
  });

  it('routes GET and POST /approvals/{id} to the approval API function, throttled and logged', () => {
    // Act
    const methods = resourcesOf(template, 'AWS::ApiGateway::Method').filter(([id]) =>
      id.startsWith('ApprovalsApi'),
    );

    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'approvals' });
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{id}' });
    expect(methods.map(([, m]) => m.Properties.HttpMethod).sort()).toEqual(['GET', 'POST']);
    for (const [, m] of methods) {
      expect(m.Properties.ResourceId).toEqual({ Ref: expect.stringMatching(/^ApprovalsApiapprovalsid/) });
      expect(m.Properties.Integration).toEqual(
        expect.objectContaining({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' }),
      );
      expect(JSON.stringify(m.Properties.Integration)).toMatch(/ApprovalApiFunction[0-9A-F]{8}/);
    }
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      RestApiId: { Ref: Match.stringLikeRegexp('^ApprovalsApi') },
      StageName: 'v1',
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
      AccessLogSetting: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApprovalsApiAccessLogs'), 'Arn'] },
        Format: Match.anyValue(),
      },
    });
  });
});
