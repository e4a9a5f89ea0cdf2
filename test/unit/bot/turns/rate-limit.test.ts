import { RATE_WINDOW_MS, TurnRateLimiter } from '../../../../bot/turns/rate-limit';

describe('TurnRateLimiter', () => {
  it('allows N turns per minute per user, then says when the next one fits', () => {
    // Prepare
    let now = 1_000_000;
    const limiter = new TurnRateLimiter(3, () => now);

    // Act
    const allowed = [limiter.take('UALICE0001'), limiter.take('UALICE0001'), limiter.take('UALICE0001')];
    now += 10_000;
    const fourth = limiter.take('UALICE0001');

    // Assess
    expect(allowed.every((d) => d.allowed)).toBe(true);
    expect(fourth).toEqual({ allowed: false, retryAfterMs: RATE_WINDOW_MS - 10_000 });
  });

  it('counts users separately', () => {
    // Prepare
    const limiter = new TurnRateLimiter(1, () => 5);
    limiter.take('UALICE0001');

    // Act
    const bob = limiter.take('UBOB00001');

    // Assess
    expect(bob.allowed).toBe(true);
  });

  it('allows again once the window has moved past the oldest turn', () => {
    // Prepare
    let now = 0;
    const limiter = new TurnRateLimiter(1, () => now);
    limiter.take('UALICE0001');
    now = RATE_WINDOW_MS + 1;

    // Act
    const later = limiter.take('UALICE0001');

    // Assess
    expect(later.allowed).toBe(true);
  });

  it('does not count refused turns', () => {
    // Prepare
    let now = 0;
    const limiter = new TurnRateLimiter(1, () => now);
    limiter.take('UALICE0001');
    now = 30_000;
    limiter.take('UALICE0001');
    now = RATE_WINDOW_MS + 1;

    // Act
    const next = limiter.take('UALICE0001');

    // Assess
    expect(next.allowed).toBe(true);
  });
});
