import { inTransaction } from '@hub/database';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ErpAdapter } from '@hub/erp-contract';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncOperationRepository } from './sync-operation.repository';
import { SyncOperationDefinition, SyncRegistry } from './sync-registry';
import { SyncScheduler } from './sync-scheduler';

describe('SyncScheduler (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let pulls = 0;
  const adapter = { name: 'spec', pullChanges: async () => (pulls++, { rows: [], deletions: [], nextCursor: 'c', hasMore: false }) } as unknown as ErpAdapter;
  const operation: SyncOperationDefinition = {
    source: 'erp', name: 'held', owner: 'spec', ingestedBy: ['spec'], defaultIntervalSeconds: 3600, description: 'held', runsAfter: [],
    ingest: async (_client, page) => ({ read: page.rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] }),
  };
  const registry = { all: [operation], find: (name: string) => (name === operation.name ? operation : undefined) } as unknown as SyncRegistry;
  const state = async () => (await db.pool.query('select run_requested, run_once_at is not null as once from integrator.sync_operation where name = $1', [operation.name])).rows[0];
  const runs = async () => (await db.pool.query('select trigger, status from integrator.sync_run where operation = $1 order by started_at', [operation.name])).rows;

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph], { poolMax: 4 });
    await new SyncOperationRepository(db.pool).ensure([{ name: operation.name, defaultIntervalSeconds: 3600 }]);
  });
  afterAll(() => db?.drop());

  it('keeps a staff request and a one-off run that found the operation running elsewhere, and runs them once it has finished', async () => {
    const scheduler = new SyncScheduler({ pool: db.pool, adapter, registry });
    const operations = new SyncOperationRepository(db.pool);
    await operations.request([operation.name]);
    await db.pool.query(`update integrator.sync_operation set run_once_at = now() - interval '1 second' where name = $1`, [operation.name]);
    // Another process runs the operation (holds its lock) while this one takes the request and the one-off run.
    await inTransaction(db.pool, async (elsewhere) => {
      await elsewhere.query('select pg_advisory_xact_lock(hashtext($1))', [`sync:${operation.name}`]);
      expect(await scheduler.runOperation(operation.name, 'MANUAL')).toEqual({ status: 'SKIPPED' });
      expect(await scheduler.runOperation(operation.name, 'ONCE')).toEqual({ status: 'SKIPPED' });
      expect(await state()).toEqual({ run_requested: true, once: true });
    });
    expect(pulls).toBe(0);
    // Once it is free, the next ticks run the request, then the one-off run, each once.
    await scheduler.tick();
    await scheduler.stop();
    await scheduler.tick();
    await scheduler.stop();
    expect(await runs()).toEqual([{ trigger: 'MANUAL', status: 'SUCCEEDED' }, { trigger: 'ONCE', status: 'SUCCEEDED' }]);
    expect(await state()).toEqual({ run_requested: false, once: false });
    expect(pulls).toBe(2);
  });
});
