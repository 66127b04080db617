import { cachePerSecrets, VerificationCache } from './verification-cache';

describe('VerificationCache', () => {
  it('answers until the entry expires, then forgets it', () => {
    const cache = new VerificationCache<string>();
    cache.set('t', 'viewer', 1_000);
    expect(cache.get('t', 999)).toBe('viewer');
    expect(cache.get('t', 1_000)).toBeUndefined();
    // Forgotten, not merely hidden: an earlier clock does not bring it back.
    expect(cache.get('t', 500)).toBeUndefined();
    expect(cache.get('unknown', 0)).toBeUndefined();
  });

  it('answers by the real clock when given none', () => {
    const cache = new VerificationCache<string>();
    cache.set('fresh', 'v', Date.now() + 60_000);
    cache.set('stale', 'v', Date.now() - 1);
    expect(cache.get('fresh')).toBe('v');
    expect(cache.get('stale')).toBeUndefined();
  });

  it('holds exactly maxEntries, and starts over with the next one', () => {
    const cache = new VerificationCache<number>(3);
    for (let i = 0; i < 3; i++) cache.set(`k${i}`, i, Number.MAX_SAFE_INTEGER);
    expect([0, 1, 2].map((i) => cache.get(`k${i}`, 0))).toEqual([0, 1, 2]);
    cache.set('k3', 3, Number.MAX_SAFE_INTEGER);
    expect([0, 1, 2, 3].map((i) => cache.get(`k${i}`, 0))).toEqual([undefined, undefined, undefined, 3]);
  });

  it('holds 10,000 entries by default', () => {
    const cache = new VerificationCache<number>();
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i, Number.MAX_SAFE_INTEGER);
    expect(cache.get('k0', 0)).toBe(0);
    cache.set('one more', 1, Number.MAX_SAFE_INTEGER);
    expect(cache.get('k0', 0)).toBeUndefined();
    expect(cache.get('one more', 0)).toBe(1);
  });

  it('takes the value and expiry of a key set again', () => {
    const cache = new VerificationCache<string>();
    cache.set('b', 'first', 100);
    cache.set('b', 'again', 200);
    expect(cache.get('b', 150)).toBe('again');
  });
});

describe('cachePerSecrets', () => {
  it('keeps one cache per secrets object: the same one each time, never another key\'s', () => {
    const cacheFor = cachePerSecrets<object, string>();
    const one = {};
    const other = {};
    cacheFor(one).set('token', 'verified with one', Number.MAX_SAFE_INTEGER);
    expect(cacheFor(one)).toBe(cacheFor(one));
    expect(cacheFor(one).get('token', 0)).toBe('verified with one');
    expect(cacheFor(other)).not.toBe(cacheFor(one));
    expect(cacheFor(other).get('token', 0)).toBeUndefined();
  });
});
