/**
 * `npm run bench:orders`: ordering throughput as deployed.
 * 1. start the demo ERP (small scale, its own process) and give its customers room on their credit
 *    limits (the hub's credit check would otherwise hold a benchmark's thousands of orders);
 * 2. start the hub (`node launcher/dist/main.js`) on a scratch database with the demo data, pointed
 *    at that ERP and synchronised from it once, in production mode with fresh secrets, one process
 *    per subgraph, the integrator worker delivering orders to the ERP;
 * 3. each demo company's admin adds 4 buyers: 16 buyers, who sign in;
 * 4. 16 concurrent buyers loop: fill a 10-line basket with one bulk add (addManyToBasket) and place
 *    it (placeOrder from the basket), each through the gateway; the flow is both requests;
 * 5. wait for the outbox to deliver every order to the ERP, and check that the ERP got each once;
 * 6. restart the hub without its integrator and run subscription-benchmark.ts on it: (b) 10,000
 *    subscribers each watching its own order, one ERP status change per order; (c) 2,000 subscribers
 *    of one company on myOrdersChanged, 50 changes, executions per event.
 * Prints orders/s and latency percentiles of the flow and of each request, the live figures, and one JSON line.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { buildDemoDataset, DEMO_PASSWORD } from '@hub/demo-data';
import { DemoErpAdminClient } from '@hub/demo-erp';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { startDemoErpProcess } from '@hub/launcher/dist/demo-erp-process';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { runSubscriptionBenchmarks, startBenchHub } from './subscription-benchmark';
import { BenchHub, startProductionHub, stopHub } from './bench-hub-process';
import { BenchHttpClient } from './bench-http';
import { startSmtpSink } from './bench-smtp-sink';
import { latencySummary, percentile } from './bench-stats';

const BUYERS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;
const LINES_PER_ORDER = 10;

/** As deployed, delivering orders to the ERP; the dispatcher looks for due outbox messages every 100 ms (default 500), so delivery keeps up with the orders. */
function startHub(databaseUrl: string, erpUrl: string, smtpPort: number): Promise<BenchHub> {
  return startProductionHub({
    // Order mails go out over SMTP to a relay outside the hub, as deployed.
    HUB_SMTP_HOST: '127.0.0.1',
    HUB_SMTP_PORT: String(smtpPort),
    DATABASE_URL: databaseUrl,
    HUB_ERP_URL: erpUrl,
    HUB_ERP_API_KEY: 'bench-key',
    HUB_DEMO_DATA: 'true',
    HUB_SYNC_ON_START: 'true',
    HUB_INTEGRATOR_WORKER: 'true',
    HUB_DISPATCHER_TICK_MS: process.env.HUB_DISPATCHER_TICK_MS ?? '100',
    HUB_SUBGRAPH_WORKERS: process.env.HUB_SUBGRAPH_WORKERS ?? '',
  });
}

const client = new BenchHttpClient(BUYERS * 2);
const graphql = client.graphql.bind(client);

const LOGIN = 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ADD_MANY = `mutation Fill($lines: [BasketBulkLineInput!]!) { addManyToBasket(lines: $lines) {
  rejected { index problem } basket { lineCount totals { net { amount currency } gross { amount } } } } }`;
const PLACE = 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id number status total { amount currency } } }';

interface Buyer {
  email: string;
  token: string;
}

interface RunResult {
  orders: number;
  seconds: number;
  ordersPerSec: number;
  flow: number[];
  fill: number[];
  place: number[];
  errors: number;
  orderIds: string[];
}

