/**
 * Remembers the outcome of verifying a signed token for a short while, so the same token is not
 * HMAC-verified again on every request (the gateway and each subgraph verify every request).
 * Entries never outlive the token's own expiry; revocation is checked separately, per request.
 */
export class VerificationCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, until: number): void {
    // Crude but bounded: a full cache starts over rather than tracking recency on the hot path.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until });
  }
}

/** Keeps one cache per secrets object, so tokens are never judged by another key's verdict. */
export function cachePerSecrets<S extends object, V>(): (secrets: S) => VerificationCache<V> {
  const caches = new WeakMap<S, VerificationCache<V>>();
  return (secrets) => {
    let cache = caches.get(secrets);
    if (!cache) caches.set(secrets, (cache = new VerificationCache<V>()));
    return cache;
  };
}
