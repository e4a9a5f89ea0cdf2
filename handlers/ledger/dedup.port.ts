/**
 * De-duplication port (DESIGN §2, step 1): Slack retries (`X-Slack-Retry-Num`) and double clicks
 * are dropped by claiming the event / action id once. Adapters: `DynamoLedger` (conditional put of
 * a `DEDUP#<id>` marker with a one-hour TTL) and `MemoryDeduplicator` (in-process twin).
 */

/** How long a claim blocks the same id, in seconds (DESIGN §3: de-dup markers live one hour). */
export const DEDUP_TTL_SECONDS = 3600;

export interface Deduplicator {
  /** True the first time `id` is claimed (within the TTL), false for every repeat. */
  claim(id: string): Promise<boolean>;
  /**
   * Gives up a claim, so the same id can be handled again: called when a turn failed before any
   * effect (the user was told to try again, and a retry must not be dropped as a duplicate).
   */
  release(id: string): Promise<void>;
}