/** Every buyer fills a basket of 10 lines with one bulk add and places it, again and again until the time is up. */
async function run(gatewayUrl: string, buyers: Buyer[], skus: string[], seconds: number): Promise<RunResult> {
  const result: RunResult = { orders: 0, seconds: 0, ordersPerSec: 0, flow: [], fill: [], place: [], errors: 0, orderIds: [] };
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
  await Promise.all(
    buyers.map(async (buyer, b) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const lines = Array.from({ length: LINES_PER_ORDER }, (_, i) => ({ sku: skus[(b * 7 + n * 3 + i * 11) % skus.length], quantity: String(1 + ((n + i) % 3)) }));
        const t0 = process.hrtime.bigint();
        const filled = await graphql<{ addManyToBasket: { rejected: unknown[]; basket: { lineCount: number } } }>(gatewayUrl, ADD_MANY, { lines }, buyer.token);
        const fillMs = ms(t0);
        const t1 = process.hrtime.bigint();
        const placed = await graphql<{ placeOrder: { id: string; status: string } }>(gatewayUrl, PLACE, { input: { idempotencyKey: `bench-${randomUUID()}` } }, buyer.token);
        const placeMs = ms(t1);
        const ok = !filled.errors && filled.data.addManyToBasket.rejected.length === 0 && filled.data.addManyToBasket.basket.lineCount === LINES_PER_ORDER && !placed.errors && placed.data.placeOrder.status === 'PENDING';
        if (!ok) {
          if (result.errors === 0) console.error(`  first error: ${JSON.stringify(filled).slice(0, 300)} ${JSON.stringify(placed).slice(0, 300)}`);
          result.errors++;
          continue;
        }
        result.fill.push(fillMs);
        result.place.push(placeMs);
        result.flow.push(ms(t0));
        result.orderIds.push(placed.data.placeOrder.id);
      }
    }),
  );
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  result.orders = result.flow.length;
  result.ordersPerSec = result.orders / result.seconds;
  for (const list of [result.flow, result.fill, result.place]) list.sort((a, b) => a - b);
  return result;
}

