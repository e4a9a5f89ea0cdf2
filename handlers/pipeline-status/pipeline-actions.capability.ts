/**
 * The two pipeline write intents, run by `Executions` once approved (by policy `never` at once):
 * RetryPipelineStage (`RetryStageExecution` of the failed stage's latest run, `FAILED_ACTIONS`)
 * and PipelineApproval (`PutApprovalResult` with the token read from the current state). Both read
 * the state again at execution time, so what runs is what the pipeline looks like now; refusals of
 * the service become coded errors with clear messages (./pipeline-errors.ts).
 */
import { pipelineApprovalIntent } from '../../intents/pipeline-approval.intent';
import { retryPipelineStageIntent } from '../../intents/retry-pipeline-stage.intent';
import type { Capability, SlotCheck } from '../capability';
import { failedStage, waitingApproval } from './pipeline-answer';
import { pipelineExecutorNeeds } from './pipeline-aws-actions';
import { PipelineActionError } from './pipeline-errors';
import { asChoices, checkPipelineName } from './pipeline-slots';
import type { PipelineStatusDeps } from './pipeline-status.deps';

async function withFailedStage(value: string, deps: PipelineStatusDeps): Promise<SlotCheck> {
  const named = await checkPipelineName(value, deps);
  if (!named.ok) return named;
  const state = await deps.pipelines.getPipeline(named.value);
  if (state && failedStage(state)) return named;
  return {
    ok: false,
    message: `${named.value} has no failed stage to retry. Which pipeline should I retry?`,
  };
}

async function withWaitingApproval(value: string, deps: PipelineStatusDeps): Promise<SlotCheck> {
  const named = await checkPipelineName(value, deps);
  if (!named.ok) return named;
  const state = await deps.pipelines.getPipeline(named.value);
  if (state && waitingApproval(state)) return named;
  return {
    ok: false,
    message: `${named.value} is not waiting at a manual approval. Which pipeline is waiting for your approval?`,
  };
}

export const retryPipelineStageCapability: Capability<PipelineStatusDeps> = {
  awsNeeds: pipelineExecutorNeeds('codepipeline:RetryStageExecution'),
  intent: retryPipelineStageIntent.id,
  slotChecks: { PipelineName: (value, { deps }) => withFailedStage(value, deps) },
  plan: (p) => [
    `CodePipeline GetPipelineState on ${p.PipelineName}: find the failed stage and its latest run`,
    `CodePipeline RetryStageExecution on ${p.PipelineName}: that stage and run, retryMode FAILED_ACTIONS`,
  ],
  async execute({ request }, deps) {
    const name = request.parameters.PipelineName ?? '';
    const state = await deps.pipelines.getPipeline(name);
    const stage = state && failedStage(state);
    if (!stage?.executionId) {
      throw new PipelineActionError(
        'PIPELINE_NOTHING_TO_DO',
        `${name} has no failed stage now; nothing was retried.`,
        {
          pipeline: name,
        },
      );
    }
    const { pipelineExecutionId } = await deps.pipelines.retryStage({
      pipelineName: name,
      stageName: stage.name,
      pipelineExecutionId: stage.executionId,
    });
    return {
      message: `Retrying the failed actions of stage ${stage.name} of ${name} (run ${pipelineExecutionId}). The pipeline's channel hears when the run finishes; ask me for the status of ${name} any time.`,
      externalIds: { pipelineExecutionId, stage: stage.name },
    };
  },
};

export const pipelineApprovalCapability: Capability<PipelineStatusDeps> = {
  awsNeeds: pipelineExecutorNeeds('codepipeline:PutApprovalResult'),
  intent: pipelineApprovalIntent.id,
  slotChecks: {
    PipelineName: (value, { deps }) => withWaitingApproval(value, deps),
    async Decision(value) {
      const v = value.trim().toLowerCase();
      if (v === 'approve') return { ok: true, value: 'Approve' };
      if (v === 'reject') return { ok: true, value: 'Reject' };
      return { ok: false, message: 'Approve or reject it?', choices: asChoices(['Approve', 'Reject']) };
    },
  },
  plan: (p) => [
    `CodePipeline GetPipelineState on ${p.PipelineName}: read the waiting manual approval and its token`,
    `CodePipeline PutApprovalResult on ${p.PipelineName}: ${p.Decision === 'Reject' ? 'Rejected' : 'Approved'}, with the requester and request id as the summary`,
  ],
  async execute({ request }, deps) {
    const name = request.parameters.PipelineName ?? '';
    const status = request.parameters.Decision === 'Reject' ? 'Rejected' : 'Approved';
    const state = await deps.pipelines.getPipeline(name);
    const waiting = state && waitingApproval(state);
    if (!waiting?.action.token) {
      throw new PipelineActionError(
        'PIPELINE_APPROVAL_COMPLETED',
        `${name} is no longer waiting at a manual approval (it was decided or the run moved on); nothing was changed.`,
        { pipeline: name },
      );
    }
    const who = `${request.requester.name ?? request.requester.slackUserId} (${request.requester.slackUserId})`;
    await deps.pipelines.putApprovalResult({
      pipelineName: name,
      stageName: waiting.stage.name,
      actionName: waiting.action.name,
      token: waiting.action.token,
      status,
      summary: `${status} in ChatOps by ${who}, request ${request.id}`,
    });
    const next = status === 'Approved' ? 'The pipeline continues.' : 'The run stops at this stage.';
    return {
      message: `${status} the manual approval ${waiting.action.name} of ${name} (stage ${waiting.stage.name}). ${next}`,
      externalIds: { stage: waiting.stage.name, action: waiting.action.name },
    };
  },
};
