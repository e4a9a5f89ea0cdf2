/**
 * The execution hand-off port: how an `APPROVED` request reaches `Executions` without running
 * inside the approver's HTTP request or button click. Lambda: an SQS queue
 * (./sqs-execution-queue.ts) drained by handlers/execution/execution-worker.lambda.ts; local: the
 * next tick of the same process ({@link InProcessHandOff}).
 */
import type { ChatOpsRequest } from '../ledger/request';
import type { Logger } from '../logger';

export interface ExecutionHandOff {
  /** Queues the approved request for execution; resolves once it is safely queued. */
  handOff(request: ChatOpsRequest): Promise<void>;
}

/** Runs `run(requestId)` on a later tick of this process; `idle()` resolves when all have finished. */
export class InProcessHandOff implements ExecutionHandOff {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly run: (requestId: string) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  async handOff(request: ChatOpsRequest): Promise<void> {
    const job = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(request.id))
      .catch((error: unknown) =>
        this.logger.error('execution failed to start', { requestId: request.id, error }),
      )
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

/** Recording twin (unit tests). */
export class RecordingHandOff implements ExecutionHandOff {
  readonly handedOff: string[] = [];

  async handOff(request: ChatOpsRequest): Promise<void> {
    this.handedOff.push(request.id);
  }
}
