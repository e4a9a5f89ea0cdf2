import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import 'aws-sdk-client-mock-jest';
import { CodePipelineAdapter } from '../../../../handlers/pipeline-status/codepipeline-adapter';
import {
  pipelineApprovalCapability,
  retryPipelineStageCapability,
} from '../../../../handlers/pipeline-status/pipeline-actions.capability';
import { expectDeclared, recordAws } from '../../../kit';
import { loadFixture } from '../../../support/fixtures';

const DATE_KEYS = new Set(['created', 'updated', 'lastStatusChange', 'startTime', 'lastUpdateTime']);

/** A fixture as the SDK deserialises it: timestamps become Dates. */
function sdk<T>(path: string): T {
  return JSON.parse(JSON.stringify(loadFixture(path)), (key, value) =>
    DATE_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as T;
}

function exception(name: string): Error {
  return Object.assign(new Error(`${name} message from AWS`), { name, $metadata: {} });
}

function setup() {
  const aws = recordAws();
  const mock = aws.mock(CodePipelineClient);
  const adapter = new CodePipelineAdapter(new CodePipelineClient({ region: 'us-east-1' }), 'us-east-1');
  return { aws, mock, adapter };
}

describe('CodePipelineAdapter', () => {
  it('lists every page of ListPipelines', async () => {
    // Prepare
    const { mock, adapter } = setup();
    mock
      .on(ListPipelinesCommand)
      .resolvesOnce(sdk('codepipeline/list-pipelines-page-1.json'))
      .resolvesOnce(sdk('codepipeline/list-pipelines-page-2.json'));
    // Act
    const list = await adapter.listPipelines();
    // Assess
    expect(list.map((p) => [p.name, p.type])).toEqual([
      ['data-lake-etl', 'V1'],
      ['payments-api', 'V2'],
      ['web-app', 'V2'],
    ]);
    expect(mock).toHaveReceivedCommandTimes(ListPipelinesCommand, 2);
    expect(mock.commandCalls(ListPipelinesCommand).map((c) => c.args[0].input)).toEqual([
      { maxResults: 1000 },
      { nextToken: 'eyJwYWdlIjoyfQ==', maxResults: 1000 },
    ]);
  });

  it('maps a failed stage with its errorDetails and external link', async () => {
    // Prepare
    const { mock, adapter } = setup();
    mock
      .on(GetPipelineStateCommand, { name: 'payments-api' })
      .resolves(sdk('codepipeline/get-pipeline-state-failed.json'));
    // Act
    const state = await adapter.getPipeline('payments-api');
    // Assess
    const build = state?.stages[1];
    expect(build).toMatchObject({
      name: 'Build',
      status: 'Failed',
      executionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
    });
    expect(build?.actions[0]).toMatchObject({
      name: 'UnitTests',
      status: 'Failed',
      errorDetails: {
        code: 'JobFailed',
        message: 'Build failed: 3 tests failed in PaymentServiceTest (exit code 1)',
      },
      externalUrl: expect.stringContaining('payments-api-build:5f1e2d3c'),
    });
    expect(state?.stages[2]).toMatchObject({ name: 'Deploy', status: 'NotRun' });
    expect(mock).not.toHaveReceivedCommand(GetPipelineCommand);
  });

  it('reads a waiting approval: its token and the CustomData of its declaration', async () => {
    // Prepare
    const { mock, adapter } = setup();
    mock.on(GetPipelineStateCommand).resolves(sdk('codepipeline/get-pipeline-state-approval.json'));
    mock
      .on(GetPipelineCommand, { name: 'data-lake-etl' })
      .resolves(sdk('codepipeline/get-pipeline-approval-declaration.json'));
    // Act
    const state = await adapter.getPipeline('data-lake-etl');
    // Assess
    expect(state?.stages[1]?.actions[0]).toEqual({
      name: 'ManualApproval',
      status: 'InProgress',
      category: 'Approval',
      token: '3f5b8e1a-7c2d-4e6f-9a0b-1c2d3e4f5a6b',
      approvalMessage: 'Load the nightly partition into the production lake (schema v42).',
    });
  });

  it('answers undefined for an unknown pipeline', async () => {
    // Prepare
    const { mock, adapter } = setup();
    mock.on(GetPipelineStateCommand).rejects(exception('PipelineNotFoundException'));
    mock.on(ListPipelineExecutionsCommand).rejects(exception('PipelineNotFoundException'));
    // Act
    const state = await adapter.getPipeline('nope');
    const runs = await adapter.listExecutions('nope', 5);
    // Assess
    expect(state).toBeUndefined();
    expect(runs).toEqual([]);
  });

  it('maps ListPipelineExecutions with triggers and times', async () => {
    // Prepare
    const { mock, adapter } = setup();
    mock.on(ListPipelineExecutionsCommand).resolves(sdk('codepipeline/list-pipeline-executions.json'));
    // Act
    const runs = await adapter.listExecutions('payments-api', 5);
    // Assess
    expect(mock).toHaveReceivedCommandWith(ListPipelineExecutionsCommand, {
      pipelineName: 'payments-api',
      maxResults: 5,
    });
    expect(runs[0]).toEqual({
      id: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
      status: 'Failed',
      startedAt: '2026-11-23T07:30:00.000Z',
      updatedAt: '2026-11-23T07:36:12.000Z',
      trigger: 'Webhook (arn:aws:codestar-connections:us-east-1:111111111111:connection/abc)',
    });
  });

  it('sends PutApprovalResult with the token and the decision, an action PipelineApproval declares', async () => {
    // Prepare
    const { aws, mock, adapter } = setup();
    mock.on(PutApprovalResultCommand).resolves({ approvedAt: new Date('2026-11-23T09:30:00.000Z') });
    // Act
    const out = await adapter.putApprovalResult({
      pipelineName: 'data-lake-etl',
      stageName: 'Approve',
      actionName: 'ManualApproval',
      token: '3f5b8e1a-7c2d-4e6f-9a0b-1c2d3e4f5a6b',
      status: 'Approved',
      summary: 'Approved in ChatOps by Bob',
    });
    // Assess
    expect(out).toEqual({ approvedAt: '2026-11-23T09:30:00.000Z' });
    expect(mock).toHaveReceivedCommandWith(PutApprovalResultCommand, {
      pipelineName: 'data-lake-etl',
      stageName: 'Approve',
      actionName: 'ManualApproval',
      token: '3f5b8e1a-7c2d-4e6f-9a0b-1c2d3e4f5a6b',
      result: { status: 'Approved', summary: 'Approved in ChatOps by Bob' },
    });
    expect(() => expectDeclared(aws, pipelineApprovalCapability)).not.toThrow();
    expect(() => expectDeclared(aws, retryPipelineStageCapability)).toThrow('codepipeline:PutApprovalResult');
  });

  it('sends RetryStageExecution with the run id and FAILED_ACTIONS, an action RetryPipelineStage declares', async () => {
    // Prepare
    const { aws, mock, adapter } = setup();
    mock
      .on(RetryStageExecutionCommand)
      .resolves({ pipelineExecutionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02' });
    // Act
    await adapter.retryStage({
      pipelineName: 'payments-api',
      stageName: 'Build',
      pipelineExecutionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
    });
    // Assess
    expect(mock).toHaveReceivedCommandWith(RetryStageExecutionCommand, {
      pipelineName: 'payments-api',
      stageName: 'Build',
      pipelineExecutionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
      retryMode: 'FAILED_ACTIONS',
    });
    expect(() => expectDeclared(aws, retryPipelineStageCapability)).not.toThrow();
  });

  it.each([
    [
      'NotLatestPipelineExecutionException',
      'PIPELINE_NOT_LATEST_EXECUTION',
      'A newer run of payments-api has started',
    ],
    ['StageNotRetryableException', 'PIPELINE_STAGE_NOT_RETRYABLE', 'cannot be retried now'],
  ])('turns %s from RetryStageExecution into %s', async (name, code, words) => {
    // Prepare
    const { mock, adapter } = setup();
    mock.on(RetryStageExecutionCommand).rejects(exception(name));
    // Act
    const error = await adapter
      .retryStage({ pipelineName: 'payments-api', stageName: 'Build', pipelineExecutionId: 'x' })
      .catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code, message: expect.stringContaining(words) });
  });

  it.each([
    ['ApprovalAlreadyCompletedException', 'PIPELINE_APPROVAL_COMPLETED', 'was already decided'],
    ['InvalidApprovalTokenException', 'PIPELINE_APPROVAL_TOKEN_INVALID', 'has changed since it was read'],
  ])('turns %s from PutApprovalResult into %s, without the token', async (name, code, words) => {
    // Prepare
    const { mock, adapter } = setup();
    mock.on(PutApprovalResultCommand).rejects(exception(name));
    const token = '3f5b8e1a-7c2d-4e6f-9a0b-1c2d3e4f5a6b';
    // Act
    const error = await adapter
      .putApprovalResult({
        pipelineName: 'data-lake-etl',
        stageName: 'Approve',
        actionName: 'ManualApproval',
        token,
        status: 'Rejected',
        summary: 's',
      })
      .catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code, message: expect.stringContaining(words) });
    expect(
      JSON.stringify({ m: (error as Error).message, d: (error as { details: unknown }).details }),
    ).not.toContain(token);
  });
});
