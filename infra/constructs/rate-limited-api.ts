/**
 * A regional REST API with the stage settings every public entry point here shares: stage-wide
 * throttling (API Gateway's token bucket: `rateLimit` requests per second, `burstLimit` bucket
 * size, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html),
 * JSON access logs in a log group with the stage's retention, X-Ray tracing. No WAF: Slack
 * signatures and approval tokens are verified in the function, and throttling caps the cost of
 * anything unsigned.
 */
import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The one stage every API here deploys (part of every public URL). */
export const API_STAGE_NAME = 'v1';

export interface RateLimitedApiProps {
  readonly description: string;
  readonly rateLimit: number;
  readonly burstLimit: number;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** How requests are authenticated, for the cdk-nag acknowledgements (APIG4, COG4). */
  readonly authenticatedBy: string;
}

export class RateLimitedApi extends Construct {
  readonly api: apigateway.RestApi;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RateLimitedApiProps) {
    super(scope, id);
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.api = new apigateway.RestApi(this, 'Api', {
      description: props.description,
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // The account-wide API Gateway CloudWatch role is not this stack's to own.
      cloudWatchRole: false,
      deployOptions: {
        stageName: API_STAGE_NAME,
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        tracingEnabled: true,
        accessLogDestination: new apigateway.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
      },
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-APIG2',
        reason: `Bodies are verified in the function before anything is parsed (${props.authenticatedBy}); a model validator would have to re-parse bodies whose raw bytes the signature covers.`,
      },
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'No WAF by design (issue 15): requests are authenticated in the function and the stage is throttled; a web ACL adds cost and no check the function does not already make.',
      },
      {
        id: 'AwsSolutions-APIG4',
        reason: `Callers are Slack and email recipients, not IAM or Cognito users: ${props.authenticatedBy}.`,
      },
      {
        id: 'AwsSolutions-COG4',
        reason: `No Cognito users exist in this system: ${props.authenticatedBy}.`,
      },
      {
        id: 'AwsSolutions-APIG6',
        reason:
          'Access logs (JSON, every request) are on; execution logging needs the account-wide API Gateway CloudWatch role, which one ChatOps stage must not own or overwrite for the account.',
      },
    );
  }
}
