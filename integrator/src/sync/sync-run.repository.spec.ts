import { inTransaction } from '@hub/database';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncOperationRepository } from './sync-operation.repository';
import { SyncRunRepository } from './sync-run.repository';

const COUNTS = { pages: 3, rowsRead: 250, rowsInserted: 10, rowsUpdated: 20, rowsDeleted: 1 };

describe('SyncRunRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let runs: SyncRunRepository;
  const run = async (id: string) => (await db.pool.query('select * from integrator.sync_run where id = $1', [id])).rows[0];
  const operation = async (name: string) => (await db.pool.query('select * from integrator.sync_operation where name = $1', [name])).rows[0];

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph], { poolMax: 4 });
    runs = new SyncRunRepository(db.pool);
    await new SyncOperationRepository(db.pool).ensure([{ name: 'products', defaultIntervalSeconds: 900 }, { name: 'stock', defaultIntervalSeconds: 60 }]);
  });
  afterAll(() => db?.drop());

  it("takes an operation's lock for the transaction only, and only once at a time", async () => {
    await inTransaction(db.pool, async (holder) => {
      expect(await runs.tryLock(holder, 'products')).toBe(true);
      await inTransaction(db.pool, async (other) => {
        expect(await runs.tryLock(other, 'products')).toBe(false);
        expect(await runs.tryLock(other, 'stock')).toBe(true);
      });
    });
    // Both transactions are over: free again.
    expect(await inTransaction(db.pool, (client) => runs.tryLock(client, 'products'))).toBe(true);
  });

  it('keeps the cursor with the data: saved on commit, gone on rollback', async () => {
    expect(await inTransaction(db.pool, (client) => runs.readCursor(client, 'products'))).toBeNull();
    expect(await inTransaction(db.pool, (client) => runs.readCursor(client, 'unknown'))).toBeNull();
    await expect(
      inTransaction(db.pool, async (client) => {
        await runs.saveCursor(client, 'products', 'page-9');
        throw new Error('the page failed');
      }),
    ).rejects.toThrow('the page failed');
    expect((await operation('products')).cursor).toBeNull();

    await inTransaction(db.pool, (client) => runs.saveCursor(client, 'products', 'page-10'));
    const saved = await operation('products');
    expect(saved).toMatchObject({ cursor: 'page-10', cursor_updated_at: expect.any(Date), last_success_at: expect.any(Date) });
    expect(await inTransaction(db.pool, (client) => runs.readCursor(client, 'products'))).toBe('page-10');
  });

  it("records a run from start to finish and makes it the operation's last run", async () => {
    const id = await runs.start('stock', 'MANUAL');
    expect(await run(id)).toMatchObject({ operation: 'stock', trigger: 'MANUAL', status: 'RUNNING', finished_at: null, pages: 0, rows_read: 0, error: null });
    await runs.finish(id, 'FAILED', COUNTS, 'ERP answered 503');
    expect(await run(id)).toMatchObject({
      status: 'FAILED', finished_at: expect.any(Date), pages: 3, rows_read: 250, rows_inserted: 10, rows_updated: 20, rows_deleted: 1, error: 'ERP answered 503',
    });
    expect(await operation('stock')).toMatchObject({ last_run_id: id, last_run_at: expect.any(Date) });
  });

  it("fails the operation's runs a stopped process left RUNNING, and nothing else", async () => {
    const [cutOff, alsoCutOff, finished, otherOperation] = [await runs.start('products', 'SCHEDULE'), await runs.start('products', 'STARTUP'), await runs.start('products', 'ONCE'), await runs.start('stock', 'SCHEDULE')];
    await runs.finish(finished, 'SUCCEEDED', COUNTS, null);
    expect(await runs.failInterrupted('products')).toBe(2);
    for (const id of [cutOff, alsoCutOff]) expect(await run(id)).toMatchObject({ status: 'FAILED', finished_at: expect.any(Date), error: expect.stringMatching(/^interrupted/) });
    expect((await run(finished)).status).toBe('SUCCEEDED');
    expect((await run(otherOperation)).status).toBe('RUNNING');
    expect(await runs.failInterrupted('products')).toBe(0);
  });
});
