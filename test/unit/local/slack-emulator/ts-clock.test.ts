import { compareTs, SlackTsClock } from '../../../../local/slack-emulator/ts-clock';

describe('SlackTsClock', () => {
  it('mints unique, strictly increasing ts values within one second', () => {
    // Prepare
    const clock = new SlackTsClock(() => 1_700_000_000_500);

    // Act
    const values = Array.from({ length: 1000 }, () => clock.next());

    // Assess
    expect(new Set(values).size).toBe(1000);
    for (let i = 1; i < values.length; i++)
      expect(compareTs(values[i - 1] ?? '', values[i] ?? '')).toBeLessThan(0);
    expect(values[0]).toBe('1700000000.000000');
  });

  it('rolls over to the next second after 1,000,000 values', () => {
    // Prepare
    const clock = new SlackTsClock(() => 1_700_000_000_000);
    for (let i = 0; i < 1_000_000; i++) clock.next();

    // Act
    const next = clock.next();

    // Assess
    expect(next).toBe('1700000001.000000');
  });
});
