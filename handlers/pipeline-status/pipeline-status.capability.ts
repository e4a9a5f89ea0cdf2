/**
 * PipelineStatus: read-only, immediate. Resolves the name against the real list (forgiving; the
 * candidates as buttons when unsure), then answers from GetPipelineState and ListPipelineExecutions,
 * with open AWS Health issues of the region when the pipeline failed or is slow.
 */

import { pipelineApprovalIntent } from '../../intents/pipeline-approval.intent';
import { pipelineStatusIntent } from '../../intents/pipeline-status.intent';
import { approvalPolicy } from '../authz/roles';
import type { Capability } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { pipelineStatus, renderPipelineAnswer } from './pipeline-answer';
import { pipelineReadNeeds } from './pipeline-aws-actions';
import { checkPipelineName, pipelineApprovers } from './pipeline-slots';
import type { PipelineStatusDeps } from './pipeline-status.deps';
import type { ExecutionSummary } from './pipelines.port';

/** How many recent runs the answer lists. */
export const RECENT_RUNS = 5;
/** A run still going after this long is "slow" (worth a look at AWS Health). */
export const SLOW_RUN_MS = 60 * 60_000;

function isSlow(latest: ExecutionSummary | undefined, now: number): boolean {
  return (
    latest?.status === 'InProgress' && !!latest.startedAt && now - Date.parse(latest.startedAt) > SLOW_RUN_MS
  );
}

function approversLine(config: ChatOpsConfig): string[] {
  const ids = pipelineApprovers(config);
  const policy = approvalPolicy(pipelineApprovalIntent, config);
  const second = policy === 'always' ? ' (then a second approver confirms)' : '';
  return ids.length ? [`${ids.join(', ')}${second}`] : [];
}

/**
 * The whole answer for one pipeline, or `undefined` when it does not exist.
 * @example
 * const answer = await describePipeline('payments-api', deps, config); // { text, executionId }
 */
export async function describePipeline(
  name: string,
  deps: PipelineStatusDeps,
  config: ChatOpsConfig,
  now = Date.now(),
): Promise<{ text: string; executionId?: string } | undefined> {
  const [state, executions] = await Promise.all([
    deps.pipelines.getPipeline(name),
    deps.pipelines.listExecutions(name, RECENT_RUNS),
  ]);
  if (!state) return undefined;
  const troubled = pipelineStatus(state, executions[0]) === 'Failed' || isSlow(executions[0], now);
  const health = troubled ? await deps.health.openIssues(state.region) : [];
  const text = renderPipelineAnswer({ state, executions, health, approvers: approversLine(config), now });
  return executions[0] ? { text, executionId: executions[0].id } : { text };
}

export const pipelineStatusCapability: Capability<PipelineStatusDeps> = {
  awsNeeds: pipelineReadNeeds,
  intent: pipelineStatusIntent.id,
  slotChecks: {
    PipelineName: (value, { deps }) => checkPipelineName(value, deps),
  },
  async run({ parameters }, deps, config) {
    const name = parameters.PipelineName ?? '';
    const answer = await describePipeline(name, deps, config);
    if (!answer) return { message: `I can't find a pipeline named "${name}".` };
    const externalIds: Record<string, string> = answer.executionId ? { executionId: answer.executionId } : {};
    return { message: answer.text, externalIds };
  },
};
