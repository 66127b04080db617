/** PostgreSQL type of a staging column: what the ERP value is loaded as before the merge. */
export type StagingType = 'uuid' | 'text' | 'numeric' | 'integer' | 'boolean' | 'date' | 'timestamptz' | 'jsonb' | 'text[]' | `char(${number})`;

/** The JavaScript values a staging column takes (null aside): what the COPY encoder writes for it. */
export type StagingValue<S extends StagingType> = S extends 'numeric'
  ? string | number
  : S extends 'integer'
    ? number
    : S extends 'boolean'
      ? boolean
      : S extends 'date' | 'timestamptz'
        ? string | Date
        : S extends 'jsonb'
          ? object
          : S extends 'text[]'
            ? readonly string[]
            : string;

export type MergeColumns = Readonly<Record<string, StagingType>>;

/**
 * A subgraph table that receives ERP data. The subgraph that owns the table declares it (with
 * `defineMergeTarget`); the integrator only hands rows to that subgraph's ingest functions.
 */
export interface MergeTarget<C extends MergeColumns = MergeColumns, K extends keyof C & string = keyof C & string, N extends string = string> {
  readonly schema: string;
  readonly table: string;
  /** Every column the ERP writes, with its staging type; the order is the COPY's. */
  readonly columns: C;
  /** Columns of the unique key rows are merged on. */
  readonly key: readonly K[];
  /**
   * The table's other columns: hub-owned, or left to their default and the assignments below.
   * Listing them keeps a column added to the table from silently never syncing (see the
   * subgraphs' `*.ingest.spec.ts`).
   */
  readonly notFromErp: readonly N[];
  /**
   * What a deletion in the ERP does: remove the row, or set these columns (retire it). A row
   * whose set columns already have these values is not written again; columns that `onChange`
   * also assigns (a timestamp) are not compared for that.
   */
  readonly onDelete: 'delete' | { readonly set: Readonly<Partial<Record<(keyof C & string) | N, string>>> };
  /** Columns written on insert only (e.g. a surrogate id), never compared or updated. */
  readonly insertOnly?: readonly (keyof C & string)[];
  /** Extra assignments when a row really changed, e.g. { updated_at: 'now()' }. */
  readonly onChange?: Readonly<Partial<Record<(keyof C & string) | N, string>>>;
}

/** One row for a target: every declared column by name, `null` for no value (`undefined` is refused). */
export type RowOf<T extends MergeTarget> = { -readonly [Column in keyof T['columns'] & string]: StagingValue<T['columns'][Column]> | null };

/** The key of a row to delete, by column name. */
export type KeyOf<T extends MergeTarget> = { -readonly [Column in T['key'][number]]: StagingValue<T['columns'][Column]> };

/**
 * Declares a merge target so that the compiler knows its column names (rows and keys are typed by
 * them) and checks that key, insert-only and assigned columns exist; inconsistencies the types
 * cannot express fail at load time.
 */
export function defineMergeTarget<const C extends MergeColumns, const K extends keyof C & string, const N extends string = never>(target: {
  schema: string;
  table: string;
  columns: C;
  key: readonly K[];
  notFromErp: readonly N[];
  onDelete: 'delete' | { readonly set: Readonly<Partial<Record<NoInfer<(keyof C & string) | N>, string>>> };
  insertOnly?: readonly NoInfer<keyof C & string>[];
  onChange?: Readonly<Partial<Record<NoInfer<(keyof C & string) | N>, string>>>;
}): MergeTarget<C, K, N> {
  const where = `merge target ${target.schema}.${target.table}`;
  const columns = Object.keys(target.columns);
  if (target.key.length === 0) throw new Error(`${where}: no key columns`);
  for (const column of target.insertOnly ?? []) {
    if ((target.key as readonly string[]).includes(column)) throw new Error(`${where}: key column "${column}" cannot be insert-only`);
  }
  for (const column of target.notFromErp) {
    if (columns.includes(column)) throw new Error(`${where}: "${column}" is both written and listed in notFromErp`);
  }
  return target;
}

/** Whether a value (e.g. an export of an ingest module) is a merge target. */
export function isMergeTarget(value: unknown): value is MergeTarget {
  const t = value as Partial<MergeTarget> | null;
  return (
    typeof t === 'object' && t !== null && typeof t.schema === 'string' && typeof t.table === 'string' && typeof t.columns === 'object' && Array.isArray(t.key) && Array.isArray(t.notFromErp)
  );
}
