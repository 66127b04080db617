import { ChangePage, ErpRecordOf, isSyncKind, recordKey } from '@hub/erp-contract';
import { BaseTable, ErpTables } from './tables';

/** A cursor the ERP cannot use: malformed, of another kind, or ahead of the ERP's version. */
export class CursorError extends Error {}

interface OverlayEntry<T> {
  /** null: deleted. */
  record: T | null;
  version: number;
}

interface FullCursor { e: string; k: string; t: 'f'; v: number; i: number }
interface DeltaCursor { e: string; k: string; t: 'd'; v: number }
type Cursor = FullCursor | DeltaCursor;

class KindState<T> {
  /** Records changed or deleted since start, with the version of their latest change. */
  readonly overlay = new Map<string, OverlayEntry<T>>();
  /** Append-only change log: versions[n] is the global version of the change to keys[n]. */
  readonly versions: number[] = [];
  readonly keys: string[] = [];
  /** Keys created after start (not in the base table), in creation order, for full syncs. */
  readonly created: string[] = [];
  readonly createdSet = new Set<string>();
  live: number;

  constructor(readonly base: BaseTable<T>) {
    this.live = base.size;
  }
}

/** Names a kind may have: the contract's own, or a deployment's extension kinds. */
const KIND_NAME = /^[a-z][A-Za-z0-9]{0,49}$/;

export function isKindName(kind: string): boolean {
  return KIND_NAME.test(kind);
}

const EMPTY_TABLE: BaseTable<never> = { size: 0, at: () => { throw new RangeError('empty table'); }, find: () => undefined };

/**
 * The ERP's current state: base tables plus an overlay of changes, and per kind a change log on
 * one global, monotonically increasing version. Serves full syncs (stable order over the base
 * rows, then rows created later) and deltas (latest state per key since a version).
 *
 * Besides the contract's kinds it keeps extension kinds (a deployment's own modules sync kinds of
 * their own): any well-formed kind name is one, empty until records are written through the admin API.
 */
export class ErpState {
  version = 0;
  private readonly kinds = new Map<string, KindState<unknown>>();

  constructor(
    readonly tables: ErpTables,
    /** Identifies this ERP run; cursors of another run are refused. */
    readonly epoch: string,
  ) {
    for (const [kind, table] of Object.entries(tables)) this.kinds.set(kind, new KindState(table as BaseTable<unknown>));
  }

  private kindState<K extends string>(kind: K): KindState<ErpRecordOf<K>> {
    let ks = this.kinds.get(kind);
    if (!ks) {
      if (isSyncKind(kind) || !isKindName(kind)) throw new Error(`unknown kind ${kind}`);
      ks = new KindState<unknown>(EMPTY_TABLE);
      this.kinds.set(kind, ks);
    }
    return ks as KindState<ErpRecordOf<K>>;
  }

  /** The kinds that hold records (the contract's and the extension kinds written so far). */
  get kindNames(): string[] {
    return [...this.kinds.keys()];
  }

  /** The current record (a copy), or undefined when it does not exist or was deleted. */
  get<K extends string>(kind: K, key: string): ErpRecordOf<K> | undefined {
    const ks = this.kindState(kind);
    const entry = ks.overlay.get(key);
    if (entry) return entry.record === null ? undefined : structuredClone(entry.record);
    return ks.base.find(key);
  }

  count(kind: string): number {
    return this.kindState(kind).live;
  }

  /** Creates or replaces a record; returns the change's version. */
  upsert<K extends string>(kind: K, record: ErpRecordOf<K>): number {
    const ks = this.kindState(kind);
    const key = recordKey(kind, record);
    const existed = this.get(kind, key) !== undefined;
    const version = this.record(ks, key, structuredClone(record));
    if (!existed) {
      ks.live++;
      if (!ks.createdSet.has(key) && ks.base.find(key) === undefined) {
        ks.created.push(key);
        ks.createdSet.add(key);
      }
    }
    return version;
  }

  /** Deletes a record; returns the change's version, or null when there was nothing to delete. */
  delete(kind: string, key: string): number | null {
    if (this.get(kind, key) === undefined) return null;
    const ks = this.kindState(kind);
    ks.live--;
    return this.record(ks, key, null);
  }

