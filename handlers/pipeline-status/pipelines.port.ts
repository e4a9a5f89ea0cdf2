/**
 * Ports on CodePipeline, in the core's words: the read side (list, state, execution history) and
 * the two actions a person may take from chat (decide a manual approval, retry a failed stage).
 * Adapters: `CodePipelineAdapter` (./codepipeline-adapter.ts, SDK v3) and the sandbox twin
 * (handlers/sandbox/sandbox-codepipeline.ts). Shapes follow GetPipelineState / ListPipelineExecutions.
 */

/** Stage and action statuses as CodePipeline reports them (plus `NotRun` for "no run yet"). */
export type StageStatus =
  | 'Succeeded'
  | 'Failed'
  | 'InProgress'
  | 'Stopped'
  | 'Stopping'
  | 'Cancelled'
  | 'Abandoned'
  | 'Superseded'
  | 'NotRun';

/** One action of a stage, from `actionStates[]` (action category from the pipeline declaration). */
export interface ActionView {
  name: string;
  status: StageStatus;
  /** `Approval` for a manual approval action (its `token` is set while it waits). */
  category?: string;
  summary?: string;
  /** `latestExecution.errorDetails` of a failed action. */
  errorDetails?: { code: string; message: string };
  /** `latestExecution.externalExecutionUrl` (e.g. the CodeBuild build). */
  externalUrl?: string;
  /** The approval token of a waiting manual approval: never shown, only passed to PutApprovalResult. */
  token?: string;
  /** For a waiting approval: the configured `CustomData` / approval summary shown to approvers. */
  approvalMessage?: string;
}

export interface StageView {
  name: string;
  status: StageStatus;
  /** `latestExecution.pipelineExecutionId` of the stage (what RetryStageExecution needs). */
  executionId?: string;
  actions: ActionView[];
}

/** A pipeline's current state (GetPipelineState). */
export interface PipelineState {
  name: string;
  region: string;
  consoleUrl: string;
  stages: StageView[];
}

/** One run (ListPipelineExecutions' `pipelineExecutionSummaries[]`). */
export interface ExecutionSummary {
  id: string;
  status: string;
  startedAt?: string;
  updatedAt?: string;
  /** `trigger.triggerType` and `trigger.triggerDetail`, e.g. `Webhook (git push by alice)`. */
  trigger?: string;
}

/** One entry of ListPipelines. */
export interface PipelineListing {
  name: string;
  /** `pipelineType` (V1 | V2) when reported. */
  type?: string;
  updatedAt?: string;
}

export interface PipelineReader {
  /** Every pipeline of the account and region (every page). */
  listPipelines(): Promise<PipelineListing[]>;
  /** The current state, or `undefined` when there is no such pipeline. */
  getPipeline(name: string): Promise<PipelineState | undefined>;
  /** The latest `max` executions, newest first (empty for an unknown pipeline). */
  listExecutions(name: string, max: number): Promise<ExecutionSummary[]>;
}

export interface ApprovalDecision {
  pipelineName: string;
  stageName: string;
  actionName: string;
  token: string;
  status: 'Approved' | 'Rejected';
  summary: string;
}

export interface StageRetry {
  pipelineName: string;
  stageName: string;
  pipelineExecutionId: string;
}

/** The write side; errors are the coded ones of ./pipeline-errors.ts. */
export interface PipelineActions {
  putApprovalResult(decision: ApprovalDecision): Promise<{ approvedAt?: string }>;
  retryStage(retry: StageRetry): Promise<{ pipelineExecutionId: string }>;
}
