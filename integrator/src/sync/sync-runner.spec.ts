import { PoolClient } from 'pg';
import { inTransaction } from '@hub/database';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ChangePage, ErpAdapter, ErpError } from '@hub/erp-contract';
import { IngestPage, MergeResult } from '@hub/ingest';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncOperationRepository } from './sync-operation.repository';
import { SyncOperationDefinition } from './sync-registry';
import { runSyncOperation } from './sync-runner';

type Row = { key: string };

/** An ERP whose pages the test scripts, by cursor; every pull is logged. */
function scriptedErp(pages: Record<string, ChangePage<Row> | Error>): { adapter: ErpAdapter; pulls: Array<[string, string | null, number]> } {
  const pulls: Array<[string, string | null, number]> = [];
  const adapter = {
    name: 'scripted',
    pullChanges: async (kind: string, cursor: string | null, pageSize: number) => {
      pulls.push([kind, cursor, pageSize]);
      const page = pages[cursor ?? 'start'];
      if (!page) throw new Error(`no page for cursor ${cursor}`);
      if (page instanceof Error) throw page;
      return page;
    },
  } as unknown as ErpAdapter;
  return { adapter, pulls };
}

const page = (keys: string[], nextCursor: string, hasMore: boolean, deletions: string[] = []): ChangePage<Row> => ({ rows: keys.map((key) => ({ key })), deletions, nextCursor, hasMore });

