/**
 * Capabilities, schedules and event rules of the real entries (infra/lambda-entries.ts): the
 * execution worker's executors (Account Factory launch with reserved concurrency, Service Catalog
 * and Organizations, key rotation, pipeline approvals and retries), key rotation scoped to the user
 * path and secret prefix, pipelines scoped to their ARNs, and the EventBridge wiring of the
 * account-vending and pipeline entries.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ChatOpsStack } from '../../../infra/chatops-stack';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { eventPattern } from '../../../infra/constructs/event-rules';
import { LAMBDA_ENTRIES } from '../../../infra/lambda-entries';
import { resourcesOf, synthStage } from './support/synth';

let template: Template;
let stack: ChatOpsStack;

beforeAll(() => {
  ({ template, stack } = synthStage('dev'));
});

const policyOf = (prefix: string) => {
  const found = resourcesOf(template, 'AWS::IAM::Policy').filter(([id]) => id.startsWith(prefix));
  return found.flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: unknown[] }).Statement);
};

const fnRef = (id: string) => ({ Ref: Match.stringLikeRegexp(`^${id}Function`) });
const fnArn = (id: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(`^${id}Function`), 'Arn'] });

describe('capabilities', () => {
  it('caps the Account Factory launchers with reserved concurrency, the SQS source at the same maximum', () => {
    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('Approved requests from the execution queue'),
      ReservedConcurrentExecutions: 2,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: fnRef('ExecutionWorker'),
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    for (const what of ['Control Tower lifecycle events', 'DescribeRecord fallback']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(what),
        ReservedConcurrentExecutions: 1,
      });
    }
  });

  it('gives the execution worker Service Catalog on products and read-only Organizations, in their own policies', () => {
    // Assess
    expect(policyOf('ExecutionWorkerAccountVendingPolicy')).toEqual(
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
    expect(policyOf('ExecutionWorkerOrganizationsReadPolicy')).toEqual([
      expect.objectContaining({
        Action: expect.arrayContaining(['organizations:ListAccounts']),
        Resource: '*',
      }),
    ]);
  });

  it('scopes key rotation to the configured IAM user path and secret prefix, for the sweeper and the worker', () => {
    // Prepare
    const { iamUserPath, secretPrefix } = loadDeploymentConfig('dev').keyRotation;

    for (const id of ['KeySweeper', 'ExecutionWorker']) {
      // Act
      const text = JSON.stringify(policyOf(`${id}KeyRotationPolicy`));

      // Assess
      expect(text).toContain(`:user${iamUserPath}*`);
      expect(text).toContain(`:secret:${secretPrefix}*`);
      expect(text).toContain('iam:CreateAccessKey');
    }
  });

  it('scopes pipeline reads to the pipelines the config names (listing names needs *)', () => {
    // Prepare
    const { pipelines } = loadDeploymentConfig('dev');

    // Act
    const [list, reads] = policyOf('PipelineNotificationsPipelinesReadPolicy') as {
      Action: unknown;
      Resource: unknown[];
    }[];

    // Assess
    expect(list).toEqual(
      expect.objectContaining({
        Action: ['codepipeline:ListPipelines', 'health:DescribeEvents'],
        Resource: '*',
      }),
    );
    expect(reads?.Resource).toHaveLength(pipelines.length);
    expect(JSON.stringify(reads?.Resource)).toContain(`:${pipelines[0]}`);
  });

  it("scopes the worker's pipeline writes (approval result, stage retry) to stages of the configured pipelines", () => {
    // Prepare
    const { pipelines } = loadDeploymentConfig('dev');

    // Act
    const [statement] = policyOf('ExecutionWorkerPipelineActionsPolicy') as {
      Action: string[];
      Resource: unknown[];
    }[];

    // Assess
    expect(statement?.Action).toEqual(['codepipeline:PutApprovalResult', 'codepipeline:RetryStageExecution']);
    expect(statement?.Resource).toHaveLength(pipelines.length);
    expect(JSON.stringify(statement?.Resource)).toContain(`:${pipelines[0]}/*`);
  });

  it('schedules sweepers and the poller and routes Control Tower and CodePipeline events to their functions', () => {
    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [Match.objectLike({ Arn: fnArn('ProvisioningPoller') })],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Arn: fnArn('KeySweeper') })],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.controltower'],
        'detail-type': ['AWS Service Event via CloudTrail'],
        detail: { eventName: ['CreateManagedAccount', 'UpdateManagedAccount'] },
      },
      Targets: [Match.objectLike({ Arn: fnArn('AccountLifecycle') })],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.codepipeline'],
        'detail-type': ['CodePipeline Pipeline Execution State Change'],
        detail: { pipeline: loadDeploymentConfig('dev').pipelines },
      }),
      Targets: [Match.objectLike({ Arn: fnArn('PipelineNotifications') })],
    });
    expect(eventPattern('codePipelineExecution', [])).not.toHaveProperty('detail');
  });

  it('queues approved and never-policy requests for the execution worker: DLQ, visibility above its timeout, partial failures', () => {
    // Prepare: the real execution worker entry (infra/lambda-entries.ts).
    const worker = LAMBDA_ENTRIES.find((e) => e.trigger.kind === 'executionQueue');

    // Assess
    expect(worker?.id).toBe('ExecutionWorker');
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: (worker?.timeoutSeconds ?? 0) * 6,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: fnRef('ExecutionWorker'),
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExecutionsQueue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('Lex V2 code hook'),
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
