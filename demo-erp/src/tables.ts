import { ErpRecordsByKind, SyncKind, recordKey } from '@hub/erp-contract';

/**
 * The ERP's state at start ("base rows") of one kind, addressable by a stable index. Small-scale
 * tables hold arrays; large-scale tables compute row i on demand from a seeded hash.
 */
export interface BaseTable<T> {
  readonly size: number;
  /** Row i, 0 <= i < size; the same object shape on every call. */
  at(i: number): T;
  /** The base row with this ERP key, if any. */
  find(key: string): T | undefined;
}

export type ErpTables = { [K in SyncKind]: BaseTable<ErpRecordsByKind[K]> };

export class ArrayTable<K extends SyncKind> implements BaseTable<ErpRecordsByKind[K]> {
  private readonly index = new Map<string, number>();

  constructor(kind: K, private readonly rows: ReadonlyArray<ErpRecordsByKind[K]>) {
    rows.forEach((row, i) => {
      const key = recordKey(kind, row);
      if (this.index.has(key)) throw new Error(`duplicate ${kind} key ${key}`);
      this.index.set(key, i);
    });
  }

  get size(): number {
    return this.rows.length;
  }

  at(i: number): ErpRecordsByKind[K] {
    return structuredClone(this.rows[i]);
  }

  find(key: string): ErpRecordsByKind[K] | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.at(i);
  }
}

export class LazyTable<T> implements BaseTable<T> {
  constructor(
    readonly size: number,
    private readonly build: (i: number) => T,
    private readonly locate: (key: string) => number | undefined,
  ) {}

  at(i: number): T {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new RangeError(`row ${i} out of range`);
    return this.build(i);
  }

  find(key: string): T | undefined {
    const i = this.locate(key);
    return i === undefined || i < 0 || i >= this.size ? undefined : this.build(i);
  }
}
