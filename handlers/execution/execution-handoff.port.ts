/**
 * The execution hand-off port: how an `APPROVED` request reaches `Executions` without running
 * inside the approver's HTTP request or button click. Lambda: an SQS queue
 * (./sqs-execution-queue.ts) drained by handlers/execution/execution-worker.lambda.ts; local: the
 * next tick of the same process ({@link InProcessHandOff}).
 */
import type { ChatOpsRequest } from '../ledger/request';
import type { Logger } from '../logger';
import type { Executions } from './execution.port';

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

/**
 * {@link Executions} that only hand the request off (the code hook in Lambda: a `never`-policy
 * request goes to the execution queue, and the execution worker runs it, as for an approved one).
 * Throws when the hand-off fails (the request stays `APPROVED`, so a replayed turn hands it off again).
 */
export class HandOffExecutions implements Executions {
  constructor(private readonly handOff: ExecutionHandOff) {}

  async start(request: ChatOpsRequest): Promise<void> {
    await this.handOff.handOff(request);
  }
}

/** Recording twin (unit tests). */
export class RecordingHandOff implements ExecutionHandOff {
  readonly handedOff: string[] = [];

  async handOff(request: ChatOpsRequest): Promise<void> {
    this.handedOff.push(request.id);
  }
}
