import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and the whole ceiling', () => {
    expect(retryDelayMs(0, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, () => 0)).toBe(4000);
    expect(retryDelayMs(3, 1000, 60_000, () => 1)).toBe(8000);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const attempt of [10, 20, 100, 10_000]) expect(retryDelayMs(attempt, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('spreads retries (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(5, 1000, 60_000)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
