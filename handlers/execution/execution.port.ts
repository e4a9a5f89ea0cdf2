/**
 * Port through which an `APPROVED` write request is handed to its executor. The implementation,
 * `CapabilityExecutions` (./capability-executions.ts), dispatches by intent to the capability's
 * `execute` and owns the `APPROVED → IN_PROGRESS → SUCCEEDED | FAILED` transitions.
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
