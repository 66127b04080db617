/**
 * `npm run bench:catalog`: a catalogue page at the demo ERP's `large` scale (100,000 products,
 * 1,000,000 customer prices, 400,000 stock rows, 5,000 customers).
 * 1. sync categories, products, prices, stock, exchange rates and customers from the large demo
 *    ERP (its own process) into a scratch database, through the real sync path;
 * 2. start the hub (`node launcher/dist/main.js`) on it, pointed at that ERP, without a sync of its own,
 *    in production mode, one process per subgraph and two for products (HUB_SUBGRAPH_WORKERS to change);
 * 3. as a customer user of a large-scale company (a token signed with @hub/auth), run a realistic
 *    catalogue page (24 products of a web category with the company's price, stock under its
 *    display policy, categories) with 16 concurrent clients through the gateway, then the same
 *    query straight at the products subgraph (with the gateway's assertion);
 * 4. count the SQL statements of a page of 10 and of 100 through the products subgraph's resolvers,
 *    and run the statements of one page straight through `pg` at the same concurrency (the floor);
 * 5. the same page through Hive Gateway (JS planner) in front of the same subgraphs;
 * 6. restart the hub with the catalogue cache on (the runs above have it off) and run the page again.
 * Prints requests/s and latency percentiles for each, CPU ms per page of every process, the ratios,
 * and one JSON line.
 *
 * Observability runs as deployed: metrics on and JSON logs at info (the gateway's access log, one line a
 * request). HUB_METRICS=false and HUB_LOG_LEVEL=silent pass through to the hub to measure it without
 * them; the JSON line names the settings (`metrics`, `logLevel`) so two runs can be compared.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { execute, parse } from 'graphql';
import { Pool } from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, loadAuthSecrets, signAccessToken, Viewer } from '@hub/auth';
import { dropDatabase, ensureDatabase, subgraphOrmConfig } from '@hub/database';
import { erpEntityId } from '@hub/erp-ids';
import { startDemoErpProcess } from '@hub/launcher/dist/demo-erp-process';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { migrateAll, SUBGRAPH_MODULES } from '@hub/schema';
import { ensureSyncOperations, HttpErpAdapter, runSyncOperation, SyncRegistry } from '@hub/integrator';
import { logSettings, metricsEnabled } from '@hub/observability';
import { CATALOGUE_PAGE_QUERY } from './catalogue-page.query';
import { startProductionHub, stopHub } from './bench-hub-process';
import { cpuMsPerRequest, cpuSecondsByPart, totalOf } from './process-cpu';
import { startHiveGatewayProcess } from '@hub/hive-gateway';
import pg from 'pg';
import { BenchHttpClient } from './bench-http';
import { percentile } from './bench-stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 20_000);
const WARMUP_SECONDS = 3;
const SYNCED = ['categories', 'products', 'prices', 'stock', 'exchangeRates', 'customers'];
const CUSTOMER_NUMBER = 'C100001';

const PAGE_QUERY = CATALOGUE_PAGE_QUERY;

interface RunningBenchHub {
  gatewayUrl: string;
  productsUrl: string;
  subgraphUrls: Record<string, string>;
  child: ChildProcess;
}

async function startHub(databaseUrl: string, erpUrl: string, catalogueCache: boolean): Promise<RunningBenchHub> {
  const hub = await startProductionHub(
    {
      DATABASE_URL: databaseUrl,
      HUB_ERP_URL: erpUrl,
      HUB_ERP_API_KEY: 'bench-key',
      HUB_SYNC_ON_START: 'false',
      HUB_INTEGRATOR_WORKER: 'false',
      HUB_DEMO_DATA: 'false',
      // The catalogue's subgraph in two processes (measured: +10-20% requests/s over one, the same p95).
      HUB_SUBGRAPH_WORKERS: process.env.HUB_SUBGRAPH_WORKERS ?? 'products=2',
      HUB_CATALOGUE_CACHE: String(catalogueCache),
    },
    { timeoutMs: 120_000 },
  );
  const subgraphUrls = Object.fromEntries([.../Subgraphs: ([^\n]+)/.exec(hub.output)![1].matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  return { ...hub, productsUrl: subgraphUrls.products, subgraphUrls };
}

/** The SQL one catalogue page sends (text and values, as the products subgraph sends them), recorded from pg itself. */
async function recordPageSql(run: () => Promise<unknown>): Promise<Array<{ text: string; values: unknown[] }>> {
  const recorded: Array<{ text: string; values: unknown[] }> = [];
  const original = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function (this: pg.Client, config: any, values?: any, callback?: any) {
    const text = typeof config === 'string' ? config : config?.text;
    if (typeof text === 'string') recorded.push({ text, values: (typeof config === 'object' ? config.values : values) ?? [] });
    return (original as any).call(this, config, values, callback);
  };
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return recorded;
}

