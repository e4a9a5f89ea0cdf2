/**
 * Retry with exponential backoff for IAM's eventual consistency: a key just created may not be
 * visible to ListAccessKeys / DeleteAccessKey for a few seconds ("changes are eventually
 * consistent", https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
 * The sleep is injected so tests never wait.
 */

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  attempts: number;
  /** First delay; doubled after every failed attempt. */
  baseDelayMs: number;
  sleep: Sleep;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 250, sleep: realSleep };

/**
 * Calls `attempt` until it returns a value other than `undefined`, or it throws an error that
 * `retryable` accepts no more, sleeping 1×, 2×, 4×… `baseDelayMs` in between.
 * @returns the value, or `undefined` when every attempt came back empty
 */
export async function withBackoff<T>(
  attempt: () => Promise<T | undefined>,
  options: RetryOptions,
  retryable: (error: unknown) => boolean = () => false,
): Promise<T | undefined> {
  for (let i = 0; i < options.attempts; i += 1) {
    if (i > 0) await options.sleep(options.baseDelayMs * 2 ** (i - 1));
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      if (!retryable(error) || i === options.attempts - 1) throw error;
    }
  }
  return undefined;
}
