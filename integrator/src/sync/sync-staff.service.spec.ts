import { randomUUID } from 'node:crypto';
import { Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { SubgraphModule } from '@hub/subgraph-kit';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncOperationRepository } from './sync-operation.repository';
import { SyncRegistry } from './sync-registry';
import { SyncStaffService } from './sync-staff.service';

const noIngest = async () => ({ read: 0, inserted: 0, updated: 0, deleted: 0, changedKeys: [] });
/** Two modules' kinds; products runs after categories, so a first full sync runs categories first. */
const registry = new SyncRegistry([
  { name: 'catalogue', sync: { kinds: [{ kind: 'products', ingest: noIngest, defaultIntervalSeconds: 900, description: 'Items', runsAfter: ['categories'] }, { kind: 'categories', ingest: noIngest, defaultIntervalSeconds: 3600, description: 'Web categories' }] } },
  { name: 'stock', sync: { kinds: [{ kind: 'stock', ingest: noIngest, defaultIntervalSeconds: 60, description: 'Stock levels' }] } },
] as unknown as SubgraphModule[]);

const staff = (permissions: string[] = ['staff.sync'], overrides: Partial<Viewer> = {}): Viewer => ({ userId: randomUUID(), kind: 'STAFF', companyId: null, supplierId: null, permissions, ...overrides });
const syncStaff = staff();

/** The refusal of a call; some methods refuse bad input before they return a promise, so a function is taken too. */
async function failure(call: Promise<unknown> | (() => Promise<unknown>)): Promise<{ code: unknown; message: string; field?: unknown }> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    const extensions = (error as { extensions?: { code?: unknown; field?: unknown } }).extensions;
    return { code: extensions?.code, message: (error as Error).message, ...(extensions?.field ? { field: extensions.field } : {}) };
  }
  throw new Error('expected a refusal');
}

