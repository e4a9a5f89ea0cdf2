/**
 * Per-user turn rate limit: at most N turns in any 60-second window (a sliding-window log, exact and
 * small: at most N timestamps per active user). Over the limit a turn is deferred, not dropped
 * ("nothing lost"): the runner tells the user once and runs the turn when the window allows.
 * Hand-written because the rate-limit packages on npm are Express middleware or need Redis, and
 * this is twenty lines. The state is per process: in Lambda each worker instance limits on its own.
 */

export const RATE_WINDOW_MS = 60_000;
/** Turns per user per minute when the options do not say. */
export const DEFAULT_TURNS_PER_MINUTE = 20;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Sliding-window per-user limiter. */
export class TurnRateLimiter {
  private readonly log = new Map<string, number[]>();

  constructor(
    private readonly turnsPerMinute: number = DEFAULT_TURNS_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one turn for `userId` if the window allows; otherwise says when it will. */
  take(userId: string): RateDecision {
    const now = this.now();
    const recent = (this.log.get(userId) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    if (recent.length >= this.turnsPerMinute) {
      this.log.set(userId, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1, oldest + RATE_WINDOW_MS - now) };
    }
    recent.push(now);
    this.log.set(userId, recent);
    if (this.log.size > 10_000) this.sweep(now);
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [user, times] of this.log) {
      if (!times.some((t) => t > now - RATE_WINDOW_MS)) this.log.delete(user);
    }
  }
}
