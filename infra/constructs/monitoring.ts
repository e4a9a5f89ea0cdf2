/**
 * Operations: an SNS topic (KMS, TLS only) that alarms notify, one email subscription per
 * operations address, the alarms, and a CloudWatch dashboard. Alarms: any message in a
 * dead-letter queue, any function error or throttle, any approval API 5xx, and the Slack API's
 * p99 latency over 2 s (Slack retries after 3 s).
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ChatOpsFunction } from './chatops-function';

export interface MonitoringProps {
  readonly dashboardName: string;
  readonly operationsEmails: readonly string[];
}

/** Slack waits 3 s for the acknowledgement; alarm well before. */
export const INGRESS_P99_LATENCY_MS = 2_000;

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'Key', {
      description: 'ChatOps operations alarms (SNS topic encryption)',
      enableKeyRotation: true,
    });
    // CloudWatch publishes alarm notifications to the encrypted topic with this key.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'ChatOps operations',
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of props.operationsEmails) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    this.action = new actions.SnsAction(this.topic);
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string) {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }

  /** Errors and throttles of `fn`, alarmed and on the dashboard. */
  watchFunction(fn: ChatOpsFunction): void {
    const period = Duration.minutes(5);
    const name = fn.node.id;
    const errors = fn.function.metricErrors({ period, statistic: 'Sum' });
    const throttles = fn.function.metricThrottles({ period, statistic: 'Sum' });
    this.alarm(`${name}Errors`, errors, 0, `${name} failed at least once in 5 minutes`);
    this.alarm(`${name}Throttles`, throttles, 0, `${name} was throttled at least once in 5 minutes`);
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: `${name}: invocations, errors, throttles`,
        left: [fn.function.metricInvocations({ period }), errors, throttles],
        right: [fn.function.metricDuration({ period, statistic: 'p99' })],
      }),
    );
  }

  /** Any message in `deadLetters` alarms. */
  watchDeadLetters(name: string, deadLetters: sqs.IQueue): void {
    const depth = deadLetters.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    });
    this.alarm(`${name}DeadLetters`, depth, 0, `${name}: messages in the dead-letter queue`);
    this.dashboard.addWidgets(new cloudwatch.GraphWidget({ title: `${name} dead letters`, left: [depth] }));
  }

  /** Any 5xx of the approval API alarms. */
  watchApprovalApi(api: apigateway.RestApi): void {
    const errors = api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' });
    this.alarm('ApprovalApi5xx', errors, 0, 'The approval API answered 5xx');
    this.dashboard.addWidgets(new cloudwatch.GraphWidget({ title: 'Approval API 5xx', left: [errors] }));
  }

  /** The Slack API's p99 latency over {@link INGRESS_P99_LATENCY_MS} alarms. */
  watchIngressLatency(api: apigateway.RestApi): void {
    const latency = api.metricLatency({ period: Duration.minutes(5), statistic: 'p99' });
    this.alarm('IngressP99Latency', latency, INGRESS_P99_LATENCY_MS, 'Slack API p99 latency above 2 s');
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Slack API p99 latency', left: [latency] }),
    );
  }
}