describe('runSyncOperation (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const ingested: Array<IngestPage<unknown>> = [];

  /** An operation whose ingest writes its rows into a table of the spec database, on the run's client. */
  const operation = (name: string, ingest?: (client: PoolClient, p: IngestPage<unknown>) => Promise<MergeResult>): SyncOperationDefinition => ({
    source: 'erp',
    name,
    owner: 'spec',
    ingestedBy: ['spec'],
    defaultIntervalSeconds: 60,
    description: name,
    runsAfter: [],
    ingest:
      ingest ??
      (async (client, p) => {
        ingested.push(p);
        const keys = (p.rows as Row[]).map((r) => r.key);
        if (keys.length) await client.query('insert into public.synced (operation, key) select $1, unnest($2::text[])', [name, keys]);
        const deleted = p.deletions.length ? (await client.query('delete from public.synced where operation = $1 and key = any($2::text[])', [name, p.deletions])).rowCount ?? 0 : 0;
        return { read: p.rows.length, inserted: keys.length, updated: 0, deleted, changedKeys: [...keys, ...p.deletions] };
      }),
  });

  const synced = async (name: string) => (await db.pool.query('select key from public.synced where operation = $1 order by key', [name])).rows.map((r) => r.key);
  const state = async (name: string) => (await db.pool.query('select cursor, last_run_id, last_success_at from integrator.sync_operation where name = $1', [name])).rows[0];
  const runRow = async (id: string) =>
    (await db.pool.query('select operation, trigger, status, pages, rows_read, rows_inserted, rows_updated, rows_deleted, error, finished_at is not null as finished from integrator.sync_run where id = $1', [id])).rows[0];

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph], { poolMax: 4 });
    await db.pool.query('create table public.synced (operation text, key text, primary key (operation, key))');
    await new SyncOperationRepository(db.pool).ensure(['chained', 'failing', 'corrupt', 'locked', 'interrupted', 'sized', 'resumed'].map((name) => ({ name, defaultIntervalSeconds: 60 })));
  });
  afterAll(() => db?.drop());
  beforeEach(() => {
    ingested.length = 0;
  });

  it('follows the pages from the stored cursor through the ingest, in one transaction with the new cursor, and records the run', async () => {
    const { adapter, pulls } = scriptedErp({ start: page(['a', 'b'], 'c1', true), c1: page(['c'], 'c2', true, ['a']), c2: page([], 'c3', false) });
    const changed: Array<[string, string[]]> = [];
    const told: string[] = [];
    const outcome = await runSyncOperation(
      { pool: db.pool, adapter, onRunChanged: (id) => told.push(id), afterPage: async (_client, op, keys) => void changed.push([op, keys]) },
      operation('chained'),
      'MANUAL',
    );
    expect(outcome).toEqual({ status: 'SUCCEEDED', runId: expect.any(String), error: null, pages: 3, rowsRead: 4, rowsInserted: 3, rowsUpdated: 0, rowsDeleted: 1 });
    const runId = (outcome as { runId: string }).runId;
    expect(pulls).toEqual([['chained', null, 5000], ['chained', 'c1', 5000], ['chained', 'c2', 5000]]);
    expect(await synced('chained')).toEqual(['b', 'c']);
    expect(await state('chained')).toMatchObject({ cursor: 'c3', last_run_id: runId, last_success_at: expect.any(Date) });
    expect(await runRow(runId)).toEqual({ operation: 'chained', trigger: 'MANUAL', status: 'SUCCEEDED', pages: 3, rows_read: 4, rows_inserted: 3, rows_updated: 0, rows_deleted: 1, error: null, finished: true });
    // Told at the start and at the end; afterPage only for pages that changed something.
    expect(told).toEqual([runId, runId]);
    expect(changed).toEqual([['chained', ['a', 'b']], ['chained', ['c', 'a']]]);

    // The next run starts from the stored cursor.
    const next = scriptedErp({ c3: page(['d'], 'c4', false) });
    expect(await runSyncOperation({ pool: db.pool, adapter: next.adapter, pageSize: 100 }, operation('chained'), 'SCHEDULE')).toMatchObject({ status: 'SUCCEEDED', pages: 1, rowsRead: 1 });
    expect(next.pulls).toEqual([['chained', 'c3', 100]]);
  });

  it('rolls back every page and keeps the cursor when the ERP fails mid-run; the run is FAILED with the classified error', async () => {
    await inTransaction(db.pool, (client) => client.query("update integrator.sync_operation set cursor = 'kept' where name = 'failing'"));
    const { adapter } = scriptedErp({ kept: page(['x', 'y'], 'k1', true), k1: new ErpError('TRANSIENT', 'the ERP timed out') });
    const told: string[] = [];
    const outcome = await runSyncOperation({ pool: db.pool, adapter, onRunChanged: (id) => told.push(id) }, operation('failing'), 'SCHEDULE');
    expect(outcome).toEqual({ status: 'FAILED', runId: expect.any(String), error: 'TRANSIENT: the ERP timed out', pages: 1, rowsRead: 2, rowsInserted: 2, rowsUpdated: 0, rowsDeleted: 0 });
    const runId = (outcome as { runId: string }).runId;
    expect(await synced('failing')).toEqual([]);
    expect(await state('failing')).toMatchObject({ cursor: 'kept', last_run_id: runId, last_success_at: null });
    expect(await runRow(runId)).toMatchObject({ status: 'FAILED', error: 'TRANSIENT: the ERP timed out', pages: 1, rows_read: 2, finished: true });
    expect(told).toEqual([runId, runId]);
  });

  it('fails the run with the error of an ingest that refuses a page, writing nothing', async () => {
    const { adapter } = scriptedErp({ start: page(['ok'], 'p1', true), p1: page(['bad'], 'p2', false) });
    let calls = 0;
    const refusing = operation('corrupt', async (client, p) => {
      if (++calls === 2) throw new Error('a corrupt page: price is not a number');
      await client.query("insert into public.synced (operation, key) values ('corrupt', $1)", [(p.rows[0] as Row).key]);
      return { read: 1, inserted: 1, updated: 0, deleted: 0, changedKeys: [] };
    });
    expect(await runSyncOperation({ pool: db.pool, adapter }, refusing, 'MANUAL')).toMatchObject({ status: 'FAILED', error: 'a corrupt page: price is not a number', pages: 1 });
    expect(await synced('corrupt')).toEqual([]);
    expect((await state('corrupt')).cursor).toBeNull();
  });

  it('skips, recording nothing, while another process holds the operation', async () => {
    const { adapter, pulls } = scriptedErp({ start: page(['a'], 'c1', false) });
    await inTransaction(db.pool, async (holder) => {
      await holder.query('select pg_advisory_xact_lock(hashtext($1))', ['sync:locked']);
      expect(await runSyncOperation({ pool: db.pool, adapter }, operation('locked'), 'SCHEDULE')).toEqual({ status: 'SKIPPED' });
    });
    expect(pulls).toEqual([]);
    expect((await db.pool.query("select count(*)::int as n from integrator.sync_run where operation = 'locked'")).rows[0].n).toBe(0);
  });

  it('fails runs a stopped process left RUNNING before it starts its own', async () => {
    const { rows } = await db.pool.query(
      "insert into integrator.sync_run (id, operation, trigger, status, started_at, pages, rows_read, rows_inserted, rows_updated, rows_deleted) values (gen_random_uuid(), 'interrupted', 'SCHEDULE', 'RUNNING', now() - interval '1 hour', 0, 0, 0, 0, 0) returning id",
    );
    const { adapter } = scriptedErp({ start: page([], 'c1', false) });
    expect(await runSyncOperation({ pool: db.pool, adapter }, operation('interrupted'), 'STARTUP')).toMatchObject({ status: 'SUCCEEDED', pages: 1, rowsRead: 0 });
    expect(await runRow(rows[0].id)).toMatchObject({ status: 'FAILED', error: 'interrupted: the integrator stopped during the run', finished: true });
  });

  it('asks for the next page while merging the current one', async () => {
    const order: string[] = [];
    let releaseMerge: () => void = () => undefined;
    const adapter = {
      pullChanges: async (_kind: string, cursor: string | null) => {
        order.push(`pull ${cursor}`);
        return cursor === null ? page(['a'], 'n1', true) : page(['b'], 'n2', false);
      },
    } as unknown as ErpAdapter;
    const slow = operation('sized', async (_client, p) => {
      order.push(`merge ${(p.rows[0] as Row).key}`);
      if ((p.rows[0] as Row).key === 'a') await new Promise<void>((resolve) => (releaseMerge = resolve)).then(() => order.push('merged a'));
      return { read: 1, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
    });
    const running = runSyncOperation({ pool: db.pool, adapter }, slow, 'MANUAL');
    await until(() => order.includes('merge a'));
    await until(() => order.includes('pull n1'));
    releaseMerge();
    expect(await running).toMatchObject({ status: 'SUCCEEDED', pages: 2 });
    expect(order).toEqual(['pull null', 'pull n1', 'merge a', 'merged a', 'merge b']);
  });

  it('rethrows a failure before the run was recorded (the database itself)', async () => {
    const { adapter } = scriptedErp({});
    const broken = { ...db.pool, connect: async () => Promise.reject(new Error('connection refused')) } as unknown as typeof db.pool;
    await expect(runSyncOperation({ pool: broken, adapter }, operation('resumed'), 'MANUAL')).rejects.toThrow('connection refused');
  });
});

/** Waits for a condition the code under test reaches by itself (microtasks and I/O), with a deadline. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