describe('SyncStaffService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const service = () => new SyncStaffService(db.em(), registry);
  const row = async (name: string) => (await db.pool.query('select interval_seconds, paused, next_run_at, run_requested, run_once_at, last_run_at from integrator.sync_operation where name = $1', [name])).rows[0];

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph]);
    await new SyncOperationRepository(db.pool).ensure([...registry.all, { name: 'another-hubs-kind', defaultIntervalSeconds: 60 }]);
  });
  afterAll(() => db?.drop());

  it('lists the registry\'s operations in the order a first full sync runs them, with their descriptions', async () => {
    expect((await service().operations(syncStaff)).map((op) => op.name)).toEqual(['categories', 'products', 'stock']);
    expect(service().description('stock')).toBe('Stock levels');
    expect(service().description('nothing')).toBe('');
  });

  it('needs staff.sync (or staff.admin) for everything, and never while signed in as another user', async () => {
    expect((await service().operations(staff(['staff.admin']))).length).toBe(3);
    for (const viewer of [staff(['staff.orders']), staff(['staff.sync'], { actorId: randomUUID() }), { ...staff(), kind: 'CUSTOMER' as const }]) {
      expect((await failure(service().operations(viewer))).code).toBe('FORBIDDEN');
      expect((await failure(service().pause(viewer, 'stock'))).code).toBe('FORBIDDEN');
      expect((await failure(service().runs(viewer, null, 10))).code).toBe('FORBIDDEN');
    }
    expect((await failure(service().runNow(null, 'stock'))).code).toBe('UNAUTHENTICATED');
    expect((await row('stock')).paused).toBe(false);
  });

  it('refuses an operation the registry does not know, naming the known ones', async () => {
    const unknown = { code: 'BAD_USER_INPUT', message: 'Unknown sync operation "teleport". Known: categories, products, stock.', field: 'operation' };
    expect(await failure(service().pause(syncStaff, 'teleport'))).toEqual(unknown);
    expect(await failure(service().runs(syncStaff, 'teleport', 10))).toEqual(unknown);
    // A row of another hub's modules is not this hub's to steer.
    expect((await failure(service().pause(syncStaff, 'another-hubs-kind'))).code).toBe('BAD_USER_INPUT');
  });

  it('asks for a run now, pauses, and resumes catching up at once when the next run is overdue', async () => {
    expect((await service().runNow(syncStaff, 'stock')).runRequested).toBe(true);
    expect((await row('stock')).run_requested).toBe(true);
    expect((await service().pause(syncStaff, 'stock')).paused).toBe(true);

    await db.pool.query("update integrator.sync_operation set next_run_at = now() - interval '1 hour' where name = 'stock'");
    const before = Date.now();
    const resumed = await service().resume(syncStaff, 'stock');
    expect(resumed.paused).toBe(false);
    expect(resumed.nextRunAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(resumed.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    // Not overdue: the schedule stays.
    const later = new Date(Date.now() + 3_600_000);
    await db.pool.query('update integrator.sync_operation set paused = true, next_run_at = $1 where name = $2', [later, 'categories']);
    expect((await service().resume(syncStaff, 'categories')).nextRunAt).toEqual(later);
  });

  it('re-times an operation from its last run (or from now when it never ran), refusing bad intervals', async () => {
    const lastRun = new Date('2026-11-22T10:00:00Z');
    await db.pool.query('update integrator.sync_operation set last_run_at = $1 where name = $2', [lastRun, 'products']);
    const timed = await service().setInterval(syncStaff, 'products', '00:10:00');
    expect(timed.intervalSeconds).toBe(600);
    expect(timed.nextRunAt).toEqual(new Date(lastRun.getTime() + 600_000));
    expect((await row('products')).interval_seconds).toBe(600);

    await db.pool.query('update integrator.sync_operation set last_run_at = null where name = $1', ['categories']);
    const before = Date.now();
    const fresh = await service().setInterval(syncStaff, 'categories', '01:00:00');
    expect(fresh.nextRunAt!.getTime()).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(fresh.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000 + 1000);

    expect((await failure(() => service().setInterval(syncStaff, 'products', '00:00:00'))).field).toBe('interval');
    expect((await row('products')).interval_seconds).toBe(600);
  });

  it('schedules a one-off run within a year', async () => {
    const at = new Date(Date.now() + 60_000);
    expect((await service().scheduleOnce(syncStaff, 'stock', at)).runOnceAt).toEqual(at);
    expect((await row('stock')).run_once_at).toEqual(at);
    expect(await failure(() => service().scheduleOnce(syncStaff, 'stock', new Date('not a date')))).toEqual({ code: 'BAD_USER_INPUT', message: 'at must be a date-time.', field: 'at' });
    expect(await failure(() => service().scheduleOnce(syncStaff, 'stock', new Date(Date.now() + 367 * 86400_000)))).toEqual({ code: 'BAD_USER_INPUT', message: 'at must be within a year.', field: 'at' });
    await expect(service().scheduleOnce(syncStaff, 'stock', new Date(Date.now() + 365 * 86400_000))).resolves.toBeDefined();
  });

  it("lists runs newest first, of one operation or all, 1 to 500 a page; finds a run by id", async () => {
    const insert = async (operation: string, minutes: number) =>
      (
        await db.pool.query(
          "insert into integrator.sync_run (id, operation, trigger, status, started_at, pages, rows_read, rows_inserted, rows_updated, rows_deleted) values (gen_random_uuid(), $1, 'SCHEDULE', 'SUCCEEDED', now() - $2 * interval '1 minute', 1, 0, 0, 0, 0) returning id",
          [operation, minutes],
        )
      ).rows[0].id as string;
    const oldStock = await insert('stock', 30);
    const newStock = await insert('stock', 10);
    const products = await insert('products', 20);
    expect((await service().runs(syncStaff, 'stock', 10)).map((r) => r.id)).toEqual([newStock, oldStock]);
    expect((await service().runs(syncStaff, null, 10)).map((r) => r.id)).toEqual([newStock, products, oldStock]);
    expect((await service().runs(syncStaff, undefined, 1)).map((r) => r.id)).toEqual([newStock]);
    expect((await failure(service().runs(syncStaff, null, 0))).code).toBe('BAD_USER_INPUT');
    expect((await failure(service().runs(syncStaff, null, 501))).code).toBe('BAD_USER_INPUT');
    await expect(service().runs(syncStaff, null, 500)).resolves.toHaveLength(3);

    expect((await service().run(syncStaff, products)).operation).toBe('products');
    expect(await failure(service().run(syncStaff, 'run-1'))).toEqual({ code: 'BAD_USER_INPUT', message: 'Sync run id must be a UUID.', field: 'id' });
    const missing = randomUUID();
    expect(await failure(service().run(syncStaff, missing))).toEqual({ code: 'NOT_FOUND', message: `Sync run ${missing} was not found.` });
  });
});
