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
 * 4. count the SQL statements of a page of 10 and of 100 through the products subgraph's resolvers.
 * Prints requests/s and latency percentiles for each, the gateway's overhead, and one JSON line.
 *
 * Observability runs as deployed: metrics on and JSON logs at info (the gateway's access log, one line a
 * request). HUB_METRICS=false and HUB_LOG_LEVEL=silent pass through to the hub to measure it without
 * them; the JSON line names the settings (`metrics`, `logLevel`) so two runs can be compared.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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
import { BenchHttpClient } from './bench-http';
import { percentile } from './bench-stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 20_000);
const WARMUP_SECONDS = 3;
const SYNCED = ['categories', 'products', 'prices', 'stock', 'exchangeRates', 'customers'];
const CUSTOMER_NUMBER = 'C100001';

const PAGE_QUERY = CATALOGUE_PAGE_QUERY;

async function startHub(databaseUrl: string, erpUrl: string): Promise<{ gatewayUrl: string; productsUrl: string; child: ChildProcess }> {
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
    },
    { timeoutMs: 120_000 },
  );
  return { ...hub, productsUrl: /products=(\S+)/.exec(hub.output)![1] };
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

async function sqlPerPage(databaseUrl: string, viewer: Viewer, category: string): Promise<{ sql10: number; sql100: number }> {
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
    return { sql10: await run(10), sql100: await run(100) };
  } finally {
    await orm.close(true);
  }
}

/**
 * CPU seconds used so far by a process and all its descendants (Linux /proc): the hub's own cost of a
 * load phase, which other work on the machine disturbs far less than it disturbs throughput.
 */
function treeCpuSeconds(rootPid: number): number {
  const ticks = 100; // USER_HZ
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === pid) pending.push(child);
  }
  return total;
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
  let hub: { gatewayUrl: string; productsUrl: string; child: ChildProcess } | null = null;
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

    hub = await startHub(databaseUrl, erp.url);
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
    const cpuBefore = treeCpuSeconds(hub.child.pid!);
    const gateway = await load(hub.gatewayUrl, bodies, gatewayHeaders, SECONDS);
    const gatewayCpuMs = ((treeCpuSeconds(hub.child.pid!) - cpuBefore) * 1000) / gateway.requests;
    console.log(`  the hub's processes used ${gatewayCpuMs.toFixed(2)} ms of CPU per page through the gateway`);
    console.log(line('gateway', gateway));
    await load(hub.productsUrl, bodies, directHeaders, WARMUP_SECONDS);
    const direct = await load(hub.productsUrl, bodies, directHeaders, SECONDS);
    console.log(line('direct', direct));
    const overheadRatio = direct.rps / gateway.rps;
    console.log(`  gateway overhead: ${overheadRatio.toFixed(2)}x the direct throughput; p95 ${(gateway.p95 / direct.p95).toFixed(2)}x`);

    const sql = await sqlPerPage(databaseUrl, viewer, categories.find((c) => c.code === 'FASTENERS')!.id);
    console.log(`  SQL statements per catalogue page: ${sql.sql10} for 10 products, ${sql.sql100} for 100`);

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
