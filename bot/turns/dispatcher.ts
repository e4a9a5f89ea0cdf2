/**
 * Ack-then-work (DESIGN §2 step 1). Listeners acknowledge Slack, then hand the turn to a
 * dispatcher, which claims the turn id once (Slack retries carrying `X-Slack-Retry-Num` and double
 * clicks have the same id and stop here) and either runs it in-process ({@link InProcessDispatcher}:
 * HTTP and Socket Mode) or queues it for the worker Lambda ({@link QueueDispatcher}).
 * A de-dup store that cannot answer fails open: a rare duplicate reply beats a lost turn (Lex
 * fulfilment is idempotent on the turn id anyway). A turn that fails before any effect (runners
 * throw only then: see ConversationService.handle) or cannot be queued gives its claim back, so the
 * "please try again" the user is told is true; a turn that ran keeps it.
 */
import type { Deduplicator } from '../../handlers/ledger/dedup.port';
import type { Logger } from '../../handlers/logger';
import type { Turn } from './turn';
import type { TurnRunner } from './turn-runner';

export type DispatchResult = 'accepted' | 'duplicate';

export interface TurnDispatcher {
  dispatch(turn: Turn): Promise<DispatchResult>;
}

/** Claims `turn.id`; true when this delivery is the first. */
export async function claimOnce(dedup: Deduplicator, turn: Turn, logger: Logger): Promise<boolean> {
  try {
    const first = await dedup.claim(turn.id);
    if (!first) logger.info('Duplicate delivery dropped', { turnId: turn.id, kind: turn.kind });
    return first;
  } catch (error) {
    logger.warn('De-dup store unavailable; handling the turn anyway', { turnId: turn.id, error });
    return true;
  }
}

/** Gives up the claim on `turn.id` (the turn failed before any effect); never throws. */
export async function releaseClaim(dedup: Deduplicator, turn: Turn, logger: Logger): Promise<void> {
  try {
    await dedup.release(turn.id);
  } catch (error) {
    logger.warn('Could not release the de-dup claim; a retry within the hour will be dropped', {
      turnId: turn.id,
      error,
    });
  }
}

/** Resolves with `work`'s outcome, or after `ms` with `'timeout'` (the work goes on, unawaited). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs turns in this process after the ack; deferred turns run again when the rate limit allows. */
export class InProcessDispatcher implements TurnDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly dedup: Deduplicator,
    private readonly runner: TurnRunner,
    private readonly logger: Logger,
    private readonly onFailure: (turn: Turn, error: unknown) => Promise<void> = async () => {},
  ) {}

  dispatch(turn: Turn): Promise<DispatchResult> {
    const claimed = claimOnce(this.dedup, turn, this.logger).then((first): DispatchResult => {
      if (!first) return 'duplicate';
      this.track(turn);
      return 'accepted';
    });
    const held = claimed.then(() => undefined).finally(() => this.inFlight.delete(held));
    this.inFlight.add(held);
    return claimed;
  }

  /** Resolves when every turn dispatched so far (not the deferred ones still waiting) has finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Forgets deferred turns (process shutdown). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private track(turn: Turn): void {
    const work = this.runOnce(turn).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async runOnce(turn: Turn): Promise<void> {
    try {
      const result = await this.runner.run(turn);
      if (result.status === 'deferred') {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.track(turn);
        }, result.retryAfterMs);
        this.timers.add(timer);
      }
    } catch (error) {
      this.logger.error('Turn failed', { turnId: turn.id, kind: turn.kind, error });
      await releaseClaim(this.dedup, turn, this.logger);
      await this.onFailure(turn, error).catch(() => undefined);
    }
  }
}

/** Where queued turns go (SQS in Lambda; see ./sqs-turn-queue.ts). */
export interface TurnQueue {
  send(turn: Turn): Promise<void>;
}

/**
 * Time budgets of the Lambda ingress, which must answer Slack within 3 s whatever happens
 * downstream (https://api.slack.com/apis/connections/events-api#responding): queueing, then, when
 * that failed, the failure notice, each bounded; whatever is still pending is given up.
 */
export interface QueueBudgets {
  sendMs: number;
  reportMs: number;
}

export const DEFAULT_QUEUE_BUDGETS: QueueBudgets = { sendMs: 1_200, reportMs: 800 };

/** Claims, then queues the turn for the worker; tells the user (bounded) when it could not be queued. */
export class QueueDispatcher implements TurnDispatcher {
  constructor(
    private readonly dedup: Deduplicator,
    private readonly queue: TurnQueue,
    private readonly logger: Logger,
    private readonly onFailure: (turn: Turn, error: unknown) => Promise<void> = async () => {},
    private readonly budgets: QueueBudgets = DEFAULT_QUEUE_BUDGETS,
  ) {}

  async dispatch(turn: Turn): Promise<DispatchResult> {
    if (!(await claimOnce(this.dedup, turn, this.logger))) return 'duplicate';
    let failure: unknown;
    try {
      const sent = await within(this.queue.send(turn), this.budgets.sendMs);
      if (sent === 'timeout') failure = new Error(`SQS did not answer within ${this.budgets.sendMs} ms`);
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return 'accepted';
    this.logger.error('Could not queue the turn', { turnId: turn.id, kind: turn.kind, error: failure });
    // Nothing ran: give the claim back so Slack's retry or the user's second try is handled.
    await within(releaseClaim(this.dedup, turn, this.logger), this.budgets.reportMs);
    const told = await within(
      this.onFailure(turn, failure).catch(() => undefined),
      this.budgets.reportMs,
    );
    if (told === 'timeout') this.logger.warn('Gave up telling the user the turn failed', { turnId: turn.id });
    return 'accepted';
  }
}
