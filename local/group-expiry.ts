/**
 * The worked example's group-membership expiry in the local stack (only when `examples.enabled`):
 * the sweep of handlers/group-access/expiry-sweep.ts on a timer (unref'd; the deployed sweep is
 * scheduled by EventBridge every 15 minutes) over the sandbox identity store the executor wrote
 * to. Tests and the terminal chat call `sweep` to see a sweep at once, `at` a later time.
 */
import { type GroupExpiryStep, sweepGroupExpiries } from '../handlers/group-access/expiry-sweep';
import type { GroupAccess } from '../handlers/group-access/group-access.port';
import type { Ledger } from '../handlers/ledger/ledger.port';
import type { Logger } from '../handlers/logger';
import type { ChatNotifier } from '../handlers/notify/chat-notifier.port';
import { runPeriodically } from './periodic';

/** How often the local stack sweeps expired group memberships. */
export const LOCAL_GROUP_EXPIRY_INTERVAL_MS = 60_000;

export interface LocalGroupExpiry {
  /** One sweep now, as if the clock read `at` (default: the stack's clock). */
  sweep(options?: { at?: Date }): Promise<GroupExpiryStep[]>;
  /** The sandbox identity store (tests read its memberships). */
  groupAccess: GroupAccess;
}

/** Starts the timer; `stop` clears it. */
export function startLocalGroupExpiry(
  deps: { ledger: Ledger; groupAccess: GroupAccess; clock: () => Date },
  notifier: ChatNotifier,
  logger: Logger,
  intervalMs = LOCAL_GROUP_EXPIRY_INTERVAL_MS,
): LocalGroupExpiry & { stop(): void } {
  const sweep = (options: { at?: Date } = {}) => {
    const { at } = options;
    return sweepGroupExpiries({
      ledger: deps.ledger,
      groupAccess: deps.groupAccess,
      notifier,
      clock: at ? () => at : deps.clock,
      logger,
    });
  };
  const stop = runPeriodically(() => sweep(), intervalMs, 'The group expiry sweep', logger);
  return { sweep, groupAccess: deps.groupAccess, stop };
}
