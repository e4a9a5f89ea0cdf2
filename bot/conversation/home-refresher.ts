/**
 * App Home publishing per user, debounced: a refresh after a filed request waits `delayMs`
 * (trailing) and every refresh asked for in the meantime rides along, because each publish reads
 * the ledger when it runs — the latest state wins. Publishes for one user never overlap (each waits
 * for the one in flight), so an older listing can never land after a newer one. An explicit
 * publish (`app_home_opened`) runs at once and replaces a waiting refresh. `flush()` runs what is
 * waiting now and resolves when nothing is left (graceful stop, tests). With `delayMs` 0 a refresh
 * publishes at once and resolves when done (the worker Lambda, which may freeze after returning).
 *
 * Hand-written because a generic debounce (lodash-style) neither serialises per key nor flushes
 * and awaits what is in flight.
 */
import type { Logger } from '../../handlers/logger';

interface UserState {
  timer?: NodeJS.Timeout;
  /** The last publish queued for this user (each one chains after the previous). */
  running?: Promise<void>;
}

/** Debounced, per-user serialised App Home publishing. */
export class HomeRefresher {
  private readonly users = new Map<string, UserState>();

  constructor(
    private readonly publish: (userId: string) => Promise<void>,
    private readonly delayMs: number,
    private readonly logger: Logger,
  ) {}

  /** Publishes now (after any publish in flight for the user). Rejects when the publish fails. */
  now(userId: string): Promise<void> {
    const state = this.state(userId);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    const current = (state.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.publish(userId));
    state.running = current;
    const forget = () => {
      if (state.running === current) state.running = undefined;
      this.prune(userId, state);
    };
    current.then(forget, forget);
    return current;
  }

  /** Asks for a refresh: trailing after `delayMs`, or at once when it is 0. Never rejects. */
  async refresh(userId: string): Promise<void> {
    if (this.delayMs <= 0) return this.now(userId).catch((error: unknown) => this.warn(userId, error));
    const state = this.state(userId);
    if (state.timer) return;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.now(userId).catch((error: unknown) => this.warn(userId, error));
    }, this.delayMs);
    state.timer.unref();
  }

  /** Runs every waiting refresh now; resolves when no publish is waiting or in flight. */
  async flush(): Promise<void> {
    while (this.users.size > 0) {
      const inFlight: Promise<void>[] = [];
      for (const [userId, state] of [...this.users]) {
        if (!state.timer && !state.running) this.users.delete(userId);
        if (state.timer) this.now(userId).catch((error: unknown) => this.warn(userId, error));
        if (state.running) inFlight.push(state.running);
      }
      await Promise.allSettled(inFlight);
    }
  }

  private state(userId: string): UserState {
    const state = this.users.get(userId) ?? {};
    this.users.set(userId, state);
    return state;
  }

  private prune(userId: string, state: UserState): void {
    if (!state.timer && !state.running && this.users.get(userId) === state) this.users.delete(userId);
  }

  private warn(userId: string, error: unknown): void {
    this.logger.warn('Could not refresh App Home after a request was filed', { userId, error });
  }
}
