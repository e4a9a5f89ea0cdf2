import { HomeRefresher } from '../../../../bot/conversation/home-refresher';
import type { Logger } from '../../../../handlers/logger';

/** A publish function whose calls stay pending until the test settles them. */
function controlledPublish() {
  const started: { userId: string; settle: (error?: Error) => void }[] = [];
  const publish = (userId: string) =>
    new Promise<void>((resolve, reject) => {
      started.push({ userId, settle: (error) => (error ? reject(error) : resolve()) });
    });
  return { started, publish };
}

/** A publish function that records the state it read when it ran. */
function recordingPublish(state: { version: number }) {
  const published: { userId: string; version: number }[] = [];
  const publish = async (userId: string) => {
    published.push({ userId, version: state.version });
  };
  return { published, publish };
}

const logger = (): Logger & { warn: jest.Mock } => ({
  debug: jest.fn(),
  info: jest.fn(),
  warn: jest.fn(),
  error: jest.fn(),
});

describe('HomeRefresher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('coalesces refreshes for one user into one trailing publish of the latest state', async () => {
    // Prepare
    const state = { version: 1 };
    const { published, publish } = recordingPublish(state);
    const homes = new HomeRefresher(publish, 2_000, logger());

    // Act
    await homes.refresh('UALICE0001');
    state.version = 2;
    await jest.advanceTimersByTimeAsync(1_500);
    await homes.refresh('UALICE0001');
    state.version = 3;
    const beforeDelay = published.length;
    await jest.advanceTimersByTimeAsync(500);

    // Assess
    expect(beforeDelay).toBe(0);
    expect(published).toEqual([{ userId: 'UALICE0001', version: 3 }]);
  });

  it('refreshes each user on their own timer', async () => {
    // Prepare
    const { published, publish } = recordingPublish({ version: 1 });
    const homes = new HomeRefresher(publish, 2_000, logger());

    // Act
    await homes.refresh('UALICE0001');
    await homes.refresh('UBOB00001');
    await homes.refresh('UALICE0001');
    await jest.advanceTimersByTimeAsync(2_000);

    // Assess
    expect(published.map((p) => p.userId).sort()).toEqual(['UALICE0001', 'UBOB00001']);
  });

  it('publishes at once on demand, replacing a waiting refresh', async () => {
    // Prepare
    const { published, publish } = recordingPublish({ version: 1 });
    const homes = new HomeRefresher(publish, 2_000, logger());
    await homes.refresh('UALICE0001');

    // Act
    await homes.now('UALICE0001');
    const atOnce = published.length;
    await jest.advanceTimersByTimeAsync(10_000);

    // Assess
    expect(atOnce).toBe(1);
    expect(published).toHaveLength(1);
  });

  it('never runs two publishes for one user at the same time', async () => {
    // Prepare
    const { started, publish } = controlledPublish();
    const homes = new HomeRefresher(publish, 2_000, logger());
    const first = homes.now('UALICE0001');
    await jest.advanceTimersByTimeAsync(0);

    // Act
    const second = homes.now('UALICE0001');
    await jest.advanceTimersByTimeAsync(0);
    const whileFirstInFlight = started.length;
    started[0]?.settle();
    await first;
    await jest.advanceTimersByTimeAsync(0);
    started[1]?.settle();
    await second;

    // Assess
    expect(whileFirstInFlight).toBe(1);
    expect(started.map((s) => s.userId)).toEqual(['UALICE0001', 'UALICE0001']);
  });

  it('flush publishes waiting refreshes now and waits for them', async () => {
    // Prepare
    const { started, publish } = controlledPublish();
    const homes = new HomeRefresher(publish, 2_000, logger());
    await homes.refresh('UALICE0001');
    await homes.refresh('UBOB00001');
    let flushed = false;

    // Act
    const flushing = homes.flush().then(() => {
      flushed = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    const flushedBeforePublishesEnded = flushed;
    for (const s of started) s.settle();
    await flushing;

    // Assess
    expect(started.map((s) => s.userId).sort()).toEqual(['UALICE0001', 'UBOB00001']);
    expect(flushedBeforePublishesEnded).toBe(false);
    expect(flushed).toBe(true);
  });

  it('logs a failed trailing publish instead of throwing, and tries again on the next refresh', async () => {
    // Prepare
    const log = logger();
    const { started, publish } = controlledPublish();
    const homes = new HomeRefresher(publish, 2_000, log);
    await homes.refresh('UALICE0001');
    await jest.advanceTimersByTimeAsync(2_000);

    // Act
    started[0]?.settle(new Error('views.publish failed (test)'));
    await jest.advanceTimersByTimeAsync(0);
    await homes.refresh('UALICE0001');
    await jest.advanceTimersByTimeAsync(2_000);

    // Assess
    expect(log.warn).toHaveBeenCalledWith('Could not refresh App Home after a request was filed', {
      userId: 'UALICE0001',
      error: expect.any(Error),
    });
    expect(started).toHaveLength(2);
  });

  it('with no delay, publishes at once and resolves when done', async () => {
    // Prepare
    const { published, publish } = recordingPublish({ version: 7 });
    const homes = new HomeRefresher(publish, 0, logger());

    // Act
    await homes.refresh('UALICE0001');

    // Assess
    expect(published).toEqual([{ userId: 'UALICE0001', version: 7 }]);
  });

  it('rejects an on-demand publish that fails', async () => {
    // Prepare
    const homes = new HomeRefresher(
      async () => {
        throw new Error('views.publish failed (test)');
      },
      2_000,
      logger(),
    );

    // Act
    const publishing = homes.now('UALICE0001');

    // Assess
    await expect(publishing).rejects.toThrow('views.publish failed (test)');
  });
});
