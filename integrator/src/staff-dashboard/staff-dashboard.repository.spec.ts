import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { integratorSubgraph } from '../integrator-subgraph';
import { IntegratorDashboardRepository } from './staff-dashboard.repository';

describe('IntegratorDashboardRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph]);
    const run = (status: string, startedAt: string) =>
      db.pool.query(
        `insert into integrator.sync_run (id, operation, trigger, status, started_at, finished_at, pages, rows_read, rows_inserted, rows_updated, rows_deleted)
         values (gen_random_uuid(), 'products', 'SCHEDULE', $1, $2, $2, 1, 0, 0, 0, 0) returning id`,
        [status, startedAt],
      );
    await run('FAILED', '2026-06-10T00:00:00Z');
    await run('FAILED', '2026-06-10T23:00:00Z');
    await run('SUCCEEDED', '2026-06-10T12:00:00Z');
    await run('FAILED', '2026-06-11T00:00:00Z');
    const { rows: [last] } = await run('FAILED', '2026-06-12T08:00:00Z');
    await db.pool.query(
      `insert into integrator.sync_operation (name, interval_seconds, paused, cursor_updated_at, last_run_id, last_success_at)
       values ('products', 60, false, now() - interval '90 seconds', $1, now() - interval '1 hour'), ('stock', 60, true, null, null, null)`,
      [last.id],
    );
  });
  afterAll(() => db?.drop());

  it("counts the day's failed runs only", async () => {
    expect(await new IntegratorDashboardRepository(db.em()).failedRuns(new Date('2026-06-10T00:00:00Z'), new Date('2026-06-11T00:00:00Z'))).toBe(2);
  });

  it("gives each operation's cursor age and latest run", async () => {
    const [products, stock] = await new IntegratorDashboardRepository(db.em()).operations();
    expect(products).toMatchObject({ operation: 'products', paused: false, lastRunStatus: 'FAILED', lastSuccessAt: expect.any(Date) });
    expect(products.cursorAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(products.cursorAgeSeconds).toBeLessThan(3600);
    expect(stock).toEqual({ operation: 'stock', paused: true, lastSuccessAt: null, cursorAgeSeconds: null, lastRunStatus: null });
  });
});
