/**
 * Simulated Slack users for the benchmark: each user sends a DM, waits for the app's reply
 * (the first `chat.postMessage` in that DM after the send, seen at the emulator) and sends again,
 * until the time is up — at once (closed loop: the capacity), or at its next slot of a fixed
 * schedule (`pacing`: each user sends once per interval, offered load independent of the app's
 * speed; a user still waiting for a reply when its slot comes sends as soon as the reply arrives and
 * the miss is counted in `behindSchedule`, so a slow app cannot hide its latency by slowing the load).
 * Measures the ack (HTTP response to the signed event) and the turn (signed event in →
 * chat.postMessage out) of every message, and counts lost and duplicated replies.
 * Bounded: a fixed number of users, a deadline, and a per-reply timeout.
 */
import type { RecordedCall } from '../../local/slack-emulator/call-recorder';
import type { SlackSender } from '../../local/slack-emulator/sender';
import type { SlackWebApiEmulator } from '../../local/slack-emulator/web-api';
import { dmChannelFor } from '../../local/slack-emulator/workspace';

export interface LoadOptions {
  sender: SlackSender;
  emulator: Pick<SlackWebApiEmulator, 'onCall'>;
  userIds: readonly string[];
  durationMs: number;
  /** What each user says (the same text every time, so every turn costs the same). */
  text: string;
  /** Replies expected per turn (measured with {@link countRepliesPerTurn}); default 1. */
  repliesPerTurn?: number;
  /** A reply not seen within this is counted lost (default 10 s). */
  replyTimeoutMs?: number;
  /** Quiet time after the deadline to catch late or duplicated replies (default 1 s). */
  drainMs?: number;
  /** Open loop: each user sends once per `intervalMs` (users staggered evenly over the interval). */
  pacing?: { intervalMs: number };
}

export interface LoadResult {
  turns: number;
  elapsedMs: number;
  ackMs: number[];
  turnMs: number[];
  lost: number;
  duplicated: number;
  httpErrors: number;
  /** Paced sends that missed their slot because the user's previous reply had not arrived yet. */
  behindSchedule: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The value at quantile `q` (0..1) of `values`, nearest-rank; 0 for none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

interface Pending {
  remaining: number;
  first: () => void;
  all: () => void;
}

/** Watches `chat.postMessage` per DM channel: counts them and resolves per-channel waiters. */
class ReplyWatch {
  readonly counts = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  readonly stop: () => void;

  constructor(emulator: Pick<SlackWebApiEmulator, 'onCall'>) {
    this.stop = emulator.onCall((call: RecordedCall) => {
      if (call.method !== 'chat.postMessage' || !call.result.ok) return;
      const channel = String(call.result.channel);
      this.counts.set(channel, (this.counts.get(channel) ?? 0) + 1);
      const pending = this.pending.get(channel);
      if (!pending) return;
      pending.first();
      pending.remaining -= 1;
      if (pending.remaining <= 0) {
        this.pending.delete(channel);
        pending.all();
      }
    });
  }

  /**
   * Expects `count` replies in `channel`: `first` resolves true on the first, `all` on the last;
   * both resolve false when `timeoutMs` passes first.
   */
  expect(
    channel: string,
    count: number,
    timeoutMs: number,
  ): { first: Promise<boolean>; all: Promise<boolean> } {
    let first: (ok: boolean) => void = () => {};
    let all: (ok: boolean) => void = () => {};
    const firstPromise = new Promise<boolean>((resolve) => {
      first = resolve;
    });
    const allPromise = new Promise<boolean>((resolve) => {
      all = resolve;
    });
    const timer = setTimeout(() => {
      this.pending.delete(channel);
      first(false);
      all(false);
    }, timeoutMs);
    this.pending.set(channel, {
      remaining: count,
      first: () => first(true),
      all: () => {
        clearTimeout(timer);
        all(true);
      },
    });
    return { first: firstPromise, all: allPromise };
  }
}

/** Sends one message as `userId` and waits for its replies to settle; returns how many came. */
export async function countRepliesPerTurn(
  options: Omit<LoadOptions, 'durationMs'>,
  userId: string,
  settleMs = 1500,
): Promise<number> {
  const watch = new ReplyWatch(options.emulator);
  try {
    await options.sender.sendMessage({ user: userId, text: options.text });
    await sleep(settleMs);
    return watch.counts.get(dmChannelFor(userId)) ?? 0;
  } finally {
    watch.stop();
  }
}

/** Runs the simulated users until `durationMs` has passed. */
export async function runSimulatedUsers(options: LoadOptions): Promise<LoadResult> {
  const watch = new ReplyWatch(options.emulator);
  const result: LoadResult = {
    turns: 0,
    elapsedMs: 0,
    ackMs: [],
    turnMs: [],
    lost: 0,
    duplicated: 0,
    httpErrors: 0,
    behindSchedule: 0,
  };
  const perUserTurns = new Map<string, number>();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const timeout = options.replyTimeoutMs ?? 10_000;
  const interval = options.pacing?.intervalMs;
  const user = async (userId: string, index: number) => {
    const channel = dmChannelFor(userId);
    let slot = started + (interval ? (index / options.userIds.length) * interval : 0);
    while (slot < deadline && performance.now() < deadline) {
      if (interval) await sleep(slot - performance.now());
      const reply = watch.expect(channel, options.repliesPerTurn ?? 1, timeout);
      const t0 = performance.now();
      // A transport error is an HTTP error whose turn then times out as lost (the bench goes on).
      const sent = await options.sender
        .sendMessage({ user: userId, text: options.text })
        .catch(() => undefined);
      if (sent) result.ackMs.push(performance.now() - t0);
      if (sent?.status !== 200) result.httpErrors += 1;
      const arrived = await reply.first;
      perUserTurns.set(userId, (perUserTurns.get(userId) ?? 0) + 1);
      if (!arrived) result.lost += 1;
      else {
        result.turnMs.push(performance.now() - t0);
        result.turns += 1;
        await reply.all;
      }
      if (!interval) continue;
      slot += interval;
      if (performance.now() > slot && slot < deadline) result.behindSchedule += 1;
    }
  };
  try {
    await Promise.all(options.userIds.map((id, i) => user(id, i)));
    result.elapsedMs = performance.now() - started;
    await sleep(options.drainMs ?? 1000);
    for (const [userId, turns] of perUserTurns) {
      const seen = watch.counts.get(dmChannelFor(userId)) ?? 0;
      result.duplicated += Math.max(0, seen - turns * (options.repliesPerTurn ?? 1));
    }
    return result;
  } finally {
    watch.stop();
  }
}
