/**
 * Capabilities, schedules and event rules, declared for an entry: the account-vending executor
 * shape (reserved concurrency, Service Catalog + Organizations), key rotation scoped to the user
 * path and secret prefix, pipelines scoped to their ARNs, and the EventBridge wiring. The entries
 * reuse an existing entry file: only the declaration is under test.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ChatOpsStack } from '../../../infra/chatops-stack';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { eventPattern } from '../../../infra/constructs/event-rules';
import { LAMBDA_ENTRIES, type LambdaEntry } from '../../../infra/lambda-entries';
import { resourcesOf, synthStage } from './support/synth';

const file = 'handlers/fulfillment.lambda.ts';
const extra: LambdaEntry[] = [
  {
    id: 'ProbeVendingExecutor',
    entry: file,
    description: 'test: account vending',
    trigger: { kind: 'schedule', everyMinutes: 5 },
    access: ['ledger', 'accountVending', 'organizationsRead'],
    timeoutSeconds: 60,
    reservedConcurrency: 1,
  },
  {
    id: 'ProbeLifecycle',
    entry: file,
    description: 'test: lifecycle',
    trigger: { kind: 'event', pattern: 'controlTowerLifecycle' },
    access: ['accountLifecycle'],
    timeoutSeconds: 30,
  },
  {
    id: 'ProbeKeySweeper',
    entry: file,
    description: 'test: keys',
    trigger: { kind: 'schedule', everyMinutes: 60 },
    access: ['keyRotation'],
    timeoutSeconds: 60,
  },
  {
    id: 'ProbeDecider',
    entry: file,
    description: 'test: decides and queues',
    trigger: { kind: 'schedule', everyMinutes: 10 },
    access: ['executionQueue'],
    timeoutSeconds: 10,
  },
  {
    id: 'ProbePipelineEvents',
    entry: file,
    description: 'test: pipelines',
    trigger: { kind: 'event', pattern: 'codePipelineExecution' },
    access: ['pipelinesRead'],
    timeoutSeconds: 30,
  },
];

let template: Template;
let stack: ChatOpsStack;

beforeAll(() => {
  ({ template, stack } = synthStage('dev', [...LAMBDA_ENTRIES, ...extra]));
});

const policyOf = (prefix: string) => {
  const found = resourcesOf(template, 'AWS::IAM::Policy').filter(([id]) => id.startsWith(prefix));
  return found.flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: unknown[] }).Statement);
};

describe('capabilities', () => {
  it('caps the vending executor with reserved concurrency', () => {
    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('account vending'),
      ReservedConcurrentExecutions: 1,
    });
  });

  it('gives account vending Service Catalog on products and read-only Organizations, in their own policies', () => {
    // Assess
    expect(policyOf('ProbeVendingExecutorAccountVendingPolicy')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: expect.arrayContaining([
            'servicecatalog:ProvisionProduct',
            'servicecatalog:ListLaunchPaths',
          ]),
          Resource: { 'Fn::Join': ['', expect.arrayContaining([expect.stringMatching(/:product\/\*$/)])] },
        }),
      ]),
    );
    expect(policyOf('ProbeVendingExecutorOrganizationsReadPolicy')).toEqual([
      expect.objectContaining({
        Action: expect.arrayContaining(['organizations:ListAccounts']),
        Resource: '*',
      }),
    ]);
  });

  it('scopes key rotation to the configured IAM user path and secret prefix', () => {
    // Prepare
    const { iamUserPath, secretPrefix } = loadDeploymentConfig('dev').keyRotation;

    // Act
    const text = JSON.stringify(policyOf('ProbeKeySweeperKeyRotationPolicy'));

    // Assess
    expect(text).toContain(`:user${iamUserPath}*`);
    expect(text).toContain(`:secret:${secretPrefix}*`);
    expect(text).toContain('iam:CreateAccessKey');
  });

  it('scopes pipeline reads to the pipelines the config names', () => {
    // Prepare
    const { pipelines } = loadDeploymentConfig('dev');

    // Act
    const [statement] = policyOf('ProbePipelineEventsPipelinesReadPolicy') as { Resource: unknown[] }[];

    // Assess
    expect(statement?.Resource).toHaveLength(pipelines.length);
    expect(JSON.stringify(statement?.Resource)).toContain(`:${pipelines[0]}`);
  });

  it('schedules sweepers and routes Control Tower and CodePipeline events to their functions', () => {
    // Assess
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.controltower'],
        'detail-type': ['AWS Service Event via CloudTrail'],
        detail: { eventName: ['CreateManagedAccount', 'UpdateManagedAccount'] },
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.codepipeline'],
        'detail-type': ['CodePipeline Pipeline Execution State Change'],
        detail: { pipeline: loadDeploymentConfig('dev').pipelines },
      }),
    });
    expect(eventPattern('codePipelineExecution', [])).not.toHaveProperty('detail');
  });

  it('queues approved requests for the execution worker: DLQ, visibility above its timeout, partial failures', () => {
    // Prepare: the real execution worker entry (infra/lambda-entries.ts).
    const worker = LAMBDA_ENTRIES.find((e) => e.trigger.kind === 'executionQueue');

    // Assess
    expect(worker?.id).toBe('ExecutionWorker');
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: (worker?.timeoutSeconds ?? 0) * 6,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^ExecutionWorkerFunction') },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExecutionsQueue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('decides and queues'),
      Environment: {
        Variables: Match.objectLike({
          EXECUTION_QUEUE_URL: { Ref: Match.stringLikeRegexp('^ExecutionsQueue') },
        }),
      },
    });
  });

  it('acknowledges each wildcard resource a capability needs, so cdk-nag finds nothing', () => {
    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assess
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