/** CPU seconds so far of a process and its descendants, by command (Linux /proc; empty elsewhere). */
function cpuByProcess(rootPid: number): Map<string, number> {
  const out = new Map<string, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return out;
  }
  const procs = new Map<number, { ppid: number; cpu: number; name: string }>();
  const tick = 100;
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').filter(Boolean);
      procs.set(Number(e), { ppid: Number(rest[1]), cpu: (Number(rest[11]) + Number(rest[12])) / tick, name: cmd.slice(1).map((a) => a.replace(/.*\/(\w+)\/dist\//, '$1/')).join(' ').slice(0, 60) });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (procs.has(pid) && pid > 1 && inTree(procs.get(pid)!.ppid));
  for (const [pid, p] of procs) if (inTree(pid)) out.set(`${p.name} (${pid})`, p.cpu);
  return out;
}

const stats = latencySummary;

async function main(): Promise<void> {
  // Production mode refuses the development secrets: the hub gets fresh ones.
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_ordersbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const erp = await startDemoErpProcess({ scale: 'small', port: 0, apiKey: 'bench-key', adminKey: 'bench-admin-key' });
  const erpAdmin = new DemoErpAdminClient(erp.url, 'bench-admin-key');
  const smtp = await startSmtpSink();
  let hub: { gatewayUrl: string; child: ChildProcess } | null = null;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const data = buildDemoDataset();
    // Room for thousands of orders on every demo customer's credit limit: the credit check still runs for each.
    for (const company of data.companies) {
      const customer = await erpAdmin.get('customers', company.erpNumber);
      await erpAdmin.upsert('customers', { ...customer!, creditLimit: '100000000.00' });
    }
    hub = await startHub(databaseUrl, erp.url, smtp.port);
    console.log(`hub at ${hub.gatewayUrl} (production mode, one process per subgraph), demo ERP at ${erp.url}`);

    // Each company's admin adds four buyers.
    const buyers: Buyer[] = [];
    const admins = data.users.filter((u) => u.role === 'customer admin');
    for (let b = 0; b < BUYERS; b++) {
      const admin = admins[b % admins.length];
      const adminToken = (await graphql<{ login: { token: string } }>(hub.gatewayUrl, LOGIN, { e: admin.email, p: DEMO_PASSWORD })).data.login.token;
      const email = `bench-buyer-${b}-${randomUUID().slice(0, 6)}@${admin.email.split('@')[1]}`;
      const created = await graphql<{ createCoworker: { id: string } }>(hub.gatewayUrl, 'mutation Add($i: CreateCoworkerInput!) { createCoworker(input: $i) { id } }', {
        i: { email, name: `Bench buyer ${b}`, roles: ['BUYER'], password: 'bench-password-1' },
      }, adminToken);
      if (created.errors) throw new Error(`createCoworker: ${JSON.stringify(created.errors)}`);
      buyers.push({ email, token: (await graphql<{ login: { token: string } }>(hub.gatewayUrl, LOGIN, { e: email, p: 'bench-password-1' })).data.login.token });
    }
    // Items every customer may buy, without an order minimum.
    const restricted = new Set([11, 47, 95, 23, 71, 131].map((i) => data.products[i].sku));
    const skus = data.products.filter((p) => p.minOrderQuantity === 1 && !restricted.has(p.sku)).map((p) => p.sku);
    console.log(`${buyers.length} buyers at ${admins.length} companies; each order: ${LINES_PER_ORDER} lines of ${skus.length} items, one bulk add, then placeOrder from the basket`);

    console.log(`warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s ...`);
    const warm = await run(hub.gatewayUrl, buyers, skus, WARMUP_SECONDS);
    const cpuBefore = cpuByProcess(hub.child.pid!);
    const result = await run(hub.gatewayUrl, buyers, skus, SECONDS);
    const cpuAfter = cpuByProcess(hub.child.pid!);
    console.log(`  ${result.orders} orders in ${result.seconds.toFixed(1)} s = ${result.ordersPerSec.toFixed(1)} orders/s; errors ${result.errors}`);
    console.log(`  whole flow      ${stats(result.flow)}`);
    console.log(`  addManyToBasket ${stats(result.fill)}`);
    console.log(`  placeOrder      ${stats(result.place)}`);
    for (const [name, cpu] of cpuAfter) {
      const used = cpu - (cpuBefore.get(name) ?? 0);
      if (used > 0.05 && result.orders > 0) console.log(`  CPU ${((used * 1000) / result.orders).toFixed(1)} ms per order: ${name}`);
    }

    // Every order reaches the ERP, once.
    const placed = [...warm.orderIds, ...result.orderIds];
    const deliveryStarted = Date.now();
    let delivered = 0;
    for (;;) {
      delivered = (await pool.query<{ n: number }>("select count(*)::int as n from orders.outbox_message where status = 'DELIVERED' and key = any($1)", [placed])).rows[0].n;
      if (delivered === placed.length || Date.now() - deliveryStarted > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const accepted = (await erpAdmin.stats()).acceptedOrdersByKey;
    const once = placed.filter((id) => accepted[id] === 1).length;
    console.log(`  order mails accepted by the SMTP relay so far: ${smtp.accepted()}`);
    console.log(`  delivered to the ERP: ${delivered} of ${placed.length} (${((Date.now() - deliveryStarted) / 1000).toFixed(1)} s after the load ended); accepted exactly once: ${once}`);

    // (b) and (c): the hub restarted as the subscription benchmark runs it (no integrator: the benchmark plays the ERP).
    await stopHub(hub, 60_000);
    hub = null;
    const subscriptionHub = await startBenchHub(databaseUrl);
    hub = subscriptionHub;
    console.log(`(b, c) hub restarted at ${subscriptionHub.gatewayUrl}`);
    const live = await runSubscriptionBenchmarks(subscriptionHub, pool);

    const round = (n: number) => Number(n.toFixed(1));
    console.log(
      JSON.stringify({
        ordersPerSec: round(result.ordersPerSec),
        orderP95Ms: round(percentile(result.flow, 95)),
        subscribers: live.subscribers,
        eventP50Ms: live.eventP50Ms,
        eventP99Ms: live.eventP99Ms,
        kbPerSubscriber: live.kbPerSubscriber,
        executionsPerEvent: live.executionsPerEvent,
        orderP50Ms: round(percentile(result.flow, 50)),
        orderP99Ms: round(percentile(result.flow, 99)),
        orders: result.orders,
        errors: result.errors,
        deliveredOnce: once === placed.length,
        eventsMissing: live.eventsMissing,
        subscribeSeconds: live.subscribeSeconds,
        httpP99DuringFanoutMs: live.httpP99DuringFanoutMs,
      }),
    );
  } finally {
    client.destroy();
    await pool.end();
    await stopHub(hub);
    await erp.stop();
    await smtp.stop();
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
