/**
 * Slack message timestamps (`ts`): `"<epoch seconds>.<6 digits>"`, unique per channel and increasing.
 * The emulator and the sender share one clock per process so every `ts` they mint is unique and
 * strictly increasing, even when thousands are minted in the same second.
 */

/** Mints strictly increasing Slack `ts` strings. */
export class SlackTsClock {
  private lastSeconds = 0;
  private lastMicros = -1;

  constructor(private readonly now: () => number = Date.now) {}

  /** The next `ts`, e.g. `1700000000.000001`. */
  next(): string {
    const nowSeconds = Math.floor(this.now() / 1000);
    if (nowSeconds > this.lastSeconds) {
      this.lastSeconds = nowSeconds;
      this.lastMicros = 0;
    } else if (this.lastMicros >= 999_999) {
      this.lastSeconds += 1;
      this.lastMicros = 0;
    } else {
      this.lastMicros += 1;
    }
    return `${this.lastSeconds}.${String(this.lastMicros).padStart(6, '0')}`;
  }
}

/** The process-wide clock shared by the emulator and the sender. */
export const sharedTsClock = new SlackTsClock();

/** Compares two Slack `ts` strings numerically (negative when `a` is earlier). */
export function compareTs(a: string, b: string): number {
  const [as = '0', am = '0'] = a.split('.');
  const [bs = '0', bm = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(am) - Number(bm);
}
