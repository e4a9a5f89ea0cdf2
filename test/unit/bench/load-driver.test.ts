import type { RecordedCall } from '../../../local/slack-emulator/call-recorder';
import type { SlackSender } from '../../../local/slack-emulator/sender';
import { dmChannelFor } from '../../../local/slack-emulator/workspace';
import { runSimulatedUsers } from '../../bench/load-driver';

/** A sender whose every message is answered by one chat.postMessage in the user's DM after `replyMs`. */
function fakeSlack(replyMs: number) {
  const listeners = new Set<(call: RecordedCall) => void>();
  const sentAt: number[] = [];
  const emulator = {
    onCall: (listener: (call: RecordedCall) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const sender = {
    sendMessage: async ({ user }: { user: string }) => {
      sentAt.push(Date.now());
      setTimeout(() => {
        const call: RecordedCall = {
          method: 'chat.postMessage',
          args: {},
          at: Date.now(),
          result: { ok: true, channel: dmChannelFor(user) },
          injected: false,
        };
        for (const listener of [...listeners]) listener(call);
      }, replyMs);
      return { status: 200, body: '', headers: {} };
    },
  } as unknown as SlackSender;
  return { emulator, sender, sentAt };
}

describe('runSimulatedUsers with pacing', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_700_000_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('sends one turn per user per interval, staggered, and counts every reply', async () => {
    // Prepare
    const { emulator, sender, sentAt } = fakeSlack(50);
    const userIds = ['UBENCH0001', 'UBENCH0002', 'UBENCH0003', 'UBENCH0004'];

    // Act
    const running = runSimulatedUsers({
      sender,
      emulator,
      userIds,
      text: 'hello',
      durationMs: 3_000,
      drainMs: 100,
      pacing: { intervalMs: 1_000 },
    });
    await jest.advanceTimersByTimeAsync(5_000);
    const result = await running;

    // Assess
    expect(result.turns).toBe(12);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.behindSchedule).toBe(0);
    const offsets = sentAt.slice(0, 4).map((t) => t - 1_700_000_000_000);
    expect(offsets).toEqual([0, 250, 500, 750]);
  });

  it('counts the slots a user missed while still waiting for a slow reply', async () => {
    // Prepare
    const { emulator, sender } = fakeSlack(1_500);

    // Act
    const running = runSimulatedUsers({
      sender,
      emulator,
      userIds: ['UBENCH0001'],
      text: 'hello',
      durationMs: 3_000,
      drainMs: 100,
      pacing: { intervalMs: 1_000 },
    });
    await jest.advanceTimersByTimeAsync(8_000);
    const result = await running;

    // Assess
    expect(result.turns).toBe(2);
    expect(result.behindSchedule).toBe(2);
    expect(result.lost).toBe(0);
  });
});
