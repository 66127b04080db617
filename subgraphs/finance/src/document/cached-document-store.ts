import { ErpDocumentKind } from '@hub/erp-contract';
import { DocumentStore, StoredDocument } from './document-store';

const sizeOf = (d: StoredDocument) => d.original.length + (d.stamped?.length ?? 0);

/** The documents a process served lately, bounded in bytes; the least recently served go first. */
export class DocumentCache {
  private readonly entries = new Map<string, StoredDocument>();
  private bytes = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): StoredDocument | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // A Map keeps insertion order: re-inserting moves it to the most recent end.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, document: StoredDocument): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= sizeOf(old);
      this.entries.delete(key);
    }
    if (sizeOf(document) > this.maxBytes / 8) return;
    this.entries.set(key, document);
    this.bytes += sizeOf(document);
    for (const [k, d] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= sizeOf(d);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}

/**
 * A DocumentStore with a process-wide cache in front. A kept document never changes (the first
 * copy kept wins), so a cached one is never stale: at worst another process stamps it once more.
 */
export class CachedDocumentStore implements DocumentStore {
  constructor(
    private readonly inner: DocumentStore,
    private readonly cache: DocumentCache,
  ) {}

  async find(kind: ErpDocumentKind, number: string): Promise<StoredDocument | null> {
    const key = `${kind}:${number}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const found = await this.inner.find(kind, number);
    if (found) this.cache.set(key, found);
    return found;
  }

  keep(document: { kind: ErpDocumentKind; number: string; original: Buffer; digitallySigned: boolean }): Promise<void> {
    return this.inner.keep(document);
  }

  async keepStamped(kind: ErpDocumentKind, number: string, stamped: Buffer): Promise<void> {
    await this.inner.keepStamped(kind, number, stamped);
    const key = `${kind}:${number}`;
    const hit = this.cache.get(key);
    if (hit && !hit.digitallySigned) this.cache.set(key, { ...hit, stamped });
  }
}
