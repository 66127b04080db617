import { Pool } from 'pg';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { ensureSyncOperations, runSyncOperation, SyncRegistry, TrytonErpAdapter, TrytonJsonRpc } from '@hub/integrator';
import { migrateAll } from '@hub/launcher';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { ensureTrytonDatabase, startTrytonServer } from '@hub/tryton-erp';

/**
 * `npm run bench:tryton-sync`: a full sync of the seeded Tryton company into a fresh hub database,
 * then 1,000 more products created in Tryton, all of them changed (list price), and the delta
 * pull of products and prices that follows: rows read and seconds. Needs DATABASE_URL and trytond.
 */
const CHANGED = 1000;

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL must name a PostgreSQL server');
  const database = `hub_bench_tryton_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const orms = await migrateAll(databaseUrl);
  await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const registry = new SyncRegistry(SUBGRAPH_MODULES);
  await ensureSyncOperations(pool, registry);
  const db = await ensureTrytonDatabase({ database: `bench_${process.pid}`, reset: true, log: console.log });
  const server = await startTrytonServer(db);
  const connection = { url: server.url, database: server.database, user: server.user, password: server.password };
  const adapter = new TrytonErpAdapter({ ...connection, overlapSeconds: 2 });
  const rpc = new TrytonJsonRpc(connection);
  const run = async (name: string) => {
    const outcome: any = await runSyncOperation({ pool, adapter, pageSize: 500 }, registry.find(name)!, 'MANUAL');
    if (outcome.status !== 'SUCCEEDED') throw new Error(`${name}: ${outcome.status} ${outcome.error}`);
    return outcome;
  };
  try {
    let started = performance.now();
    let rows = 0;
    for (const operation of registry.erpKinds) rows += (await run(operation.name)).rowsRead;
    console.log(`full sync of the seeded Tryton company (every operation): ${rows} rows read in ${((performance.now() - started) / 1000).toFixed(2)} s`);

    const [unit] = await rpc.call('model.product.uom.search_read', [[['symbol', '=', 'u']], 0, 1, null, ['id'], {}]);
    const templates = Array.from({ length: CHANGED }, (_, i) => ({
      name: `Bench item ${i + 1}`, code: `BN-${String(i + 1).padStart(5, '0')}`, type: 'goods', default_uom: unit.id, sale_uom: unit.id, salable: true,
      list_price: { __class__: 'Decimal', decimal: '5.0000' }, products: [['create', [{ suffix_code: '' }]]],
    }));
    const ids: number[] = await rpc.call('model.product.template.create', [templates, { company: 1 }], true);
    for (const name of ['products', 'prices']) await run(name);
    await new Promise((r) => setTimeout(r, 2_500)); // past the overlap, so the delta holds only the changes below
    await rpc.call('model.product.template.write', [ids, { list_price: { __class__: 'Decimal', decimal: '5.5000' } }, { company: 1 }], true);
    for (const name of ['products', 'prices']) {
      started = performance.now();
      const delta = await run(name);
      console.log(`delta ${name} after ${CHANGED} products changed in Tryton: read ${delta.rowsRead}, updated ${delta.rowsUpdated}, in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    }
  } finally {
    await server.stop();
    await pool.end();
    await dropDatabase(serverUrl, database);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
