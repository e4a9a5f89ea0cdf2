import type { Logger } from '../../../handlers/logger';
import { runPeriodically } from '../../../local/periodic';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const none = () => {};
  return {
    warnings,
    debug: none,
    info: none,
    error: none,
    warn: (message: string) => warnings.push(message),
  } as never;
}

describe('runPeriodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never runs the task twice at once: a tick during a slow run is skipped', async () => {
    // Prepare
    let release: () => void = () => {};
    let runs = 0;
    const task = () => {
      runs += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    const stop = runPeriodically(task, 1000, 'The test sweep', recordingLogger());
    // Act
    await jest.advanceTimersByTimeAsync(3500);
    const whileSlow = runs;
    release();
    await jest.advanceTimersByTimeAsync(1000);
    stop();
    // Assess
    expect(whileSlow).toBe(1);
    expect(runs).toBe(2);
  });

  it('logs a failed run by name and tries again on the next tick; stop ends it', async () => {
    // Prepare
    const logger = recordingLogger();
    let runs = 0;
    const stop = runPeriodically(
      async () => {
        runs += 1;
        throw new Error('boom');
      },
      1000,
      'The test sweep',
      logger,
    );
    // Act
    await jest.advanceTimersByTimeAsync(2000);
    stop();
    await jest.advanceTimersByTimeAsync(5000);
    // Assess
    expect(runs).toBe(2);
    expect(logger.warnings).toEqual(['The test sweep failed', 'The test sweep failed']);
  });
});
