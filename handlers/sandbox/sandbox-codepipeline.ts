/**
 * The sandbox twin of CodePipeline: the pipeline ports over the sandbox pipelines, behaving like
 * the service — a retry runs the failed actions again and succeeds after `retryDelayMs` (a few
 * seconds by default, 0 in tests); deciding a manual approval checks the token and lets the run
 * go on (or stops it); refused calls raise the service's exceptions as the adapter maps them. Each
 * finished run is announced to `onEvent` as an EventBridge pipeline execution event.
 */
import { randomUUID } from 'node:crypto';
import { pipelineErrorFor } from '../pipeline-status/pipeline-errors';
import { type PipelineEvent, pipelineExecutionEvent } from '../pipeline-status/pipeline-events';
import type {
  ApprovalDecision,
  ExecutionSummary,
  PipelineActions,
  PipelineListing,
  PipelineReader,
  PipelineState,
  StageRetry,
} from '../pipeline-status/pipelines.port';
import { type SandboxPipeline, sandboxPipelines } from './sandbox-pipelines';

export interface SandboxCodePipelineOptions {
  pipelines?: Map<string, SandboxPipeline>;
  retryDelayMs?: number;
  now?: () => Date;
  onEvent?: (event: PipelineEvent) => void;
}

export class SandboxCodePipeline implements PipelineReader, PipelineActions {
  private readonly pipelines: Map<string, SandboxPipeline>;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: SandboxCodePipelineOptions = {}) {
    this.pipelines = options.pipelines ?? sandboxPipelines();
  }

  async listPipelines(): Promise<PipelineListing[]> {
    return [...this.pipelines].map(([name, p]) => ({ name, type: p.type }));
  }

  async getPipeline(name: string): Promise<PipelineState | undefined> {
    const found = this.pipelines.get(name);
    return found ? structuredClone(found.state) : undefined;
  }

  async listExecutions(name: string, max: number): Promise<ExecutionSummary[]> {
    return structuredClone(this.pipelines.get(name)?.executions.slice(0, max) ?? []);
  }

  async retryStage(r: StageRetry): Promise<{ pipelineExecutionId: string }> {
    const p = this.find(r.pipelineName);
    const stage = p.state.stages.find((s) => s.name === r.stageName);
    if (!stage) throw pipelineErrorFor('StageNotFoundException', r.pipelineName);
    if (p.executions[0]?.id !== r.pipelineExecutionId)
      throw pipelineErrorFor('NotLatestPipelineExecutionException', r.pipelineName);
    if (stage.status !== 'Failed') throw pipelineErrorFor('StageNotRetryableException', r.pipelineName);
    stage.status = 'InProgress';
    for (const a of stage.actions.filter((x) => x.status === 'Failed')) {
      a.status = 'InProgress';
      delete a.errorDetails;
    }
    this.setRun(p, 'InProgress');
    this.later(() => this.finishFrom(p, stage.name));
    return { pipelineExecutionId: r.pipelineExecutionId };
  }

  async putApprovalResult(d: ApprovalDecision): Promise<{ approvedAt?: string }> {
    const p = this.find(d.pipelineName);
    const stage = p.state.stages.find((s) => s.name === d.stageName);
    const action = stage?.actions.find((a) => a.name === d.actionName);
    if (!stage || !action) throw pipelineErrorFor('ActionNotFoundException', d.pipelineName);
    if (action.status !== 'InProgress' || !action.token)
      throw pipelineErrorFor('ApprovalAlreadyCompletedException', d.pipelineName);
    if (action.token !== d.token) throw pipelineErrorFor('InvalidApprovalTokenException', d.pipelineName);
    delete action.token;
    action.summary = d.summary;
    if (d.status === 'Rejected') {
      action.status = 'Failed';
      stage.status = 'Failed';
      this.setRun(p, 'Failed');
      this.emit(p, 'FAILED');
    } else {
      action.status = 'Succeeded';
      stage.status = 'Succeeded';
      this.later(() => this.finishFrom(p, stage.name));
    }
    return { approvedAt: this.now().toISOString() };
  }

  /** Resolves once every simulated run in flight has finished (tests wait on this, never on time). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private find(name: string): SandboxPipeline {
    const p = this.pipelines.get(name);
    if (!p) throw pipelineErrorFor('PipelineNotFoundException', name);
    return p;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Every stage from `from` on succeeds; the run succeeds. */
  private finishFrom(p: SandboxPipeline, from: string): void {
    const start = p.state.stages.findIndex((s) => s.name === from);
    for (const stage of p.state.stages.slice(start)) {
      stage.status = 'Succeeded';
      stage.executionId = p.executions[0]?.id ?? stage.executionId;
      for (const a of stage.actions) a.status = 'Succeeded';
    }
    this.setRun(p, 'Succeeded');
    this.emit(p, 'SUCCEEDED');
  }

  private setRun(p: SandboxPipeline, status: string): void {
    const latest = p.executions[0];
    if (!latest) return;
    latest.status = status;
    latest.updatedAt = this.now().toISOString();
  }

  private emit(p: SandboxPipeline, state: string): void {
    const executionId = p.executions[0]?.id ?? 'unknown';
    this.options.onEvent?.(
      pipelineExecutionEvent({
        id: randomUUID(),
        pipeline: p.state.name,
        executionId,
        state,
        region: p.state.region,
      }),
    );
  }

  private later(step: () => void): void {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        step();
        resolve();
      }, this.options.retryDelayMs ?? 3000);
      timer.unref?.();
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }
}
