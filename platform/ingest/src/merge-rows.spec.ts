import { Client, Pool, PoolClient } from 'pg';
import { defineMergeTarget, KeyOf, RowOf } from './merge-target';
import { COPY_CHUNK_CHARS, copyChunks, MergeResult, mergeRows, sumResults } from './merge-rows';

// Runs on the test PostgreSQL, in a scratch database of its own (dropped after): a scratch schema in the
// hub's test database would race with the tests that compare that database with the entities.
const SCHEMA = `merge_rows_spec_${process.pid}`;

/** Retired on deletion, with a hub-owned note and the merge's own timestamp. */
const ITEM = defineMergeTarget({
  schema: SCHEMA,
  table: 'item',
  columns: { id: 'text', name: 'text', qty: 'numeric', tags: 'text[]', attrs: 'jsonb', status: 'text', created_at: 'timestamptz' },
  key: ['id'],
  notFromErp: ['hub_note', 'updated_at'],
  insertOnly: ['created_at'],
  onDelete: { set: { status: "'RETIRED'", updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
});

/** Removed on deletion; keyed on two columns, the first of which is what changedKeys reports. */
const LINE = defineMergeTarget({
  schema: SCHEMA,
  table: 'line',
  columns: { order_id: 'text', line_no: 'integer', qty: 'numeric' },
  key: ['order_id', 'line_no'],
  notFromErp: [],
  onDelete: 'delete',
});

/** Only key columns: nothing about a row can change. With a timestamp of the merge's own (MEMBER) and without (TAG). */
const MEMBER = defineMergeTarget({
  schema: SCHEMA,
  table: 'member',
  columns: { group_id: 'text', member: 'text' },
  key: ['group_id', 'member'],
  notFromErp: ['updated_at'],
  onDelete: 'delete',
  onChange: { updated_at: 'now()' },
});
const TAG = defineMergeTarget({ schema: SCHEMA, table: 'tag', columns: { item_id: 'text', tag: 'text' }, key: ['item_id', 'tag'], notFromErp: [], onDelete: 'delete' });

/** Retired by setting two columns; a column whose name needs quoting. */
const STOCK = defineMergeTarget({
  schema: SCHEMA,
  table: 'stock',
  columns: { id: 'text', 'say "hi"': 'text', status: 'text', qty: 'numeric' },
  key: ['id'],
  notFromErp: [],
  onDelete: { set: { status: "'GONE'", qty: '0' } },
});

type ItemRow = RowOf<typeof ITEM>;
const item = (id: string, fields: Partial<ItemRow> = {}): ItemRow => ({
  id,
  name: `Item ${id}`,
  qty: '1',
  tags: ['a', 'b c'],
  attrs: { colour: 'red' },
  status: 'ACTIVE',
  created_at: new Date('2024-01-01T00:00:00Z'),
  ...fields,
});

let pool: Pool;

/** Runs a merge in a transaction of its own, as the integrator does; rolls back if it throws. */
async function merge<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const mergeItems = (rows: ItemRow[], deleted: KeyOf<typeof ITEM>[] = [], options = {}) => merge((c) => mergeRows(c, ITEM, rows, deleted, options));
const counts = (r: MergeResult) => ({ read: r.read, inserted: r.inserted, updated: r.updated, deleted: r.deleted });

async function itemState(id: string): Promise<{ name: string; status: string; xmin: string; updated_at: Date; created_at: Date; hub_note: string | null } | undefined> {
  const result = await pool.query(`select name, status, xmin::text as xmin, updated_at, created_at, hub_note from "${SCHEMA}".item where id = $1`, [id]);
  return result.rows[0];
}

const DATABASE = `merge_rows_spec_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  const server = process.env.HUB_TEST_SERVER_URL;
  if (!server) throw new Error('HUB_TEST_SERVER_URL is not set: run through jest (tests/support/global-setup.ts)');
  await adminQuery(server, `create database "${DATABASE}"`);
  const url = new URL(server);
  url.pathname = `/${DATABASE}`;
  pool = new Pool({ connectionString: url.toString(), max: 2 });
  await pool.query(`create schema "${SCHEMA}"`);
  await pool.query(`create table "${SCHEMA}".item (
      id text primary key, name text not null, qty numeric, tags text[], attrs jsonb, status text not null,
      created_at timestamptz not null, updated_at timestamptz not null default now(), hub_note text)`);
  await pool.query(`create table "${SCHEMA}".line (order_id text, line_no integer, qty numeric, primary key (order_id, line_no))`);
  await pool.query(`create table "${SCHEMA}".member (group_id text, member text, updated_at timestamptz not null default now(), primary key (group_id, member))`);
  await pool.query(`create table "${SCHEMA}".tag (item_id text, tag text, primary key (item_id, tag))`);
  await pool.query(`create table "${SCHEMA}".stock (id text primary key, "say ""hi""" text, status text, qty numeric)`);
});

afterAll(async () => {
  await pool.end();
  await adminQuery(process.env.HUB_TEST_SERVER_URL!, `drop database if exists "${DATABASE}" with (force)`);
});

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  await pool.query(`truncate "${SCHEMA}".item, "${SCHEMA}".line, "${SCHEMA}".member, "${SCHEMA}".tag, "${SCHEMA}".stock`);
});

describe('mergeRows', () => {
  it('keeps the last row of a key that occurs twice in one batch', async () => {
    const result = await mergeItems([item('a', { name: 'first' }), item('b'), item('a', { name: 'second' })]);
    expect(counts(result)).toEqual({ read: 3, inserted: 2, updated: 0, deleted: 0 });
    expect((await itemState('a'))?.name).toBe('second');
  });

  it('writes an unchanged row 0 times and leaves its onChange column alone; a real change updates it once', async () => {
    await mergeItems([item('a')]);
    await pool.query(`update "${SCHEMA}".item set updated_at = '2020-01-01T00:00:00Z', hub_note = 'kept'`);
    const before = await itemState('a');

    expect(counts(await mergeItems([item('a')]))).toEqual({ read: 1, inserted: 0, updated: 0, deleted: 0 });
    // Same row version (xmin): not rewritten at all, not merely rewritten with equal values.
    expect(await itemState('a')).toEqual(before);

    const changed = await mergeItems([item('a', { qty: '2', created_at: new Date('2030-01-01T00:00:00Z') })]);
    expect(counts(changed)).toEqual({ read: 1, inserted: 0, updated: 1, deleted: 0 });
    const after = await itemState('a');
    expect(after?.updated_at.getTime()).toBeGreaterThan(before!.updated_at.getTime());
    // insertOnly and hub-owned columns survive the update.
    expect(after?.created_at).toEqual(before?.created_at);
    expect(after?.hub_note).toBe('kept');
  });

  it('counts retiring the same key twice once, in one batch or in two, and leaves a retired row alone', async () => {
    await mergeItems([item('a'), item('b')]);
    expect(counts(await mergeItems([], [{ id: 'a' }, { id: 'a' }]))).toEqual({ read: 0, inserted: 0, updated: 0, deleted: 1 });
    const retired = await itemState('a');
    expect(retired?.status).toBe('RETIRED');
    expect(counts(await mergeItems([], [{ id: 'a' }], { returnChangedKeys: true }))).toEqual({ read: 0, inserted: 0, updated: 0, deleted: 0 });
    expect(await itemState('a')).toEqual(retired);
    expect((await itemState('b'))?.status).toBe('ACTIVE');
  });

  it('counts deletions of keys that are not there as 0', async () => {
    await merge((c) => mergeRows(c, LINE, [{ order_id: 'o1', line_no: 1, qty: 1 }]));
    const result = await merge((c) => mergeRows(c, LINE, [], [{ order_id: 'o1', line_no: 2 }, { order_id: 'o9', line_no: 1 }]));
    expect(counts(result)).toEqual({ read: 0, inserted: 0, updated: 0, deleted: 0 });
    expect((await pool.query(`select count(*)::int as n from "${SCHEMA}".line`)).rows[0].n).toBe(1);
  });

  it('reports as changedKeys the first key column of rows inserted, changed or deleted, and nothing else', async () => {
    const options = { returnChangedKeys: true };
    const inserted = await mergeItems([item('a'), item('b'), item('c')], [], options);
    expect(inserted.changedKeys.sort()).toEqual(['a', 'b', 'c']);

    const statusOnly = await mergeItems([item('a'), item('b', { status: 'BLOCKED' }), item('c')], [], options);
    expect(statusOnly.changedKeys).toEqual(['b']);
    expect(counts(statusOnly)).toEqual({ read: 3, inserted: 0, updated: 1, deleted: 0 });

    const deleted = await mergeItems([], [{ id: 'c' }, { id: 'missing' }], options);
    expect(deleted.changedKeys).toEqual(['c']);

    const lines = await merge((c) =>
      mergeRows(c, LINE, [{ order_id: 'o1', line_no: 1, qty: 1 }, { order_id: 'o1', line_no: 2, qty: 1 }, { order_id: 'o2', line_no: 1, qty: 1 }], [], options),
    );
    expect(lines.changedKeys.sort()).toEqual(['o1', 'o1', 'o2']);
    const removed = await merge((c) => mergeRows(c, LINE, [], [{ order_id: 'o2', line_no: 1 }], options));
    expect(removed.changedKeys).toEqual(['o2']);
  });

  it('reports as changedKeys the named column instead, for rows changed and rows deleted, and refuses a column the target lacks', async () => {
    await merge((c) => mergeRows(c, LINE, [{ order_id: 'o5', line_no: 1, qty: 1 }, { order_id: 'o5', line_no: 2, qty: 2 }]));
    const changed = await merge((c) => mergeRows(c, LINE, [{ order_id: 'o5', line_no: 1, qty: 1 }, { order_id: 'o5', line_no: 2, qty: 7 }], [], { returnChangedKeys: 'qty' }));
    expect(changed.changedKeys).toEqual(['7']);
    const removed = await merge((c) => mergeRows(c, LINE, [], [{ order_id: 'o5', line_no: 1 }], { returnChangedKeys: 'line_no' }));
    expect(removed.changedKeys).toEqual(['1']);
    await expect(merge((c) => mergeRows(c, LINE, [], [{ order_id: 'o5', line_no: 2 }], { returnChangedKeys: 'price' }))).rejects.toThrow('has no column price');
  });

  it('merges batches and deletions spanning several COPY chunks completely, special characters included', async () => {
    const count = 5000;
    const id = (i: number) => `item-${String(i).padStart(40, '0')}`;
    const rows = Array.from({ length: count }, (_, i) => item(id(i), { name: `Name ${i}\twith\\tab\nand newline ${'x'.repeat(100)}`, tags: [`t${i}`, 'q"uote'] }));
    const lineChars = rows.reduce((sum, r) => sum + r.name!.length + id(0).length + 60, 0);
    expect(lineChars).toBeGreaterThan(5 * COPY_CHUNK_CHARS);

    expect(counts(await mergeItems(rows))).toEqual({ read: count, inserted: count, updated: 0, deleted: 0 });
    const stored = await pool.query(`select id, name, tags from "${SCHEMA}".item order by id`);
    expect(stored.rows).toEqual(rows.map((r) => ({ id: r.id, name: r.name, tags: r.tags })));

    // Deletion keys are ~50 characters each: 5000 of them need several chunks too.
    const keys = rows.map((_, i) => ({ id: id(i) }));
    expect(counts(await mergeItems([], keys))).toEqual({ read: 0, inserted: 0, updated: 0, deleted: count });
    expect((await pool.query(`select count(*)::int as n from "${SCHEMA}".item where status = 'RETIRED'`)).rows[0].n).toBe(count);
  });

  it('reports no changedKeys unless asked for them, for upserts and deletions alike', async () => {
    const upserted = await mergeItems([item('a'), item('b')]);
    expect(upserted).toEqual({ read: 2, inserted: 2, updated: 0, deleted: 0, changedKeys: [] });
    const changed = await mergeItems([item('a', { name: 'renamed' })], [{ id: 'b' }]);
    expect(changed).toEqual({ read: 1, inserted: 0, updated: 1, deleted: 1, changedKeys: [] });
    const removed = await merge((c) => mergeRows(c, LINE, [{ order_id: 'o1', line_no: 1, qty: 1 }], [{ order_id: 'o1', line_no: 1 }]));
    expect(removed).toEqual({ read: 1, inserted: 1, updated: 0, deleted: 1, changedKeys: [] });
    // Not even placeholders (toEqual would not tell [] from [undefined]).
    expect([upserted, changed, removed].map((r) => r.changedKeys.length)).toEqual([0, 0, 0]);
  });

  it('leaves an existing row of only key columns alone, even with an onChange timestamp', async () => {
    const members = [{ group_id: 'g', member: 'anna' }, { group_id: 'g', member: 'erik' }];
    expect(counts(await merge((c) => mergeRows(c, MEMBER, members, [], { returnChangedKeys: true })))).toEqual({ read: 2, inserted: 2, updated: 0, deleted: 0 });
    await pool.query(`update "${SCHEMA}".member set updated_at = '2020-01-01T00:00:00Z'`);
    const state = async () => (await pool.query(`select member, xmin::text as xmin, updated_at from "${SCHEMA}".member order by member`)).rows;
    const before = await state();
    const again = await merge((c) => mergeRows(c, MEMBER, [...members, { group_id: 'g', member: 'liis' }], [], { returnChangedKeys: true }));
    expect(again).toEqual({ read: 3, inserted: 1, updated: 0, deleted: 0, changedKeys: ['g'] });
    expect((await state()).slice(0, 2)).toEqual(before);

    expect(counts(await merge((c) => mergeRows(c, TAG, [{ item_id: 'a', tag: 'red' }])))).toEqual({ read: 1, inserted: 1, updated: 0, deleted: 0 });
    expect(counts(await merge((c) => mergeRows(c, TAG, [{ item_id: 'a', tag: 'red' }, { item_id: 'a', tag: 'red' }])))).toEqual({ read: 2, inserted: 0, updated: 0, deleted: 0 });
  });

  it('retires a row when any of the retired values differs, and leaves one alone that has them all', async () => {
    const row = (id: string, status: string, qty: string) => ({ id, 'say "hi"': `hello ${id}`, status, qty });
    await merge((c) => mergeRows(c, STOCK, [row('a', 'ACTIVE', '5'), row('b', 'GONE', '5'), row('c', 'ACTIVE', '0'), row('d', 'GONE', '0')]));
    const result = await merge((c) => mergeRows(c, STOCK, [], [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], { returnChangedKeys: true }));
    expect(counts(result)).toEqual({ read: 0, inserted: 0, updated: 0, deleted: 3 });
    expect(result.changedKeys.sort()).toEqual(['a', 'b', 'c']);
    const stored = await pool.query(`select id, "say ""hi""" as said, status, qty::text as qty from "${SCHEMA}".stock order by id`);
    expect(stored.rows).toEqual(['a', 'b', 'c', 'd'].map((id) => ({ id, said: `hello ${id}`, status: 'GONE', qty: '0' })));
  });

  it('stages only what the batch has: no row table for deletions alone, no deletion table for rows alone', async () => {
    const statements: string[] = [];
    const recording = (client: PoolClient) =>
      new Proxy(client, {
        get: (target, property) =>
          property === 'query'
            ? (...args: unknown[]) => {
                const [first] = args;
                statements.push(typeof first === 'string' ? first : String((first as { text?: string }).text ?? 'copy'));
                return (target.query as (...a: unknown[]) => unknown).apply(target, args);
              }
            : Reflect.get(target, property),
      });
    await merge((c) => mergeRows(recording(c), ITEM, [item('a')]));
    expect(statements.some((sql) => sql.includes('ingest_stage_item'))).toBe(true);
    expect(statements.some((sql) => sql.includes('ingest_delete_item'))).toBe(false);
    statements.length = 0;
    await merge((c) => mergeRows(recording(c), ITEM, [], [{ id: 'a' }]));
    expect(statements.some((sql) => sql.includes('ingest_delete_item'))).toBe(true);
    expect(statements.some((sql) => sql.includes('ingest_stage_item'))).toBe(false);
    statements.length = 0;
    expect(await merge((c) => mergeRows(recording(c), ITEM, [], []))).toEqual({ read: 0, inserted: 0, updated: 0, deleted: 0, changedKeys: [] });
    expect(statements).toEqual([]);
  });

  describe('refuses a mis-shaped row, naming table and column, and writes nothing', () => {
    const table = `${SCHEMA}.item`;
    const valid = () => Array.from({ length: 2000 }, (_, i) => item(`n${i}`, { name: `${'y'.repeat(100)} ${i}` }));

    beforeEach(async () => {
      await mergeItems([item('n0', { name: 'original' })]);
    });

    async function expectNothingWritten(): Promise<void> {
      const rows = await pool.query(`select id, name from "${SCHEMA}".item`);
      expect(rows.rows).toEqual([{ id: 'n0', name: 'original' }]);
    }

    it('a row lacking a column', async () => {
      const rows = valid();
      delete (rows[0] as Partial<ItemRow>).qty;
      await expect(mergeItems(rows)).rejects.toThrow(`${table}: the first row lacks column "qty"`);
      await expectNothingWritten();
    });

    it('a row with a column the target does not declare', async () => {
      const rows = valid();
      (rows[0] as Record<string, unknown>).colour = 'red';
      await expect(mergeItems(rows)).rejects.toThrow(`${table}: the first row has column "colour", which the merge target does not declare`);
      await expectNothingWritten();
    });

    it('an undefined value in any row, even after COPY chunks were sent', async () => {
      const rows = valid();
      (rows[1500] as Record<string, unknown>).status = undefined;
      await expect(mergeItems(rows)).rejects.toThrow(`${table}: column "status" is undefined in a row (use null for no value)`);
      await expectNothingWritten();
    });

    it('a row lacking a column after the first', async () => {
      const rows = valid();
      delete (rows[1999] as Partial<ItemRow>).name;
      await expect(mergeItems(rows)).rejects.toThrow(`${table}: column "name" is undefined`);
      await expectNothingWritten();
    });

    it('a deletion key with a column that is not the key', async () => {
      await expect(mergeItems([], [{ id: 'n0', name: 'x' } as KeyOf<typeof ITEM>])).rejects.toThrow(
        `${table}: the first deleted key has column "name", which the merge target does not declare`,
      );
      await expect(mergeItems([], [{} as KeyOf<typeof ITEM>])).rejects.toThrow(`${table}: the first deleted key lacks column "id"`);
      expect((await itemState('n0'))?.status).toBe('ACTIVE');
    });
  });
});

describe('copyChunks', () => {
  const lines = (sizes: number[]) => sizes.map((n, i) => String(i % 10).repeat(n));
  const chunksOf = (rows: string[]) => [...copyChunks(rows, (row) => row)];

  it('groups the lines into writes of just over COPY_CHUNK_CHARS, in order, the rest in a last shorter one', () => {
    const rows = lines(Array.from({ length: 10 }, () => 20_000));
    const chunks = chunksOf(rows);
    expect(chunks.map((c) => c.length)).toEqual([80_000, 80_000, 40_000]);
    expect(chunks.join('')).toBe(rows.join(''));
  });

  it('writes a buffer only once it is over the size, not when it is exactly the size', () => {
    expect(chunksOf(lines([COPY_CHUNK_CHARS, 1])).map((c) => c.length)).toEqual([COPY_CHUNK_CHARS + 1]);
    expect(chunksOf(lines([COPY_CHUNK_CHARS - 1, 1, 5])).map((c) => c.length)).toEqual([COPY_CHUNK_CHARS + 5]);
    expect(chunksOf(lines([COPY_CHUNK_CHARS + 1, 3])).map((c) => c.length)).toEqual([COPY_CHUNK_CHARS + 1, 3]);
  });

  it('never writes an empty chunk', () => {
    expect(chunksOf(lines([COPY_CHUNK_CHARS + 1]))).toHaveLength(1);
    expect(chunksOf([])).toEqual([]);
    expect(chunksOf(['', ''])).toEqual([]);
  });

  it('hands each row its index to encode', () => {
    expect([...copyChunks(['a', 'b', 'c'], (row, i) => `${row}${i};`)]).toEqual(['a0;b1;c2;']);
  });
});

describe('sumResults', () => {
  it('sums the counts and concatenates the changed keys', () => {
    const a: MergeResult = { read: 3, inserted: 1, updated: 1, deleted: 0, changedKeys: ['a', 'b'] };
    const b: MergeResult = { read: 2, inserted: 0, updated: 2, deleted: 4, changedKeys: ['c'] };
    expect(sumResults([a, b])).toEqual({ read: 5, inserted: 1, updated: 3, deleted: 4, changedKeys: ['a', 'b', 'c'] });
    expect(sumResults([])).toEqual({ read: 0, inserted: 0, updated: 0, deleted: 0, changedKeys: [] });
  });
});
