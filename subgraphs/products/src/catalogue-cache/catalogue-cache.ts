import { CatalogueChange, CatalogueChangesRead } from './catalogue-change.repository';
import { CatalogueTrace } from './catalogue-trace';

/** Staff's hub texts of each kind an answer used, as a signature of every key, language and text. */
export type TextSignatures = Readonly<Record<string, string>>;

export interface CachedAnswer {
  result: unknown;
  /** Compare with the texts now before answering: an edit of them is in no change set. */
  texts: TextSignatures;
  /** What the answer was made of (as its trace recorded it). */
  made: ReportedTrace;
}

/** A trace as plain data: what a products answer tells the gateway it was made of (catalogue-edge-answers.ts). */
export interface ReportedTrace {
  productIds: readonly string[];
  list: boolean;
  stockSensitive: boolean;
  textKinds: readonly string[];
}

export function reportedTrace(trace: CatalogueTrace): ReportedTrace {
  return { productIds: [...trace.productIds], list: trace.list, stockSensitive: trace.stockSensitive, textKinds: [...trace.textKinds] };
}

interface Entry extends CachedAnswer {
  bytes: number;
}

export interface CatalogueCacheCounters {
  hits: number;
  misses: number;
  stored: number;
  evicted: number;
  /** Answers computed while a change set was applied, so not kept. */
  skippedStale: number;
}

/**
 * The products subgraph's answers to catalogue pages, kept by what decides them (the caller's
 * price profile, assortment, stock policy, permissions, languages, day: see catalogue-decision.ts),
 * never by user, and dropped exactly when a sync's change set touches them:
 *  - PRICE: the answers showing one of the changed products;
 *  - STOCK: those, and every page filtered by stock;
 *  - PRODUCT: those, and every page (items may enter, leave or move);
 *  - EVERYTHING: all.
 * Before each cached answer the caller reads the change sets it has not applied (catchUp), so an
 * answer is never older than the last committed sync, on any instance. An answer computed while a
 * change set was applied is not kept: it may have read the data from before that change.
 * Staff's hub texts an answer used are compared when it is given again (their edits are in no
 * change set). Least recently used answers go first beyond maxBytes.
 */
export class CatalogueCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByProduct = new Map<string, Set<string>>();
  private bytes = 0;
  private horizon = '0';
  /** Change sets applied whose writing transaction is not yet below the horizon: they are read again, and skipped. */
  private readonly applied = new Map<number, bigint>();
  private generation = 0;
  private latestChange: Date | null = null;
  readonly counters: CatalogueCacheCounters = { hits: 0, misses: 0, stored: 0, evicted: 0, skippedStale: 0 };

  constructor(
    private readonly maxBytes: number,
    /** Told when pages may have changed (items or stock): the short-lived page counts are forgotten too. */
    private readonly onPagesChanged: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** When the newest change set applied was committed: the answers' "prices as of". */
  get pricesAsOf(): Date | null {
    return this.latestChange;
  }

  /** Applies every change set not applied yet; returns the generation an answer computed from now on is kept under. */
  async catchUp(read: (horizon: string) => Promise<CatalogueChangesRead>): Promise<number> {
    const { horizon, changes } = await read(this.horizon);
    for (const change of changes) {
      if (this.applied.has(change.version)) continue;
      this.apply(change);
      this.applied.set(change.version, BigInt(change.writtenBy));
    }
    if (BigInt(horizon) > BigInt(this.horizon)) {
      this.horizon = horizon;
      for (const [version, writer] of this.applied) if (writer < BigInt(horizon)) this.applied.delete(version);
    }
    return this.generation;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.counters.misses++;
      return undefined;
    }
    // Most recently used last: the first ones go when room is needed.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.counters.hits++;
    return { result: entry.result, texts: entry.texts, made: entry.made };
  }

  /**
   * The kept answer of a key, if staff's hub texts it showed are still as they were (`textsNow`
   * signs them as they are now); an answer whose texts changed is dropped, to be made afresh.
   */
  async lookup(key: string, textsNow: (kinds: readonly string[]) => Promise<TextSignatures>): Promise<{ answer: CachedAnswer | null; textsChanged: boolean }> {
    const kept = this.get(key);
    if (!kept) return { answer: null, textsChanged: false };
    const now = await textsNow(Object.keys(kept.texts));
    if (Object.keys(kept.texts).every((kind) => kept.texts[kind] === now[kind])) return { answer: kept, textsChanged: false };
    this.forget(key);
    return { answer: null, textsChanged: true };
  }

  /** Drops one answer (its hub texts changed). */
  forget(key: string): void {
    this.remove(key);
  }

  /** Keeps an answer computed from the generation catchUp returned; false when a change set was applied since. */
  store(key: string, result: unknown, trace: Pick<CatalogueTrace, 'productIds' | 'list' | 'stockSensitive'> | ReportedTrace, generation: number, texts: TextSignatures = {}): boolean {
    if (generation !== this.generation) {
      this.counters.skippedStale++;
      return false;
    }
    const bytes = JSON.stringify(result).length * 2;
    if (bytes > this.maxBytes) return false;
    this.remove(key);
    const made: ReportedTrace = { productIds: [...trace.productIds], list: trace.list, stockSensitive: trace.stockSensitive, textKinds: Object.keys(texts) };
    const entry: Entry = { result, texts, made, bytes };
    this.entries.set(key, entry);
    this.bytes += bytes;
    for (const id of made.productIds) {
      let keys = this.keysByProduct.get(id);
      if (!keys) this.keysByProduct.set(id, (keys = new Set()));
      keys.add(key);
    }
    this.counters.stored++;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
      this.counters.evicted++;
    }
    return true;
  }

  private apply(change: CatalogueChange): void {
    this.generation++;
    if (!this.latestChange || change.changedAt > this.latestChange) this.latestChange = change.changedAt;
    if (change.scope !== 'PRICE') this.onPagesChanged();
    if (change.scope === 'EVERYTHING') {
      this.entries.clear();
      this.keysByProduct.clear();
      this.bytes = 0;
      return;
    }
    const doomed = new Set<string>();
    for (const id of change.productIds) for (const key of this.keysByProduct.get(id) ?? []) doomed.add(key);
    if (change.scope !== 'PRICE') {
      for (const [key, { made }] of this.entries) if (made.list && (change.scope === 'PRODUCT' || made.stockSensitive)) doomed.add(key);
    }
    for (const key of doomed) this.remove(key);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    for (const id of entry.made.productIds) {
      const keys = this.keysByProduct.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByProduct.delete(id);
    }
  }
}
