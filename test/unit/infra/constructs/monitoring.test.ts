/** Alarms (dead letters, function errors and throttles, approval API 5xx, ingress p99 latency) notify the operations topic. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '../../../../infra/config/deployment-config';
import { INGRESS_P99_LATENCY_MS } from '../../../../infra/constructs/monitoring';
import { resourcesOf, synthStage } from '../support/synth';

let template: Template;

beforeAll(() => {
  template = synthStage('dev').template;
});

const opsTopic = { Ref: Match.stringLikeRegexp('^MonitoringTopic') };

describe('Monitoring', () => {
  it('alarms on any message in the dead-letter queue', () => {
    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackTurnsDeadLetters'), 'QueueName'] },
        },
      ],
      AlarmActions: [opsTopic],
    });
  });

  it('alarms on errors and throttles of every function', () => {
    // Prepare
    const functions = resourcesOf(template, 'AWS::Lambda::Function').length;

    // Act
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties ?? {});

    // Assess
    for (const metric of ['Errors', 'Throttles']) {
      const matching = alarms.filter((a) => a.MetricName === metric && a.Namespace === 'AWS/Lambda');
      expect(matching).toHaveLength(functions);
      for (const a of matching)
        expect(a.AlarmActions).toEqual([
          expect.objectContaining({ Ref: expect.stringMatching(/^MonitoringTopic/) }),
        ]);
    }
  });

  it('alarms when the Slack API p99 latency passes 2 s', () => {
    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
      Threshold: INGRESS_P99_LATENCY_MS,
      AlarmActions: [opsTopic],
    });
  });

  it('alarms on any 5xx of the approval API', () => {
    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5XXError',
      Namespace: 'AWS/ApiGateway',
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [{ Name: 'ApiName', Value: Match.stringLikeRegexp('^Api$|Approvals') }],
      AlarmActions: [opsTopic],
    });
  });

  it('sends alarms to an encrypted, TLS-only topic the operations emails subscribe to, and draws a dashboard', () => {
    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'ChatOps operations',
      KmsMasterKeyId: Match.anyValue(),
    });
    for (const email of loadDeploymentConfig('dev').operationsEmails) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: email,
        TopicArn: opsTopic,
      });
    }
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'ChatOps-dev' });
  });
});
