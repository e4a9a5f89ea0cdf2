/**
 * The approval flow's functions get exactly the environment their code reads (the names of
 * handlers/approvals/approval-lambda-deps.ts `approvalEnvSchema`) and exactly the grants behind
 * it; the approval links' base URL is set without a CloudFormation dependency cycle; the expiry
 * sweeper runs on a schedule and the execution worker on the execution queue.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { approvalEnvSchema } from '../../../handlers/approvals/approval-lambda-deps';
import type { LambdaEntry } from '../../../infra/lambda-entries';
import { LAMBDA_ENTRIES } from '../../../infra/lambda-entries';
import { resourcesOf, synthStage } from './support/synth';

let dev: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
});

type Variables = Record<string, unknown>;

function variablesOf(template: Template, id: string): Variables {
  const [, fn] = resourcesOf(template, 'AWS::Lambda::Function').find(([logical]) =>
    logical.startsWith(`${id}Function`),
  ) ?? [undefined, undefined];
  if (!fn) throw new Error(`no function ${id}`);
  return (fn.Properties.Environment as { Variables: Variables }).Variables;
}

/** The approval-related variables a function has (the names approvalEnvSchema knows). */
function approvalVariables(template: Template, id: string): string[] {
  const known = Object.keys(approvalEnvSchema.shape);
  return Object.keys(variablesOf(template, id))
    .filter((name) => known.includes(name))
    .sort();
}

const ref = (prefix: string) => ({ Ref: expect.stringMatching(new RegExp(`^${prefix}`)) });

function actionsOnResource(template: Template, roleId: string, resourcePrefix: string): string[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}Role`))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement)
    .filter((s) => JSON.stringify(s.Resource).includes(resourcePrefix))
    .flatMap((s) => [s.Action].flat() as string[])
    .sort();
}

describe('approval flow wiring', () => {
  it('gives each approval function the approval variables its deps factory reads, and no others', () => {
    // Assess
    expect(approvalVariables(dev, 'Fulfillment')).toEqual([
      'APPROVALS_URL',
      'APPROVAL_KEY_SECRET_ID',
      'APPROVAL_TOPIC_ARN',
      'EXECUTION_QUEUE_URL',
      'TABLE_NAME',
    ]);
    expect(approvalVariables(dev, 'ApprovalApi')).toEqual([
      'APPROVAL_KEY_SECRET_ID',
      'EXECUTION_QUEUE_URL',
      'TABLE_NAME',
    ]);
    // The Slack worker decides Approve / Reject clicks through the same desk as the approval API.
    expect(approvalVariables(dev, 'Worker')).toEqual([
      'APPROVAL_KEY_SECRET_ID',
      'EXECUTION_QUEUE_URL',
      'TABLE_NAME',
    ]);
    expect(approvalVariables(dev, 'ExpirySweeper')).toEqual(['TABLE_NAME']);
    expect(approvalVariables(dev, 'ExecutionWorker')).toEqual(['TABLE_NAME']);
    expect(JSON.stringify(dev.toJSON())).not.toContain('APPROVAL_KEY_SECRET_ARN');
  });

  it('points the variables at the stage own secret, topic, queue and API', () => {
    // Prepare
    const fulfillment = variablesOf(dev, 'Fulfillment');
    const approvalApi = variablesOf(dev, 'ApprovalApi');

    // Assess
    expect(fulfillment.APPROVAL_KEY_SECRET_ID).toEqual(ref('SecretsApprovalKey'));
    expect(fulfillment.APPROVAL_TOPIC_ARN).toEqual(ref('ApprovalsTopic'));
    expect(approvalApi.APPROVAL_KEY_SECRET_ID).toEqual(ref('SecretsApprovalKey'));
    expect(approvalApi.EXECUTION_QUEUE_URL).toEqual(ref('ExecutionsQueue'));
    expect(fulfillment.APPROVALS_URL).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          ref('ApprovalsApi'),
          '.execute-api.us-east-1.',
          { Ref: 'AWS::URLSuffix' },
          '/v1/approvals',
        ],
      ],
    });
  });

  it('grants what the variables imply and nothing more', () => {
    // Assess
    expect(actionsOnResource(dev, 'ApprovalApi', 'ExecutionsQueue')).toEqual(['sqs:SendMessage']);
    expect(actionsOnResource(dev, 'ApprovalApi', 'SecretsApprovalKey')).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
    expect(actionsOnResource(dev, 'ApprovalApi', 'ApprovalsTopic')).toEqual([]);
    expect(actionsOnResource(dev, 'Fulfillment', 'SecretsApprovalKey')).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
    expect(actionsOnResource(dev, 'Fulfillment', 'ApprovalsTopic')).toEqual(['sns:Publish']);
    // `never`-policy requests are handed to the execution worker.
    expect(actionsOnResource(dev, 'Fulfillment', 'ExecutionsQueue')).toEqual(['sqs:SendMessage']);
    for (const id of ['ExpirySweeper', 'ExecutionWorker']) {
      for (const other of ['Secrets', 'ApprovalsTopic', 'SlackTurns'])
        expect(actionsOnResource(dev, id, other)).toEqual([]);
    }
    expect(actionsOnResource(dev, 'ExpirySweeper', 'ExecutionsQueue')).toEqual([]);
    expect(actionsOnResource(dev, 'Worker', 'ExecutionsQueue')).toEqual(['sqs:SendMessage']);
    expect(actionsOnResource(dev, 'Worker', 'SecretsApprovalKey')).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('has no CloudFormation dependency cycle, even with the approval URL on the approval API itself', () => {
    // Prepare: Template.fromStack rejects a template with a dependency cycle (CDK's assertions
    // check Ref, Fn::GetAtt, Fn::Sub and DependsOn; cdk synth does not, CloudFormation would).
    const withLinks: readonly LambdaEntry[] = LAMBDA_ENTRIES.map((e) =>
      e.trigger.kind === 'approvalApi' ? { ...e, access: [...e.access, 'approvalLinks'] } : e,
    );

    // Act
    const linked = synthStage('dev', withLinks);

    // Assess
    expect(() => Template.fromStack(linked.stack)).not.toThrow();
    expect(variablesOf(linked.template, 'ApprovalApi').APPROVALS_URL).toEqual(
      variablesOf(dev, 'Fulfillment').APPROVALS_URL,
    );
  });

  it('would reject a cycle (the check is live)', () => {
    // Prepare
    const cyclic = {
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Url: { 'Fn::GetAtt': ['Stage', 'Url'] } } },
        Stage: { Type: 'AWS::ApiGateway::Stage', DependsOn: ['Method'] },
        Method: { Type: 'AWS::ApiGateway::Method', Properties: { Uri: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
      },
    };

    // Act
    const load = () => Template.fromJSON(cyclic);

    // Assess
    expect(load).toThrow(/cycl/i);
  });

  it('runs the expiry sweeper every 5 minutes', () => {
    // Assess
    dev.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExpirySweeperFunction'), 'Arn'] },
        }),
      ],
    });
  });

  it('feeds the execution worker from the execution queue with partial batch responses', () => {
    // Assess
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExecutionsQueue'), 'Arn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^ExecutionWorkerFunction') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    dev.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExecutionsDeadLetters'), 'Arn'] },
        maxReceiveCount: 5,
      },
    });
  });
});
