/**
 * The local stand-in for a scheduled Lambda (EventBridge `rate(...)`): runs `task` every
 * `intervalMs`, never two runs at once (a slow run makes the next tick skip, as a long sweep would
 * not overlap with itself in a reserved-concurrency-1 function), unref'd so it never keeps the
 * process up. A failed run is logged with `what` and the next tick tries again.
 */
import type { Logger } from '../handlers/logger';

/** Starts the timer; returns its stop function. */
export function runPeriodically(
  task: () => Promise<unknown>,
  intervalMs: number,
  what: string,
  logger: Logger,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => logger.warn(`${what} failed`, { error }))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
