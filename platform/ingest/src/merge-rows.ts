import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CopyValue, encodeCopyRow } from './copy-text-format';

export interface MergeColumn {
  name: string;
  /** PostgreSQL type of the staging column, e.g. 'uuid', 'text', 'numeric', 'jsonb', 'text[]'. */
  type: string;
}

/**
 * A subgraph table that receives ERP data. The subgraph that owns the table declares it; the
 * integrator only hands rows to that subgraph's ingest functions.
 */
export interface MergeTarget {
  schema: string;
  table: string;
  columns: MergeColumn[];
  /** Columns of the unique key rows are merged on (a subset of `columns`). */
  key: string[];
  /** What a deletion in the ERP does: remove the row, or set these columns (retire it). */
  onDelete: 'delete' | { set: Record<string, string> };
  /** Columns written on insert only (e.g. a surrogate id), never compared or updated. */
  insertOnly?: string[];
  /** Extra assignments when a row really changed, e.g. { updated_at: 'now()' }. */
  onChange?: Record<string, string>;
}

export interface MergeResult {
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  /** Key values (first key column) of rows inserted, updated or deleted, when asked for. */
  changedKeys: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

let stagingCounter = 0;

/**
 * Merges a batch into a table with one COPY into a temporary staging table and one statement:
 * rows whose values did not change are not written at all (`IS DISTINCT FROM`), so a delta that
 * repeats unchanged rows touches nothing. Within a batch the last row of a key wins. Runs on the
 * caller's client, inside the caller's transaction.
 */
export async function mergeRows(
  client: PoolClient,
  target: MergeTarget,
  rows: CopyValue[][],
  deletedKeys: CopyValue[][] = [],
  options: { returnChangedKeys?: boolean } = {},
): Promise<MergeResult> {
  const result: MergeResult = { read: rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const table = `${ident(target.schema)}.${ident(target.table)}`;
  const returning = options.returnChangedKeys ? `, t.${ident(target.key[0])}::text as k` : '';

  if (rows.length > 0) {
    const staging = `ingest_stage_${target.table}_${++stagingCounter}`;
    const columnList = target.columns.map((c) => ident(c.name)).join(', ');
    await client.query(
      `create temp table ${ident(staging)} (${target.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')}, _ord bigint) on commit drop`,
    );
    const json = [...target.columns.map((c) => c.type === 'jsonb' || c.type === 'json'), false];
    await copyInto(client, `copy ${ident(staging)} (${columnList}, _ord) from stdin`, rows.map((row, i) => encodeCopyRow([...row, i], json)));

    const keyList = target.key.map(ident).join(', ');
    const valueColumns = target.columns.filter((c) => !target.key.includes(c.name) && !target.insertOnly?.includes(c.name));
    const compare = valueColumns.length
      ? `where (${valueColumns.map((c) => `t.${ident(c.name)}`).join(', ')}) is distinct from (${valueColumns.map((c) => `excluded.${ident(c.name)}`).join(', ')})`
      : '';
    const assignments = [
      ...valueColumns.map((c) => `${ident(c.name)} = excluded.${ident(c.name)}`),
      ...Object.entries(target.onChange ?? {}).map(([column, expression]) => `${ident(column)} = ${expression}`),
    ];
    const onConflict = assignments.length ? `do update set ${assignments.join(', ')} ${compare}` : 'do nothing';
    const merged = await client.query<{ inserted: boolean; k?: string }>(
      `insert into ${table} as t (${columnList})
         select distinct on (${keyList}) ${columnList} from ${ident(staging)} order by ${keyList}, _ord desc
       on conflict (${keyList}) ${onConflict}
       returning (xmax = 0) as inserted${returning}`,
    );
    for (const row of merged.rows) {
      if (row.inserted) result.inserted++;
      else result.updated++;
      if (row.k !== undefined) result.changedKeys.push(row.k);
    }
  }

  if (deletedKeys.length > 0) {
    const keyColumns = target.key.map((k) => target.columns.find((c) => c.name === k)!);
    const staging = `ingest_delete_${target.table}_${++stagingCounter}`;
    await client.query(`create temp table ${ident(staging)} (${keyColumns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')}) on commit drop`);
    await copyInto(client, `copy ${ident(staging)} from stdin`, deletedKeys.map((key) => encodeCopyRow(key, keyColumns.map(() => false))));
    const match = target.key.map((k) => `t.${ident(k)} = d.${ident(k)}`).join(' and ');
    const sql =
      target.onDelete === 'delete'
        ? `delete from ${table} t using ${ident(staging)} d where ${match} returning true${returning}`
        : `update ${table} t set ${Object.entries(target.onDelete.set).map(([c, e]) => `${ident(c)} = ${e}`).join(', ')}
             from ${ident(staging)} d where ${match} and (${Object.entries(target.onDelete.set).map(([c, e]) => `t.${ident(c)} is distinct from ${e}`).join(' or ')})
           returning true${returning}`;
    const deleted = await client.query<{ k?: string }>(sql);
    result.deleted = deleted.rowCount ?? 0;
    for (const row of deleted.rows) if (row.k !== undefined) result.changedKeys.push(row.k);
  }
  return result;
}

async function copyInto(client: PoolClient, sql: string, lines: string[]): Promise<void> {
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunk(lines)), stream);
}

/** Groups lines into ~64 KiB writes: one write per row would dominate the cost of the COPY. */
function* chunk(lines: string[]): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 65536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
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
