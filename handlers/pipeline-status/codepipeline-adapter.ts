/**
 * The real CodePipeline adapter of the pipeline ports, on the SDK v3 client (created once at the
 * Lambda entry and injected). API shapes from the CodePipeline API reference:
 * - ListPipelines (paginated by `nextToken`): https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListPipelines.html
 * - GetPipelineState: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineState.html
 * - GetPipeline (only to read a waiting approval's `CustomData`): https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipeline.html
 * - ListPipelineExecutions: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListPipelineExecutions.html
 * - PutApprovalResult: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PutApprovalResult.html
 * - RetryStageExecution (`retryMode: FAILED_ACTIONS`): https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryStageExecution.html
 */
import {
  type ActionState,
  type CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  type GetPipelineStateCommandOutput,
  ListPipelineExecutionsCommand,
  type ListPipelineExecutionsCommandOutput,
  ListPipelinesCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  type StageState,
} from '@aws-sdk/client-codepipeline';
import { toPipelineError } from './pipeline-errors';
import type {
  ActionView,
  ApprovalDecision,
  ExecutionSummary,
  PipelineActions,
  PipelineListing,
  PipelineReader,
  PipelineState,
  StageRetry,
  StageStatus,
  StageView,
} from './pipelines.port';

/** The console page of a pipeline. */
export function consoleUrl(name: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/view?region=${region}`;
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

function toAction(a: ActionState): ActionView {
  const e = a.latestExecution;
  return {
    name: a.actionName ?? '?',
    status: (e?.status as StageStatus | undefined) ?? 'NotRun',
    // Only manual approval actions carry a token in GetPipelineState.
    ...(e?.token ? { category: 'Approval', token: e.token } : {}),
    ...(e?.summary ? { summary: e.summary } : {}),
    ...(e?.errorDetails
      ? { errorDetails: { code: e.errorDetails.code ?? '', message: e.errorDetails.message ?? '' } }
      : {}),
    ...(e?.externalExecutionUrl ? { externalUrl: e.externalExecutionUrl } : {}),
  };
}

function toStage(s: StageState): StageView {
  const latest = s.latestExecution;
  return {
    name: s.stageName ?? '?',
    status: (latest?.status as StageStatus | undefined) ?? 'NotRun',
    ...(latest?.pipelineExecutionId ? { executionId: latest.pipelineExecutionId } : {}),
    actions: (s.actionStates ?? []).map(toAction),
  };
}

/** CodePipeline through SDK v3; `region` is the client's region (for console links). */
export class CodePipelineAdapter implements PipelineReader, PipelineActions {
  constructor(
    private readonly client: CodePipelineClient,
    private readonly region: string,
  ) {}

  async listPipelines(): Promise<PipelineListing[]> {
    const out: PipelineListing[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.client.send(new ListPipelinesCommand({ nextToken, maxResults: 1000 }));
      for (const p of page.pipelines ?? []) {
        if (!p.name) continue;
        out.push({
          name: p.name,
          ...(p.pipelineType ? { type: p.pipelineType } : {}),
          ...(p.updated ? { updatedAt: iso(p.updated) } : {}),
        });
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return out;
  }

  async getPipeline(name: string): Promise<PipelineState | undefined> {
    let state: GetPipelineStateCommandOutput;
    try {
      state = await this.client.send(new GetPipelineStateCommand({ name }));
    } catch (error) {
      if ((error as Error).name === 'PipelineNotFoundException') return undefined;
      throw error;
    }
    const stages = (state.stageStates ?? []).map(toStage);
    if (stages.some((s) => s.actions.some((a) => a.token))) await this.addApprovalMessages(name, stages);
    return { name, region: this.region, consoleUrl: consoleUrl(name, this.region), stages };
  }

  /** Reads each waiting approval's `CustomData` from the pipeline declaration. */
  private async addApprovalMessages(name: string, stages: StageView[]): Promise<void> {
    const { pipeline } = await this.client.send(new GetPipelineCommand({ name }));
    for (const stage of stages) {
      const declared = pipeline?.stages?.find((d) => d.name === stage.name);
      for (const action of stage.actions) {
        const custom = declared?.actions?.find((d) => d.name === action.name)?.configuration?.CustomData;
        if (action.token && custom) action.approvalMessage = custom;
      }
    }
  }

  async listExecutions(name: string, max: number): Promise<ExecutionSummary[]> {
    let page: ListPipelineExecutionsCommandOutput;
    try {
      page = await this.client.send(
        new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: max }),
      );
    } catch (error) {
      if ((error as Error).name === 'PipelineNotFoundException') return [];
      throw error;
    }
    return (page.pipelineExecutionSummaries ?? []).slice(0, max).map((e) => {
      const trigger = e.trigger?.triggerType
        ? `${e.trigger.triggerType}${e.trigger.triggerDetail ? ` (${e.trigger.triggerDetail})` : ''}`
        : undefined;
      return {
        id: e.pipelineExecutionId ?? '?',
        status: e.status ?? 'Unknown',
        ...(e.startTime ? { startedAt: iso(e.startTime) } : {}),
        ...(e.lastUpdateTime ? { updatedAt: iso(e.lastUpdateTime) } : {}),
        ...(trigger ? { trigger } : {}),
      };
    });
  }

  async putApprovalResult(d: ApprovalDecision): Promise<{ approvedAt?: string }> {
    try {
      const out = await this.client.send(
        new PutApprovalResultCommand({
          pipelineName: d.pipelineName,
          stageName: d.stageName,
          actionName: d.actionName,
          token: d.token,
          result: { status: d.status, summary: d.summary.slice(0, 512) },
        }),
      );
      return out.approvedAt ? { approvedAt: out.approvedAt.toISOString() } : {};
    } catch (error) {
      throw toPipelineError(error, d.pipelineName);
    }
  }

  async retryStage(r: StageRetry): Promise<{ pipelineExecutionId: string }> {
    try {
      const out = await this.client.send(
        new RetryStageExecutionCommand({
          pipelineName: r.pipelineName,
          stageName: r.stageName,
          pipelineExecutionId: r.pipelineExecutionId,
          retryMode: 'FAILED_ACTIONS',
        }),
      );
      return { pipelineExecutionId: out.pipelineExecutionId ?? r.pipelineExecutionId };
    } catch (error) {
      throw toPipelineError(error, r.pipelineName);
    }
  }
}
