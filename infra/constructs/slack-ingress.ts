/**
 * Slack → AWS: `POST /slack/events` (events, interactivity and slash commands share Bolt's one
 * request URL) on a rate-limited API → the ingress function, which acknowledges within Slack's 3 s
 * and queues the turn → an SQS queue (SSE, TLS only, dead-letter queue after 5 receives) → the
 * worker, with partial batch responses (`ReportBatchItemFailures`,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). The queue's
 * visibility timeout is 6× the worker's timeout, as Lambda's SQS guide recommends.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ChatOpsFunction } from './chatops-function';
import { RateLimitedApi } from './rate-limited-api';

/** The request URL path Bolt listens on (bot/receivers.ts `EVENTS_PATH`). */
export const SLACK_EVENTS_PATH = ['slack', 'events'] as const;

export interface TurnQueueProps {
  /** The consumer's timeout; the visibility timeout is six times it. */
  readonly consumerTimeout: Duration;
}

/** A queue with SSE, TLS only and a dead-letter queue (same settings), for one consumer. */
export class ProtectedQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: TurnQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This is the dead-letter queue of the queue beside it; its depth raises an alarm (Monitoring).',
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
  }
}

export interface SlackIngressProps {
  readonly worker: ChatOpsFunction;
  readonly workerTimeout: Duration;
  readonly rateLimit: number;
  readonly burstLimit: number;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

export class SlackIngress extends Construct {
  readonly turns: ProtectedQueue;
  readonly api: RateLimitedApi;
  private readonly events: apigateway.Resource;

  constructor(scope: Construct, id: string, props: SlackIngressProps) {
    super(scope, id);
    this.turns = new ProtectedQueue(this, 'Turns', { consumerTimeout: props.workerTimeout });
    props.worker.function.addEventSource(
      new SqsEventSource(this.turns.queue, { batchSize: 5, reportBatchItemFailures: true }),
    );
    this.api = new RateLimitedApi(this, 'Api', {
      description: 'Slack request URL: events, interactivity and slash commands',
      rateLimit: props.rateLimit,
      burstLimit: props.burstLimit,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      authenticatedBy:
        "Slack's request signature (signing secret, 5-minute window), verified by Bolt in the ingress",
    });
    this.events = SLACK_EVENTS_PATH.reduce<apigateway.IResource>(
      (parent, part) => parent.addResource(part),
      this.api.api.root,
    ) as apigateway.Resource;
  }

  /** Routes `POST /slack/events` to `ingress`. */
  routeTo(ingress: ChatOpsFunction): void {
    this.events.addMethod('POST', new apigateway.LambdaIntegration(ingress.function));
  }

  /** The URL to paste into the Slack app's Event Subscriptions, Interactivity and Slash Commands. */
  get requestUrl(): string {
    return this.api.api.urlForPath(`/${SLACK_EVENTS_PATH.join('/')}`);
  }
}
