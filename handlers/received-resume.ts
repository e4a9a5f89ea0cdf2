/**
 * How a request left in `RECEIVED` is resumed (the sweep's `resume`, ./ledger/received-sweeper.ts):
 * a write request moves to the state it would have been created in and gets its follow-up (the
 * approvers notified, or the execution started); anything else cannot be resumed.
 */
import type { CodeHookDeps } from './deps';
import { followUp, resumeWrite } from './fulfillment-hook';
import type { ChatOpsRequest } from './ledger/request';

/** The `resume` function of the sweep over the code hook's dependencies. */
export function receivedResumer(
  deps: CodeHookDeps,
): (request: ChatOpsRequest) => Promise<ChatOpsRequest | undefined> {
  return async (request) => {
    const spec = deps.catalog.get(request.intent);
    if (!spec?.tracked || spec.sideEffect === 'read') return undefined;
    const moved = await resumeWrite(request, spec, deps);
    await followUp(moved, deps);
    return moved;
  };
}