  private record<T>(ks: KindState<T>, key: string, record: T | null): number {
    const version = ++this.version;
    ks.overlay.set(key, { record, version });
    ks.versions.push(version);
    ks.keys.push(key);
    return version;
  }

  changes<K extends string>(kind: K, cursorText: string | null, limit: number): ChangePage<ErpRecordOf<K>> {
    const ks = this.kindState(kind);
    const cursor: Cursor = cursorText === null ? { e: this.epoch, k: kind, t: 'f', v: this.version, i: 0 } : this.parseCursor(kind, cursorText);
    return cursor.t === 'f' ? this.fullPage(kind, ks, cursor, limit) : this.deltaPage(kind, ks, cursor, limit);
  }

  private fullPage<T extends object>(kind: string, ks: KindState<T>, cursor: FullCursor, limit: number): ChangePage<T> {
    const rows: T[] = [];
    const baseSize = ks.base.size;
    const total = baseSize + ks.created.length;
    let i = cursor.i;
    while (i < total && rows.length < limit) {
      if (i < baseSize) {
        const row = ks.base.at(i);
        const entry = ks.overlay.size === 0 ? undefined : ks.overlay.get(recordKey(kind, row));
        if (!entry) rows.push(row);
        else if (entry.record !== null) rows.push(entry.record);
      } else {
        const entry = ks.overlay.get(ks.created[i - baseSize])!;
        if (entry.record !== null) rows.push(entry.record);
      }
      i++;
    }
    if (i >= total) return { rows, deletions: [], nextCursor: this.encode({ e: this.epoch, k: kind, t: 'd', v: cursor.v }), hasMore: false };
    return { rows, deletions: [], nextCursor: this.encode({ ...cursor, i }), hasMore: true };
  }

  private deltaPage<T>(kind: string, ks: KindState<T>, cursor: DeltaCursor, limit: number): ChangePage<T> {
    const { versions, keys } = ks;
    // First log entry after the cursor's version.
    let lo = 0;
    let hi = versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (versions[mid] <= cursor.v) lo = mid + 1;
      else hi = mid;
    }
    const rows: T[] = [];
    const deletions: string[] = [];
    let last = cursor.v;
    let pos = lo;
    while (pos < versions.length && rows.length + deletions.length < limit) {
      const key = keys[pos];
      const entry = ks.overlay.get(key)!;
      // Only the latest change of a key counts; earlier log entries of it are superseded.
      if (entry.version === versions[pos]) {
        if (entry.record === null) deletions.push(key);
        else rows.push(entry.record);
      }
      last = versions[pos];
      pos++;
    }
    // A remaining entry is either live or superseded by a later (live) one, so more remain.
    return { rows, deletions, nextCursor: this.encode({ e: this.epoch, k: kind, t: 'd', v: last }), hasMore: pos < versions.length };
  }

  private encode(cursor: Cursor): string {
    return Buffer.from(JSON.stringify(cursor)).toString('base64url');
  }

  private parseCursor(kind: string, text: string): Cursor {
    let c: any;
    try {
      if (!/^[A-Za-z0-9_-]{1,2000}$/.test(text)) throw new Error();
      c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    } catch {
      throw new CursorError('malformed cursor');
    }
    if (typeof c !== 'object' || c === null || typeof c.e !== 'string' || (c.t !== 'f' && c.t !== 'd') || !Number.isSafeInteger(c.v) || c.v < 0) {
      throw new CursorError('malformed cursor');
    }
    if (c.k !== kind) throw new CursorError(`cursor belongs to kind ${String(c.k)}, not ${kind}`);
    // A cursor of an earlier run of this ERP (restarted since): its versions mean nothing here, so
    // the chain starts over with a full sync, as a real ERP does when change tracking was reset.
    if (c.e !== this.epoch) return { e: this.epoch, k: kind, t: 'f', v: this.version, i: 0 };
    if (c.v > this.version) throw new CursorError('cursor version is ahead of the ERP');
    if (c.t === 'f') {
      const ks = this.kindState(kind);
      if (!Number.isSafeInteger(c.i) || c.i < 0 || c.i > ks.base.size + ks.created.length) throw new CursorError('malformed cursor');
      return { e: c.e, k: kind, t: 'f', v: c.v, i: c.i };
    }
    return { e: c.e, k: kind, t: 'd', v: c.v };
  }
}
