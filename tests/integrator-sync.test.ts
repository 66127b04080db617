import Decimal from 'decimal.js';
import { Client, Pool } from 'pg';
import { dropDatabase, ensureDatabase, inTransaction } from '@hub/database';
import { ensureSyncOperations, HttpErpAdapter, runSyncOperation, SyncRegistry, SyncScheduler } from '@hub/integrator';
import { migrateAll } from '@hub/launcher';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { DemoErpProcess, startDemoErpProcess } from './support/demo-erp-process';
import { eventually } from './support/staff-client';

/**
 * The sync against the real demo ERP process, on a database of its own: delta sync, deletions,
 * a corrupt page, pause and resume, and two integrators at once.
 */
describe('ERP synchronisation', () => {
  const serverUrl = process.env.HUB_TEST_SERVER_URL!;
  const database = `hub_sync_${process.pid}_${Date.now()}`;
  let pool: Pool;
  let erp: DemoErpProcess;
  let adapter: HttpErpAdapter;
  const registry = new SyncRegistry(SUBGRAPH_MODULES);
  const run = (name: string) => runSyncOperation({ pool, adapter, pageSize: 100 }, registry.find(name)!, 'MANUAL');
  const scalar = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await pool.query(sql, params)).rows[0]?.v as T;

  beforeAll(async () => {
    const databaseUrl = await ensureDatabase(serverUrl, database);
    const orms = await migrateAll(databaseUrl);
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    pool = new Pool({ connectionString: databaseUrl, max: 8 });
    // pool.end() resolves before its connections are closed; the forced drop in afterAll may end one first.
    pool.on('error', () => undefined);
    await ensureSyncOperations(pool, registry);
    erp = await startDemoErpProcess();
    adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: erp.apiKey });
  }, 120_000);

  afterAll(async () => {
    await erp?.stop();
    await pool?.end();
    await dropDatabase(serverUrl, database);
  });

  it('a first full sync loads every kind; a second run reads and writes nothing', async () => {
    for (const operation of registry.erpKinds) {
      const outcome = await run(operation.name);
      expect({ operation: operation.name, status: outcome.status }).toEqual({ operation: operation.name, status: 'SUCCEEDED' });
    }
    expect(await scalar<string>('select count(*)::int as v from products.product')).toBeGreaterThanOrEqual(200);
    expect(await scalar<number>('select count(*)::int as v from products.price_rule')).toBeGreaterThan(0);
    expect(await scalar<number>('select count(*)::int as v from products.stock_level')).toBeGreaterThan(0);
    expect(await scalar<number>('select count(*)::int as v from customers.company')).toBeGreaterThanOrEqual(3);
    expect(await scalar<number>('select count(*)::int as v from orders.customer_order')).toBeGreaterThan(0);
    expect(await scalar<number>('select count(*)::int as v from finance.invoice')).toBeGreaterThan(0);

    for (const operation of registry.erpKinds) {
      const again = await run(operation.name);
      expect({ operation: operation.name, ...again }).toMatchObject({ operation: operation.name, status: 'SUCCEEDED', rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0 });
    }
  });

  it('a delta sync picks up only what changed', async () => {
    const { rows } = await pool.query<{ key: string; price: string }>("select key, price::text from products.price_rule where company_id is not null order by key limit 2");
    const [changed, untouched] = rows;
    const record = (await erp.admin('GET', `/admin/records/prices/${encodeURIComponent(changed.key)}`)) as Record<string, unknown>;
    await erp.admin('POST', '/admin/records/prices', { ...record, price: '1234.5600' });

    const outcome = await run('prices');
    expect(outcome).toMatchObject({ status: 'SUCCEEDED', rowsRead: 1, rowsInserted: 0, rowsUpdated: 1, rowsDeleted: 0 });
    expect(await scalar<string>('select price::text as v from products.price_rule where key = $1', [changed.key])).toBe('1234.5600');
    expect(await scalar<string>('select price::text as v from products.price_rule where key = $1', [untouched.key])).toBe(untouched.price);
  });

  it('a row deleted in the ERP disappears (prices) or is retired (products)', async () => {
    const priceKey = await scalar<string>('select key as v from products.price_rule order by key desc limit 1');
    const sku = await scalar<string>('select sku as v from products.product where active order by sku desc limit 1');
    await erp.admin('DELETE', `/admin/records/prices/${encodeURIComponent(priceKey)}`);
    await erp.admin('DELETE', `/admin/records/products/${encodeURIComponent(sku)}`);

    expect(await run('prices')).toMatchObject({ status: 'SUCCEEDED', rowsDeleted: 1 });
    expect(await run('products')).toMatchObject({ status: 'SUCCEEDED', rowsDeleted: 1 });
    expect(await scalar<number>('select count(*)::int as v from products.price_rule where key = $1', [priceKey])).toBe(0);
    expect(await scalar<boolean>('select active as v from products.product where sku = $1', [sku])).toBe(false);
  });

  it('a corrupt page fails the run visibly and leaves the data and cursor as they were', async () => {
    const key = await scalar<string>('select key as v from products.price_rule order by key limit 1');
    const before = await scalar<string>('select price::text as v from products.price_rule where key = $1', [key]);
    const cursorBefore = await scalar<string>("select cursor as v from integrator.sync_operation where name = 'prices'");
    const record = (await erp.admin('GET', `/admin/records/prices/${encodeURIComponent(key)}`)) as Record<string, unknown>;
    await erp.admin('POST', '/admin/records/prices', { ...record, price: '999.0000' });
    await erp.admin('POST', '/admin/faults', { corruptNextPage: 'prices' });

    const failed = await run('prices');
    expect(failed.status).toBe('FAILED');
    expect(failed.status === 'FAILED' && failed.error).toMatch(/corrupt/i);
    expect(await scalar<string>('select price::text as v from products.price_rule where key = $1', [key])).toBe(before);
    expect(await scalar<string>("select cursor as v from integrator.sync_operation where name = 'prices'")).toBe(cursorBefore);
    expect(await scalar<string>("select status as v from integrator.sync_run where operation = 'prices' order by started_at desc limit 1")).toBe('FAILED');

    const retried = await run('prices');
    expect(retried).toMatchObject({ status: 'SUCCEEDED', rowsUpdated: 1 });
    expect(await scalar<string>('select price::text as v from products.price_rule where key = $1', [key])).toBe('999.0000');
  });

  it('reads back corrections made in the ERP (a changed and a removed order line) and announces them', async () => {
    const { rows } = await pool.query<{ id: string; number: string }>(
      `select o.id, o.number from orders.customer_order o join orders.order_line l on l.order_id = o.id
        group by o.id, o.number having count(*) >= 2 order by o.number limit 1`,
    );
    const { id, number } = rows[0];
    const record = await erp.admin('GET', `/admin/records/orders/${encodeURIComponent(number)}`);
    const first = record.lines[0];
    const lineTotal = new Decimal(first.unitPrice).times(99).toFixed(2);
    await erp.admin('POST', '/admin/records/orders', { ...record, lines: [{ ...first, quantity: '99', lineTotal }], total: lineTotal });

    const listener = new Client({ connectionString: (pool as any).options.connectionString });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query('listen hub_events');
    try {
      expect(await run('orders')).toMatchObject({ status: 'SUCCEEDED', rowsRead: 1, rowsUpdated: 1 });
      const lines = await pool.query<{ line_no: number; quantity: string }>('select line_no, quantity::text from orders.order_line where order_id = $1 order by line_no', [id]);
      expect(lines.rows).toEqual([{ line_no: first.lineNo, quantity: '99.000' }]);
      expect(await scalar<string>('select total::text as v from orders.customer_order where id = $1', [id])).toBe(lineTotal);
      // Notifications reach a listener in commit order: once one sent after the run's commit is heard, all of the run's are.
      const marker = `after-the-run-${Date.now()}`;
      await pool.query("select pg_notify('hub_events', $1)", [JSON.stringify({ topic: 'test.marker', key: marker })]);
      await eventually(async () => heard.some((p) => JSON.parse(p).key === marker), 10_000, 'the marker notification');
      expect(heard.map((p) => JSON.parse(p)).filter((e) => e.topic === 'orderStatusChanged').map((e) => e.key)).toEqual([id]);
    } finally {
      await listener.end();
    }
  });

  it('pause stops a schedule and resume restarts it', async () => {
    await pool.query("update integrator.sync_operation set interval_seconds = 1, next_run_at = now(), paused = false where name = 'exchangeRates'");
    await pool.query("update integrator.sync_operation set paused = true where name <> 'exchangeRates'");
    const runs = () => scalar<number>("select count(*)::int as v from integrator.sync_run where operation = 'exchangeRates'");
    const running = () => scalar<number>("select count(*)::int as v from integrator.sync_run where operation = 'exchangeRates' and status = 'RUNNING'");
    const scheduler = new SyncScheduler({ pool, adapter, registry, tickMs: 100 });
    scheduler.start();
    try {
      const start = await runs();
      await eventually(async () => (await runs()) - start >= 2, 20_000, 'two scheduled runs');

      await pool.query("update integrator.sync_operation set paused = true where name = 'exchangeRates'");
      // A run that had already started may finish.
      await eventually(async () => (await running()) === 0, 20_000, 'the running run to finish');
      const atPause = await runs();
      // Paused and overdue, with a witness: a one-off run of categories (scheduled far off otherwise), due in the
      // same commit. The scheduler starts due operations in order of their next run, so the tick that starts the
      // witness would start exchangeRates first, had the pause not held.
      await inTransaction(pool, async (client) => {
        await client.query("update integrator.sync_operation set next_run_at = now() - interval '1 minute' where name = 'exchangeRates'");
        await client.query("update integrator.sync_operation set next_run_at = now() + interval '1 day', run_once_at = now() where name = 'categories'");
      });
      await eventually(
        async () => (await scalar<number>("select count(*)::int as v from integrator.sync_run where operation = 'categories' and trigger = 'ONCE' and status <> 'RUNNING'")) > 0,
        20_000,
        'the witness run',
      );
      expect(await runs()).toBe(atPause);

      await pool.query("update integrator.sync_operation set paused = false, next_run_at = now() where name = 'exchangeRates'");
      await eventually(async () => (await runs()) - atPause >= 2, 20_000, 'two runs after resuming');
    } finally {
      await scheduler.stop();
    }
  });

  it('two integrators never run the same operation at once', async () => {
    await pool.query("update integrator.sync_operation set paused = true");
    await pool.query("update integrator.sync_operation set cursor = null, interval_seconds = 1, next_run_at = now(), paused = false where name = 'prices'");
    await erp.admin('POST', '/admin/faults', { slowPageMs: 150 });
    const secondPool = new Pool({ connectionString: (pool as any).options.connectionString, max: 4 });
    const a = new SyncScheduler({ pool, adapter, registry, tickMs: 50, pageSize: 100 });
    const b = new SyncScheduler({ pool: secondPool, adapter, registry, tickMs: 50, pageSize: 100 });
    const since = new Date();
    const finished = () => scalar<number>("select count(*)::int as v from integrator.sync_run where operation = 'prices' and started_at >= $1 and finished_at is not null", [since]);
    a.start();
    b.start();
    try {
      // Both schedulers tick every 50 ms against an operation due every second: a few full runs give each the chance to start one meanwhile.
      await eventually(async () => (await finished()) >= 3, 30_000, 'three finished prices runs');
    } finally {
      await a.stop();
      await b.stop();
      await secondPool.end();
      await erp.admin('DELETE', '/admin/faults');
    }
    const { rows } = await pool.query<{ started_at: Date; finished_at: Date }>(
      "select started_at, finished_at from integrator.sync_run where operation = 'prices' and started_at >= $1 order by started_at",
      [since],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rows.length; i++) expect(rows[i].started_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1].finished_at.getTime());
  });
});
