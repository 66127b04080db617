import { ErpDocumentKind } from '@hub/erp-contract';
import { CachedDocumentStore, DocumentCache } from './cached-document-store';
import { DocumentStore, StoredDocument } from './document-store';

function memoryStore() {
  const rows = new Map<string, StoredDocument>();
  const store: DocumentStore = {
    find: jest.fn(async (kind: ErpDocumentKind, number: string) => rows.get(`${kind}:${number}`) ?? null),
    keep: jest.fn(async (d) => void (rows.has(`${d.kind}:${d.number}`) || rows.set(`${d.kind}:${d.number}`, { ...d, stamped: null }))),
    keepStamped: jest.fn(async (kind: ErpDocumentKind, number: string, stamped: Buffer) => void (rows.get(`${kind}:${number}`)!.stamped = stamped)),
  };
  return { rows, store };
}

describe('CachedDocumentStore', () => {
  it('reads a kept document from the store once, then from the cache, the stamped copy included', async () => {
    const { store } = memoryStore();
    const cache = new DocumentCache();
    const cached = new CachedDocumentStore(store, cache);
    expect(await cached.find('invoice', 'INV-1')).toBeNull();
    await cached.keep({ kind: 'invoice', number: 'INV-1', original: Buffer.from('%PDF-a'), digitallySigned: false });
    expect((await cached.find('invoice', 'INV-1'))!.stamped).toBeNull();
    await cached.keepStamped('invoice', 'INV-1', Buffer.from('%PDF-stamped'));
    // Another request's store over the same cache: no read of the store at all.
    const next = new CachedDocumentStore(store, cache);
    expect((await next.find('invoice', 'INV-1'))!.stamped!.toString()).toBe('%PDF-stamped');
    expect(store.find).toHaveBeenCalledTimes(2);
  });

  it('stays within its byte limit, dropping the least recently served first', async () => {
    const cache = new DocumentCache(1000);
    const doc = (n: number): StoredDocument => ({ kind: 'invoice', number: `INV-${n}`, original: Buffer.alloc(100), digitallySigned: false, stamped: null });
    for (let n = 0; n < 10; n++) cache.set(`invoice:INV-${n}`, doc(n));
    expect(cache.get('invoice:INV-0')).toBeDefined();
    cache.set('invoice:INV-10', doc(10));
    expect(cache.totalBytes).toBeLessThanOrEqual(1000);
    expect(cache.get('invoice:INV-1')).toBeUndefined();
    expect(cache.get('invoice:INV-0')).toBeDefined();
    // One document larger than an eighth of the limit is never cached.
    cache.set('invoice:BIG', { ...doc(99), original: Buffer.alloc(200) });
    expect(cache.get('invoice:BIG')).toBeUndefined();
  });
});
