/**
 * Port through which an `APPROVED` write request is handed to its executor (Account Factory, key
 * rotation: later issues). The executor owns the `APPROVED → QUEUED | IN_PROGRESS → …` transitions.
 */
import type { ChatOpsRequest } from '../ledger/request';

export interface Executions {
  start(request: ChatOpsRequest): Promise<void>;
}

/** Recording twin. */
export class RecordingExecutions implements Executions {
  readonly started: ChatOpsRequest[] = [];

  async start(request: ChatOpsRequest): Promise<void> {
    this.started.push(structuredClone(request));
  }
}
