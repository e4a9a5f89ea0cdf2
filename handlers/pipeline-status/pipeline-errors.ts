/**
 * CodePipeline's action exceptions as coded ChatOps errors with a clear, safe message (never a
 * token). Exception names from the API reference:
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PutApprovalResult.html#API_PutApprovalResult_Errors
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryStageExecution.html#API_RetryStageExecution_Errors
 */
import { ChatOpsError, type ErrorCode } from '../errors';

/**
 * A CodePipeline action was refused; `message` says why in plain words (built from the pipeline
 * name only), so it is also the `publicMessage` the executor's failure notice shows.
 */
export class PipelineActionError extends ChatOpsError {
  readonly publicMessage: string;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(code, message, details, cause === undefined ? undefined : { cause });
    this.publicMessage = message;
  }
}

const KNOWN: Record<string, { code: ErrorCode; message: (p: string) => string }> = {
  NotLatestPipelineExecutionException: {
    code: 'PIPELINE_NOT_LATEST_EXECUTION',
    message: (p) =>
      `A newer run of ${p} has started since, so the stage of the older run cannot be retried. Ask for the status of ${p} to see the current run.`,
  },
  StageNotRetryableException: {
    code: 'PIPELINE_STAGE_NOT_RETRYABLE',
    message: (p) =>
      `That stage of ${p} cannot be retried now: it is not in a failed state (it may be running or already retried).`,
  },
  ApprovalAlreadyCompletedException: {
    code: 'PIPELINE_APPROVAL_COMPLETED',
    message: (p) => `The manual approval of ${p} was already decided (by someone else or it expired).`,
  },
  InvalidApprovalTokenException: {
    code: 'PIPELINE_APPROVAL_TOKEN_INVALID',
    message: (p) =>
      `The manual approval of ${p} has changed since it was read (a new run is waiting): ask again to decide on the current one.`,
  },
  PipelineNotFoundException: {
    code: 'PIPELINE_NOT_FOUND',
    message: (p) => `There is no pipeline named ${p}.`,
  },
  StageNotFoundException: {
    code: 'PIPELINE_NOT_FOUND',
    message: (p) => `The stage no longer exists in ${p}.`,
  },
  ActionNotFoundException: {
    code: 'PIPELINE_NOT_FOUND',
    message: (p) => `The approval action no longer exists in ${p}.`,
  },
};

/**
 * The coded error for an SDK exception of a CodePipeline action on `pipeline`; anything unknown is
 * returned unchanged (the executor records it as `INTERNAL`).
 */
export function toPipelineError(error: unknown, pipeline: string): unknown {
  const name = error instanceof Error ? error.name : '';
  const known = KNOWN[name];
  if (!known) return error;
  return new PipelineActionError(known.code, known.message(pipeline), { pipeline, exception: name }, error);
}

/** The error for an exception name (the sandbox twin raises the same errors as the adapter). */
export function pipelineErrorFor(exception: keyof typeof KNOWN | string, pipeline: string): Error {
  const error = new Error(exception);
  error.name = exception;
  return toPipelineError(error, pipeline) as Error;
}
