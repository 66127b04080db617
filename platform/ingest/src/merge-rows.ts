import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CopyRowEncoder, rowEncoderFor } from './copy-row-encoder';
import { KeyOf, MergeTarget, RowOf } from './merge-target';

export interface MergeResult {
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  /** Values of rows inserted, updated or deleted, when asked for: of the first key column, or of the column named by returnChangedKeys. */
  changedKeys: string[];
}

/** Size of one COPY write (characters); exported for the tests that cross it. */
export const COPY_CHUNK_CHARS = 65536;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

let stagingCounter = 0;

/**
 * Merges a batch into a table with one COPY into a temporary staging table and one statement:
 * rows whose values did not change are not written at all (`IS DISTINCT FROM`), so a delta that
 * repeats unchanged rows touches nothing. Within a batch the last row of a key wins. Runs on the
 * caller's client, inside the caller's transaction.
 */
export async function mergeRows<T extends MergeTarget>(
  client: PoolClient,
  target: T,
  rows: ReadonlyArray<RowOf<T>>,
  deletedKeys: ReadonlyArray<KeyOf<T>> = [],
  /** returnChangedKeys: true for the first key column's values, or a column's name (a price row's product, say). */
  options: { returnChangedKeys?: boolean | string } = {},
): Promise<MergeResult> {
  // Refuse a mis-shaped batch before anything is sent: nothing is written.
  const encoder = rowEncoderFor(target);
  if (rows.length > 0) encoder.checkColumns(rows[0], 'the first row');
  const key = target.key as readonly string[];
  const keyEncoder = new CopyRowEncoder<KeyOf<T>>(`${target.schema}.${target.table}`, Object.fromEntries(key.map((k) => [k, target.columns[k]])));
  if (deletedKeys.length > 0) keyEncoder.checkColumns(deletedKeys[0], 'the first deleted key');

  const result: MergeResult = { read: rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const table = `${ident(target.schema)}.${ident(target.table)}`;
  const changedColumn = typeof options.returnChangedKeys === 'string' ? options.returnChangedKeys : target.key[0];
  if (!(changedColumn in target.columns)) throw new Error(`${target.schema}.${target.table} has no column ${changedColumn} to return.`);
  const returning = options.returnChangedKeys ? `, t.${ident(changedColumn)}::text as k` : '';
  // Counted (and the keys gathered) in PostgreSQL: one result row per statement, not one per row written.
  const keys = options.returnChangedKeys ? ', array_agg(k) as keys' : '';

  if (rows.length > 0) {
    const staging = `ingest_stage_${target.table}_${++stagingCounter}`;
    const columnList = encoder.columns.map(ident).join(', ');
    const keyList = key.map(ident).join(', ');
    // A batch whose keys are all different needs no "last row of a key wins": no ordinal, no sort.
    const unique = hasUniqueTextKeys(target, rows);
    await client.query(
      `create temp table ${ident(staging)} (${encoder.columns.map((c) => `${ident(c)} ${target.columns[c]}`).join(', ')}${unique ? '' : ', _ord bigint'}) on commit drop`,
    );
    await copyInto(client, `copy ${ident(staging)} (${columnList}${unique ? '' : ', _ord'}) from stdin`, rows, (row, i) => encoder.encode(row, unique ? '' : `\t${i}`));
    const source = unique
      ? `select ${columnList} from ${ident(staging)}`
      : `select distinct on (${keyList}) ${columnList} from ${ident(staging)} order by ${keyList}, _ord desc`;

    const insertOnly = (target.insertOnly ?? []) as readonly string[];
    const valueColumns = encoder.columns.filter((c) => !key.includes(c) && !insertOnly.includes(c));
    const assignments = [
      ...valueColumns.map((c) => `${ident(c)} = excluded.${ident(c)}`),
      ...assignmentsOf(target.onChange).map(([column, expression]) => `${ident(column)} = ${expression}`),
    ];
    // A row of only key (and insert-only) columns cannot change: an existing one is left alone, onChange or not.
    const onConflict = valueColumns.length
      ? `do update set ${assignments.join(', ')}
          where (${valueColumns.map((c) => `t.${ident(c)}`).join(', ')}) is distinct from (${valueColumns.map((c) => `excluded.${ident(c)}`).join(', ')})`
      : 'do nothing';
    const merged = await client.query<{ inserted: number; updated: number; keys?: string[] | null }>(
      `with merged as (
         insert into ${table} as t (${columnList})
           ${source}
         on conflict (${keyList}) ${onConflict}
         returning (xmax = 0) as inserted${returning}
       )
       select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated${keys} from merged`,
    );
    result.inserted = merged.rows[0].inserted;
    result.updated = merged.rows[0].updated;
    if (merged.rows[0].keys) result.changedKeys = result.changedKeys.concat(merged.rows[0].keys);
  }

  if (deletedKeys.length > 0) {
    const staging = `ingest_delete_${target.table}_${++stagingCounter}`;
    await client.query(`create temp table ${ident(staging)} (${key.map((k) => `${ident(k)} ${target.columns[k]}`).join(', ')}) on commit drop`);
    await copyInto(client, `copy ${ident(staging)} (${key.map(ident).join(', ')}) from stdin`, deletedKeys, (k) => keyEncoder.encode(k));
    const match = key.map((k) => `t.${ident(k)} = d.${ident(k)}`).join(' and ');
    let sql = `delete from ${table} t using ${ident(staging)} d where ${match} returning true as deleted${returning}`;
    if (target.onDelete !== 'delete') {
      const set = assignmentsOf(target.onDelete.set);
      // A row already retired is left alone: columns onChange also assigns (updated_at = now()) differ on every run, so they are not compared.
      const state = set.filter(([c]) => !(c in (target.onChange ?? {})));
      sql = `update ${table} t set ${set.map(([c, e]) => `${ident(c)} = ${e}`).join(', ')}
               from ${ident(staging)} d where ${match} and (${(state.length ? state : set).map(([c, e]) => `t.${ident(c)} is distinct from ${e}`).join(' or ')})
             returning true as deleted${returning}`;
    }
    const deleted = await client.query<{ deleted: number; keys?: string[] | null }>(`with removed as (${sql}) select count(*)::int as deleted${keys} from removed`);
    result.deleted = deleted.rows[0].deleted;
    if (deleted.rows[0].keys) result.changedKeys = result.changedKeys.concat(deleted.rows[0].keys);
  }
  return result;
}

/**
 * Whether no two rows share a key, told in JavaScript. Only for keys of text columns, where equal
 * strings are exactly equal keys to PostgreSQL too (a uuid or numeric key has spellings that differ
 * as strings and are the same value: those batches take the ordered path).
 */
function hasUniqueTextKeys<T extends MergeTarget>(target: T, rows: ReadonlyArray<RowOf<T>>): boolean {
  const key = target.key as readonly string[];
  if (!key.every((k) => target.columns[k] === 'text')) return false;
  const seen = new Set<string>();
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    const k = key.length === 1 ? values[key[0]] : JSON.stringify(key.map((c) => values[c]));
    if (typeof k !== 'string' || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

const assignmentsOf = (set: Readonly<Partial<Record<string, string>>> | undefined) => Object.entries(set ?? {}) as Array<[string, string]>;

/**
 * The rows' COPY lines, encoded as they are sent and grouped into writes of just over
 * COPY_CHUNK_CHARS characters (the last one shorter, none empty): one write per row would dominate
 * the cost of the COPY. Exported for its spec.
 */
export function* copyChunks<R>(rows: ReadonlyArray<R>, encode: (row: R, index: number) => string): Generator<string> {
  let buffer = '';
  for (let i = 0; i < rows.length; i++) {
    buffer += encode(rows[i], i);
    if (buffer.length > COPY_CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** Streams the rows into a COPY; an encoding error aborts it. */
async function copyInto<R>(client: PoolClient, sql: string, rows: ReadonlyArray<R>, encode: (row: R, index: number) => string): Promise<void> {
  await pipeline(Readable.from(copyChunks(rows, encode)), client.query(copyFrom(sql)));
}

export function sumResults(results: MergeResult[]): MergeResult {
  return results.reduce(
    (sum, r) => ({
      read: sum.read + r.read,
      inserted: sum.inserted + r.inserted,
      updated: sum.updated + r.updated,
      deleted: sum.deleted + r.deleted,
      changedKeys: sum.changedKeys.concat(r.changedKeys),
    }),
    { read: 0, inserted: 0, updated: 0, deleted: 0, changedKeys: [] as string[] },
  );
}
