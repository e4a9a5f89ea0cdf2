import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';
import {
  pipelineApprovalCapability,
  retryPipelineStageCapability,
} from '../../../../handlers/pipeline-status/pipeline-actions.capability';
import { pipelineStatusDeps } from '../../../../handlers/pipeline-status/pipeline-status.deps';
import { SandboxCodePipeline } from '../../../../handlers/sandbox/sandbox-codepipeline';
import { SANDBOX_APPROVAL_TOKEN } from '../../../../handlers/sandbox/sandbox-pipelines';

const config = parseConfig(localConfig);
const caller = { slackUserId: 'UBOB00001', teamId: 'T0SANDBOX', roles: new Set(['approver']) };

function request(intent: string, parameters: Record<string, string>): ChatOpsRequest {
  return {
    id: 'REQ-5G8H3N7Q',
    intent,
    parameters,
    requester: { slackUserId: 'UBOB00001', teamId: 'T0SANDBOX', name: 'Bob Example' },
    origin: { teamId: 'T0SANDBOX', channelId: 'DUBOB00001' },
    status: 'IN_PROGRESS',
  } as unknown as ChatOpsRequest; // only the fields the executors read
}

function setup() {
  const events: string[] = [];
  const twin = new SandboxCodePipeline({
    retryDelayMs: 0,
    onEvent: (e) => events.push(`${e.detail.pipeline}:${e.detail.state}`),
  });
  return { twin, events, deps: pipelineStatusDeps({ pipelines: twin }) };
}

describe('RetryPipelineStage', () => {
  it('retries the failed Build of payments-api, which then succeeds', async () => {
    // Prepare
    const { twin, events, deps } = setup();
    // Act
    const result = await retryPipelineStageCapability.execute?.(
      { request: request('RetryPipelineStage', { PipelineName: 'payments-api' }) },
      deps,
      config,
    );
    await twin.settled();
    // Assess
    expect(result?.externalIds).toEqual({
      pipelineExecutionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
      stage: 'Build',
    });
    expect((await twin.getPipeline('payments-api'))?.stages.map((s) => s.status)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
    ]);
    expect(events).toEqual(['payments-api:SUCCEEDED']);
  });

  it('refuses in the dialog a pipeline with nothing to retry', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const result = await retryPipelineStageCapability.slotChecks?.PipelineName?.('web-app', {
      caller,
      slots: {},
      config,
      deps,
      fresh: false,
    });
    // Assess
    expect(result).toEqual({
      ok: false,
      message: 'web-app has no failed stage to retry. Which pipeline should I retry?',
    });
  });

  it('fails with a clear message when the stage was retried meanwhile', async () => {
    // Prepare
    const { twin, deps } = setup();
    await twin.retryStage({
      pipelineName: 'payments-api',
      stageName: 'Build',
      pipelineExecutionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
    });
    // Act
    const error = await retryPipelineStageCapability
      .execute?.({ request: request('RetryPipelineStage', { PipelineName: 'payments-api' }) }, deps, config)
      .catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({
      code: 'PIPELINE_NOTHING_TO_DO',
      message: 'payments-api has no failed stage now; nothing was retried.',
    });
  });

  it('describes its AWS calls for the approver', () => {
    // Act
    const plan = retryPipelineStageCapability.plan?.({ PipelineName: 'payments-api' }, config);
    // Assess
    expect(plan?.[1]).toBe(
      'CodePipeline RetryStageExecution on payments-api: that stage and run, retryMode FAILED_ACTIONS',
    );
  });
});

describe('PipelineApproval', () => {
  it("approves data-lake-etl's manual approval with the token from the current state", async () => {
    // Prepare
    const { twin, deps } = setup();
    const put = jest.spyOn(twin, 'putApprovalResult');
    // Act
    const result = await pipelineApprovalCapability.execute?.(
      { request: request('PipelineApproval', { PipelineName: 'data-lake-etl', Decision: 'Approve' }) },
      deps,
      config,
    );
    await twin.settled();
    // Assess
    expect(put).toHaveBeenCalledWith({
      pipelineName: 'data-lake-etl',
      stageName: 'Approve',
      actionName: 'ManualApproval',
      token: SANDBOX_APPROVAL_TOKEN,
      status: 'Approved',
      summary: 'Approved in ChatOps by Bob Example (UBOB00001), request REQ-5G8H3N7Q',
    });
    expect(result?.message).toBe(
      'Approved the manual approval ManualApproval of data-lake-etl (stage Approve). The pipeline continues.',
    );
    expect(JSON.stringify(result)).not.toContain(SANDBOX_APPROVAL_TOKEN);
  });

  it('rejects it, and the run stops', async () => {
    // Prepare
    const { twin, events, deps } = setup();
    // Act
    await pipelineApprovalCapability.execute?.(
      { request: request('PipelineApproval', { PipelineName: 'data-lake-etl', Decision: 'Reject' }) },
      deps,
      config,
    );
    // Assess
    expect((await twin.getPipeline('data-lake-etl'))?.stages[2]?.status).toBe('Failed');
    expect(events).toEqual(['data-lake-etl:FAILED']);
  });

  it('fails clearly when the approval was decided meanwhile', async () => {
    // Prepare
    const { deps } = setup();
    const approve = request('PipelineApproval', { PipelineName: 'data-lake-etl', Decision: 'Approve' });
    await pipelineApprovalCapability.execute?.({ request: approve }, deps, config);
    // Act
    const error = await pipelineApprovalCapability
      .execute?.({ request: approve }, deps, config)
      .catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: 'PIPELINE_APPROVAL_COMPLETED' });
  });
});

describe('SandboxCodePipeline exceptions (as the service raises them)', () => {
  it.each([
    ['an older run', { pipelineExecutionId: 'older' }, 'PIPELINE_NOT_LATEST_EXECUTION'],
    ['a stage that did not fail', { stageName: 'Source' }, 'PIPELINE_STAGE_NOT_RETRYABLE'],
  ])('refuses a retry of %s', async (_what, change, code) => {
    // Prepare
    const { twin } = setup();
    const retry = {
      pipelineName: 'payments-api',
      stageName: 'Build',
      pipelineExecutionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
      ...change,
    };
    // Act
    const error = await twin.retryStage(retry).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code });
  });

  it.each([['a wrong token', 'not-the-token', 'PIPELINE_APPROVAL_TOKEN_INVALID']])(
    'refuses an approval with %s',
    async (_what, token, code) => {
      // Prepare
      const { twin } = setup();
      // Act
      const error = await twin
        .putApprovalResult({
          pipelineName: 'data-lake-etl',
          stageName: 'Approve',
          actionName: 'ManualApproval',
          token,
          status: 'Approved',
          summary: 's',
        })
        .catch((e: unknown) => e);
      // Assess
      expect(error).toMatchObject({ code });
    },
  );

  it('refuses a second decision as already completed', async () => {
    // Prepare
    const { twin } = setup();
    const decision = {
      pipelineName: 'data-lake-etl',
      stageName: 'Approve',
      actionName: 'ManualApproval',
      token: SANDBOX_APPROVAL_TOKEN,
      status: 'Approved' as const,
      summary: 's',
    };
    await twin.putApprovalResult(decision);
    // Act
    const error = await twin.putApprovalResult(decision).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: 'PIPELINE_APPROVAL_COMPLETED' });
  });
});