/** The floor: a page's statements, one after another per client, straight through pg at the same concurrency. */
async function sqlFloor(databaseUrl: string, statements: Array<{ text: string; values: unknown[] }>, seconds: number): Promise<LoadResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: CLIENTS });
  try {
    const latencies: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    const started = process.hrtime.bigint();
    let sent = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < deadline && sent < MAX_REQUESTS) {
          sent++;
          const t0 = process.hrtime.bigint();
          for (const s of statements) await pool.query(s.text, s.values as unknown[]);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    return { requests: latencies.length, seconds: elapsed, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: 0 };
  } finally {
    await pool.end();
  }
}

const client = new BenchHttpClient(CLIENTS * 2);
const post = client.post.bind(client);

interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** CLIENTS loops, each sending the next request when its last one answered; bounded by time and count. */
async function load(url: string, bodies: string[], headers: (body: string) => Promise<Record<string, string>>, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      while (Date.now() < deadline && sent < MAX_REQUESTS) {
        const body = bodies[(sent + c) % bodies.length];
        sent++;
        const h = await headers(body);
        const t0 = process.hrtime.bigint();
        const response = await post(url, body, h);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (response.status !== 200 || response.text.includes('"errors"')) {
          if (errors === 0) console.error(`  first error: ${response.status} ${response.text.slice(0, 300)}`);
          errors++;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, seconds: elapsed, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors };
}

async function sqlPerPage(databaseUrl: string, viewer: Viewer, category: string): Promise<{ sql10: number; sql100: number; page24: Array<{ text: string; values: unknown[] }> }> {
  const products = SUBGRAPH_MODULES.find((m) => m.name === 'products')!;
  let statements = 0;
  const orm = await MikroORM.init({
    ...subgraphOrmConfig({ schema: products.dbSchema, clientUrl: databaseUrl, entities: products.entities, migrationsPath: products.migrationsPath, poolMax: 2 }),
    debug: ['query'],
    logger: (message: string) => {
      if (message.includes('[query]')) statements++;
    },
  });
  try {
    const schema = await products.buildSchema();
    const run = async (first: number) => {
      statements = 0;
      const contextValue = products.buildContext(
        { viewer, bearer: undefined, em: orm.em.fork() },
        { secrets: loadAuthSecrets(), databaseUrl, gatewayUrl: () => '', modules: SUBGRAPH_MODULES },
      );
      // Another category than the load test's, so no count comes from the count cache.
      const result = await execute({ schema, document: parse(PAGE_QUERY), variableValues: { category, first }, contextValue });
      if (result.errors) throw result.errors[0];
      return statements;
    };
    const sql10 = await run(10);
    const sql100 = await run(100);
    const page24 = await recordPageSql(() => run(24));
    return { sql10, sql100, page24 };
  } finally {
    await orm.close(true);
  }
}

function line(name: string, r: LoadResult): string {
  return `  ${name.padEnd(8)} ${r.requests} requests in ${r.seconds.toFixed(1)} s = ${r.rps.toFixed(0)} req/s; p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; errors ${r.errors}`;
}

async function main(): Promise<void> {
  // Production mode refuses the development secrets: the hub gets fresh ones, and this process signs with them.
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  // BENCH_KEEP_DATABASE=name keeps (or reuses, when already synced) a scratch database between runs.
  const kept = process.env.BENCH_KEEP_DATABASE;
  const database = kept ?? `hub_catbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const erp = await startDemoErpProcess({ scale: 'large', port: 0, apiKey: 'bench-key' });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: 'bench-key', timeoutMs: 120_000 });
  let hub: RunningBenchHub | null = null;
  let hive: Awaited<ReturnType<typeof startHiveGatewayProcess>> | null = null;
  try {
    const orms = await migrateAll(databaseUrl);
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    await ensureSyncOperations(pool, new SyncRegistry(SUBGRAPH_MODULES));
    const already = kept ? (await pool.query<{ n: number }>('select count(*)::int as n from products.product')).rows[0].n > 0 : false;
    for (const name of already ? [] : SYNCED) {
      const started = Date.now();
      const run = await runSyncOperation({ pool, adapter, pageSize: 5_000 }, new SyncRegistry(SUBGRAPH_MODULES).find(name)!, 'MANUAL');
      if (run.status !== 'SUCCEEDED') throw new Error(`sync ${name}: ${run.status} ${'error' in run ? run.error : ''}`);
      console.log(`synced ${name}: ${run.rowsRead} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await pool.query('analyze');

    // First without the catalogue cache: what every page costs.
    hub = await startHub(databaseUrl, erp.url, false);
    console.log(`hub at ${hub.gatewayUrl}, products subgraph at ${hub.productsUrl}`);

    const secrets = loadAuthSecrets();
    const viewer: Viewer = { userId: randomUUID(), kind: 'CUSTOMER', companyId: erpEntityId('customer', CUSTOMER_NUMBER), supplierId: null, permissions: ['catalog.view', 'prices.view', 'orders.view'] };
    const { token } = await signAccessToken(viewer, secrets);
    const signer = new GatewayAssertionSigner(secrets);

    const categories = (await pool.query<{ id: string; code: string }>('select id, code from products.category order by code')).rows;
    const bodies = categories.map((c) => JSON.stringify({ query: PAGE_QUERY, variables: { category: c.id, first: 24 } }));
    const gatewayHeaders = async () => ({ authorization: `Bearer ${token}` });
    // The gateway signs one assertion per subgraph fetch, over its body: the direct baseline does the same.
    const directHeaders = async (body: string) => ({ authorization: `Bearer ${token}`, [GATEWAY_ASSERTION_HEADER]: signer.sign({ subgraph: 'products', body, bearer: token }) });

    const probe = JSON.parse((await post(hub.gatewayUrl, bodies[0], await gatewayHeaders())).text);
    if (probe.errors) throw new Error(`the page query failed: ${JSON.stringify(probe.errors)}`);
    const firstNode = probe.data.products.edges[0]?.node;
    console.log(`page: ${probe.data.products.edges.length} of ${probe.data.products.totalCount} products; first ${firstNode?.sku} ${JSON.stringify(firstNode?.price)} ${JSON.stringify(firstNode?.stock)}`);

    console.log(`warm-up ${WARMUP_SECONDS} s each, then ${SECONDS} s (at most ${MAX_REQUESTS} requests) with ${CLIENTS} clients ...`);
    await load(hub.gatewayUrl, bodies, gatewayHeaders, WARMUP_SECONDS);
    const cpuBefore = cpuSecondsByPart(hub.child.pid!);
    const gateway = await load(hub.gatewayUrl, bodies, gatewayHeaders, SECONDS);
    const cpuMsPerPage = cpuMsPerRequest(cpuBefore, cpuSecondsByPart(hub.child.pid!), gateway.requests);
    const gatewayCpuMs = totalOf(cpuMsPerPage);
    console.log(`  the hub's processes used ${gatewayCpuMs.toFixed(2)} ms of CPU per page through the gateway: ${JSON.stringify(cpuMsPerPage)}`);
    console.log(line('gateway', gateway));
    await load(hub.productsUrl, bodies, directHeaders, WARMUP_SECONDS);
    const direct = await load(hub.productsUrl, bodies, directHeaders, SECONDS);
    console.log(line('direct', direct));
    const overheadRatio = direct.rps / gateway.rps;
    console.log(`  gateway overhead: ${overheadRatio.toFixed(2)}x the direct throughput; p95 ${(gateway.p95 / direct.p95).toFixed(2)}x`);

    const sql = await sqlPerPage(databaseUrl, viewer, categories.find((c) => c.code === 'FASTENERS')!.id);
    console.log(`  SQL statements per catalogue page: ${sql.sql10} for 10 products, ${sql.sql100} for 100`);
    await sqlFloor(databaseUrl, sql.page24, WARMUP_SECONDS);
    const floor = await sqlFloor(databaseUrl, sql.page24, SECONDS);
    console.log(line('floor', floor) + ` (the page's ${sql.page24.length} statements straight through pg)`);

    hive = await startHiveGatewayProcess({ subgraphUrls: hub.subgraphUrls, planner: 'js', env: { ...process.env, NODE_ENV: 'production' } });
    await load(hive.url, bodies, gatewayHeaders, WARMUP_SECONDS);
    const hiveRun = await load(hive.url, bodies, gatewayHeaders, SECONDS);
    console.log(line('hive', hiveRun) + ' (Hive Gateway, JS planner, same subgraphs)');
    await hive.stop();
    hive = null;

    // Then with the catalogue cache, as deployed.
    await stopHub(hub);
    hub = await startHub(databaseUrl, erp.url, true);
    await load(hub.gatewayUrl, bodies, gatewayHeaders, WARMUP_SECONDS);
    const cachedCpuBefore = cpuSecondsByPart(hub.child.pid!);
    const cached = await load(hub.gatewayUrl, bodies, gatewayHeaders, SECONDS);
    const cachedCpuMsPerPage = cpuMsPerRequest(cachedCpuBefore, cpuSecondsByPart(hub.child.pid!), cached.requests);
    console.log(line('cached', cached) + ` (catalogue cache on; CPU ms per page ${JSON.stringify(cachedCpuMsPerPage)})`);
    console.log(
      `  ratios in this run: gateway ${(gateway.rps / direct.rps).toFixed(2)} x direct, direct ${(direct.rps / floor.rps).toFixed(2)} x floor, ` +
        `cached gateway ${(cached.rps / gateway.rps).toFixed(2)} x uncached, hive ${(hiveRun.rps / gateway.rps).toFixed(2)} x hub gateway`,
    );

    const round = (n: number) => Number(n.toFixed(1));
    console.log(
      JSON.stringify({
        gatewayRps: round(gateway.rps),
        gatewayP95Ms: round(gateway.p95),
        gatewayP99Ms: round(gateway.p99),
        directRps: round(direct.rps),
        directP95Ms: round(direct.p95),
        overheadRatio: Number(overheadRatio.toFixed(2)),
        gatewayCpuMsPerPage: round(gatewayCpuMs),
        floorRps: round(floor.rps),
        cachedGatewayRps: round(cached.rps),
        cachedGatewayP95Ms: round(cached.p95),
        hiveRps: round(hiveRun.rps),
        hiveP95Ms: round(hiveRun.p95),
        cpuMsPerPage: { ...cpuMsPerPage, total: round(gatewayCpuMs) },
        cachedCpuMsPerPage: { ...cachedCpuMsPerPage, total: round(totalOf(cachedCpuMsPerPage)) },
        gatewayToDirect: Number((gateway.rps / direct.rps).toFixed(2)),
        cachedToUncached: Number((cached.rps / gateway.rps).toFixed(2)),
        sqlPerPage10: sql.sql10,
        sqlPerPage100: sql.sql100,
        metrics: metricsEnabled(),
        logLevel: logSettings({ ...process.env, NODE_ENV: 'production' }).level,
      }),
    );
  } finally {
    client.destroy();
    adapter.close();
    await pool.end();
    await hive?.stop();
    await stopHub(hub);
    await erp.stop();
    if (!kept) await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
