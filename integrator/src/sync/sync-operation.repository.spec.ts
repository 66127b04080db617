import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncOperationRepository } from './sync-operation.repository';

interface OperationRow {
  name: string;
  interval_seconds: number;
  paused: boolean;
  run_requested: boolean;
  run_once_at: Date | null;
  /** Whole seconds from now, rounded up (negative: past); null without a time. */
  next_in: number | null;
}

describe('SyncOperationRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let operations: SyncOperationRepository;
  const rows = async (): Promise<OperationRow[]> =>
    (
      await db.pool.query<OperationRow>(
        `select name, interval_seconds, paused, run_requested, run_once_at, ceil(extract(epoch from next_run_at - now()))::int as next_in
           from integrator.sync_operation order by name`,
      )
    ).rows;
  const set = (name: string, assignments: string) => db.pool.query(`update integrator.sync_operation set ${assignments} where name = $1`, [name]);

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph]);
    operations = new SyncOperationRepository(db.pool);
  });
  afterAll(() => db?.drop());
  beforeEach(() => db.pool.query('delete from integrator.sync_operation'));

  it('creates missing operations due one interval from now, and keeps what staff changed', async () => {
    await operations.ensure([{ name: 'products', defaultIntervalSeconds: 900 }, { name: 'stock', defaultIntervalSeconds: 60 }]);
    expect(await rows()).toEqual([
      { name: 'products', interval_seconds: 900, paused: false, run_requested: false, run_once_at: null, next_in: 900 },
      { name: 'stock', interval_seconds: 60, paused: false, run_requested: false, run_once_at: null, next_in: 60 },
    ]);
    await set('stock', 'interval_seconds = 30, paused = true');
    await operations.ensure([{ name: 'stock', defaultIntervalSeconds: 60 }, { name: 'prices', defaultIntervalSeconds: 300 }]);
    expect((await rows()).map((r) => [r.name, r.interval_seconds, r.paused])).toEqual([['prices', 300, false], ['products', 900, false], ['stock', 30, true]]);
  });

  it('lists what is due: requested or once-due even when paused, scheduled only when not paused; requests first, then one-off runs, then the longest waiting', async () => {
    const names = ['a-not-due', 'b-due', 'c-paused-due', 'd-requested-paused', 'e-once-due-paused', 'f-once-later', 'g-due-earlier', 'h-never-scheduled'];
    await operations.ensure(names.map((name) => ({ name, defaultIntervalSeconds: 60 })));
    await set('b-due', `next_run_at = now() - interval '5 seconds'`);
    await set('c-paused-due', `next_run_at = now() - interval '5 seconds', paused = true`);
    await set('d-requested-paused', 'run_requested = true, paused = true');
    await set('e-once-due-paused', `run_once_at = now() - interval '1 second', paused = true`);
    await set('f-once-later', `run_once_at = now() + interval '1 hour'`);
    await set('g-due-earlier', `next_run_at = now() - interval '1 hour'`);
    await set('h-never-scheduled', `next_run_at = null, run_requested = true`);
    expect(await operations.due()).toEqual([
      { name: 'h-never-scheduled', runRequested: true, onceDue: false },
      { name: 'd-requested-paused', runRequested: true, onceDue: false },
      { name: 'e-once-due-paused', runRequested: false, onceDue: true },
      { name: 'g-due-earlier', runRequested: false, onceDue: false },
      { name: 'b-due', runRequested: false, onceDue: false },
    ]);
  });

  it('claims a request, a due one-off run and a due interval run once, whichever process asks first; moves the schedule on, asks for runs', async () => {
    await operations.ensure([{ name: 'a', defaultIntervalSeconds: 120 }, { name: 'b', defaultIntervalSeconds: 60 }, { name: 'c', defaultIntervalSeconds: 60 }]);
    await operations.request(['a', 'b']);
    expect((await rows()).map((r) => r.run_requested)).toEqual([true, true, false]);
    // Two processes saw 'a' requested: the first claim consumes it, the second finds nothing to run.
    expect(await operations.claim('a', 'MANUAL')).toBe(true);
    expect(await operations.claim('a', 'MANUAL')).toBe(false);
    expect((await rows()).map((r) => r.run_requested)).toEqual([false, true, false]);

    await set('a', `run_once_at = now() - interval '1 second'`);
    await set('b', `run_once_at = now() + interval '1 hour'`);
    expect(await operations.claim('a', 'ONCE')).toBe(true);
    expect(await operations.claim('a', 'ONCE')).toBe(false);
    expect(await operations.claim('b', 'ONCE')).toBe(false);
    expect((await rows()).map((r) => r.run_once_at === null)).toEqual([true, false, true]);

    // An interval run: claiming it moves the schedule on, so a second process sees it not due; a paused one is not claimed.
    await set('a', `next_run_at = now() - interval '1 hour'`);
    await set('c', `next_run_at = now() - interval '1 hour', paused = true`);
    expect(await Promise.all([operations.claim('a', 'SCHEDULE'), operations.claim('a', 'SCHEDULE')])).toEqual(expect.arrayContaining([true, false]));
    expect((await rows())[0].next_in).toBe(120);
    expect(await operations.claim('c', 'SCHEDULE')).toBe(false);
    // Each process's run at start-up is its own.
    expect(await operations.claim('c', 'STARTUP')).toBe(true);

    await set('a', `next_run_at = now() - interval '1 hour'`);
    await operations.scheduleNext('a');
    expect((await rows())[0].next_in).toBe(120);
  });
});
