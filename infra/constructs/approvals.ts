/**
 * Approvals: the SNS topic approval emails go through (customer-managed KMS key, TLS-only topic
 * policy) with one email subscription per approver, each with a filter policy on the `approver`
 * message attribute so every approver receives only their own personal link
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html); and the approval API,
 * `GET` / `POST /approvals/{id}` on a rate-limited stage (the page and the decision).
 *
 * The base URL is built from the REST API id, region, URL suffix and the known stage name rather
 * than `api.url`: `api.url` references the stage, whose deployment depends on every method and so
 * on the approval API function — a function that had that URL in its environment would close a
 * CloudFormation dependency cycle.
 */
import { Fn, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { APPROVER_ATTRIBUTE } from '../../handlers/approvals/sns-email-channel';
import type { ChatOpsFunction } from './chatops-function';
import { API_STAGE_NAME, RateLimitedApi } from './rate-limited-api';

/** The message attribute the SNS adapter sets to the approver's email (one source: the adapter). */
export { APPROVER_ATTRIBUTE };

export interface ApprovalsProps {
  readonly approverEmails: readonly string[];
  readonly rateLimit: number;
  readonly burstLimit: number;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

export class Approvals extends Construct {
  readonly key: kms.Key;
  readonly topic: sns.Topic;
  /** Created with the first route (a REST API without methods does not deploy). */
  api?: RateLimitedApi;
  private readonly apiProps: ApprovalsProps;

  constructor(scope: Construct, id: string, props: ApprovalsProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'ChatOps approval emails (SNS topic encryption)',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'ChatOps approvals',
      masterKey: this.key,
      enforceSSL: true,
    });
    for (const email of props.approverEmails) {
      this.topic.addSubscription(
        new subscriptions.EmailSubscription(email, {
          filterPolicy: {
            [APPROVER_ATTRIBUTE]: sns.SubscriptionFilter.stringFilter({ allowlist: [email] }),
          },
        }),
      );
    }
    this.apiProps = props;
  }

  /** Routes `GET` and `POST /approvals/{id}` to `handler` (GET never changes state). */
  routeTo(handler: ChatOpsFunction): void {
    const props = this.apiProps;
    this.api = new RateLimitedApi(this, 'Api', {
      description: 'Approval pages: GET shows a request, POST decides it',
      rateLimit: props.rateLimit,
      burstLimit: props.burstLimit,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      authenticatedBy:
        'a single-use HMAC approval token bound to request, approver and parameter digest, plus a CSRF value on POST, checked by the approval API function',
    });
    const request = this.api.api.root.addResource('approvals').addResource('{id}');
    const integration = new apigateway.LambdaIntegration(handler.function);
    request.addMethod('GET', integration);
    request.addMethod('POST', integration);
  }

  /**
   * The approval page base URL (`https://<api-id>.execute-api.<region>.<suffix>/v1/approvals`), for
   * the links in the emails; references the REST API only, never its stage (no cycle).
   */
  get baseUrl(): string | undefined {
    if (!this.api) return undefined;
    const stack = Stack.of(this);
    return Fn.join('', [
      'https://',
      this.api.api.restApiId,
      `.execute-api.${stack.region}.${stack.urlSuffix}/${API_STAGE_NAME}/approvals`,
    ]);
  }
}
