/** Read-only port on CodePipeline. */
export type StageStatus = 'Succeeded' | 'Failed' | 'InProgress' | 'Stopped' | 'Cancelled' | 'NotRun';

export interface StageView {
  name: string;
  status: StageStatus;
  /** The action that failed or is waiting, when there is one. */
  action?: { name: string; status: string; message?: string };
}

export interface PipelineView {
  name: string;
  status: StageStatus;
  executionId?: string;
  startedAt?: string;
  consoleUrl: string;
  stages: StageView[];
}

export interface PipelineReader {
  pipelineExists(name: string): Promise<boolean>;
  /** The pipeline's latest state, or `undefined` when there is no such pipeline. */
  getPipeline(name: string): Promise<PipelineView | undefined>;
}
