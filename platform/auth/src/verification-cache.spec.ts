import { VerificationCache } from './verification-cache';

describe('VerificationCache', () => {
  it('answers until the entry expires, then forgets it', () => {
    const cache = new VerificationCache<string>();
    cache.set('t', 'viewer', 1_000);
    expect(cache.get('t', 999)).toBe('viewer');
    expect(cache.get('t', 1_000)).toBeUndefined();
    expect(cache.get('t', 500)).toBeUndefined();
  });

  it('stays bounded', () => {
    const cache = new VerificationCache<number>(3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i, Number.MAX_SAFE_INTEGER);
    const kept = Array.from({ length: 10 }, (_, i) => cache.get(`k${i}`)).filter((v) => v !== undefined);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(cache.get('k9')).toBe(9);
  });
});
