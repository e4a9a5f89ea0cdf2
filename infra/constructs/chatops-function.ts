/**
 * One Lambda function of the system: `NodejsFunction` bundled locally with the shared esbuild
 * settings (infra/lambda/bundle-settings.ts), Node.js 22 on arm64, X-Ray active tracing, its own
 * log group with the stage's retention, and its own role that may write to that log group only
 * (no `AWSLambdaBasicExecutionRole`, which allows every log group in the account).
 */

import { join } from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLE, LAMBDA_NODE_OPTIONS, PROJECT_ROOT } from '../lambda/bundle-settings';

export interface ChatOpsFunctionProps {
  /** Entry file, relative to the repository root (e.g. `bot/lambda/ingress.lambda.ts`). */
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize?: number;
  /** Protects a quota downstream (e.g. Control Tower's concurrent account operations). */
  readonly reservedConcurrentExecutions?: number;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** `--enable-source-maps` at run time (default true; costs cold-start time, see lambda-entries.ts). */
  readonly sourceMapsAtRuntime?: boolean;
  /** Names and ARNs only: secrets are read at cold start, never passed as values. */
  readonly environment?: Record<string, string>;
}

export class ChatOpsFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ChatOpsFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (writes its own log group only)`,
    });
    this.logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      ...(props.reservedConcurrentExecutions !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      environment: {
        ...(props.sourceMapsAtRuntime === false ? {} : { NODE_OPTIONS: LAMBDA_NODE_OPTIONS }),
        POWERTOOLS_SERVICE_NAME: id,
        ...props.environment,
      },
      bundling: {
        target: LAMBDA_BUNDLE.target,
        format: OutputFormat.CJS,
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourcemap,
        sourcesContent: LAMBDA_BUNDLE.sourcesContent,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        // Every package inside the bundle, the AWS SDK clients included (pinned versions).
        externalModules: [],
        bundleAwsSDK: true,
        esbuildArgs: {
          '--alias': Object.entries(LAMBDA_BUNDLE.alias).map(([name, path]) => `${name}=${path}`),
        },
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the bundles are built (esbuild target node22) and cold-start benchmarked for it; moving to a newer runtime is a deliberate change with a new bench run.',
    });
    // Active tracing adds xray:PutTraceSegments / PutTelemetryRecords to the role's default policy.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "Only X-Ray's PutTraceSegments and PutTelemetryRecords use Resource '*' in this role's default policy: X-Ray defines no resource types for them. Capability permissions that need '*' live in separate, separately acknowledged policies.",
    });
  }

  /** Adds a name or ARN to the environment (never a secret value). */
  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }
}

/** Turns a number of days into CloudWatch Logs' retention enum (the config schema checks the value). */
export function retentionDays(days: number): logs.RetentionDays {
  return days as logs.RetentionDays;
}

export const DEFAULT_TIMEOUT = Duration.seconds(30);
