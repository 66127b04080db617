/**
 * Subscriptions at scale, as deployed (production mode, one process per subgraph, the gateway in the
 * launcher's process):
 * (b) SUBSCRIBERS (10,000) WebSocket subscribers on the one gateway, each watching its own order
 *     (`orderStatusChanged` with fields of two subgraphs), then one ERP status change per order,
 *     committed as the orders ingest commits them (in transactions with their events, at
 *     BENCH_CHANGES_PER_SEC, every BENCH_COMMIT_MS): p50/p99 delay from each order's commit to its
 *     delivery, the gateway's RSS per subscriber, how long subscribing them all took (every
 *     subscription is checked first), and the p99 of HTTP requests answered during the fan-out;
 * (c) BROADCAST_SUBSCRIBERS (2,000) subscribers of one company with one selection on `myOrdersChanged`
 *     and BROADCAST_EVENTS (50) status changes: the executions the gateway ran per event.
 * Exported for `bench:orders`; run alone with `node benchmarks/dist/subscription-benchmark.js`.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { loadAuthSecrets, signAccessToken } from '@hub/auth';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { buildDemoDataset } from '@hub/demo-data';
import { publishEvents } from '@hub/events';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { startProductionHub } from './bench-hub-process';
import { percentile } from './bench-stats';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const BROADCAST_SUBSCRIBERS = Number(process.env.BENCH_BROADCAST_SUBSCRIBERS ?? 2_000);
const BROADCAST_EVENTS = Number(process.env.BENCH_BROADCAST_EVENTS ?? 50);
const CHANGES_PER_SEC = Number(process.env.BENCH_CHANGES_PER_SEC ?? 1_000);
const COMMIT_MS = Number(process.env.BENCH_COMMIT_MS ?? 50);
const CONNECT_CONCURRENCY = 200;

const WATCH = `subscription Watch($id: ID!) { orderStatusChanged(orderId: $id) { id status number company { name } lines { sku quantity } } }`;
const MY_ORDERS = `subscription Mine { myOrdersChanged { id status number company { name } } }`;

export interface SubscriptionFigures {
  subscribers: number;
  subscribeSeconds: number;
  eventP50Ms: number;
  eventP99Ms: number;
  eventsMissing: number;
  kbPerSubscriber: number;
  httpP99DuringFanoutMs: number;
  broadcastSubscribers: number | null;
  executionsPerEvent: number | null;
}

export interface RunningHubProcess {
  gatewayUrl: string;
  child: ChildProcess;
}


const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Resident memory of a process, in KiB (Linux /proc). */
function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]);
}

const FIELD_SERIES = {
  active: 'hub_subscriptions_active',
  executions: 'hub_subscription_executions_total',
  events: 'hub_subscription_events_total',
  deliveries: 'hub_subscription_deliveries_total',
  checkExecutions: 'hub_subscription_check_executions_total',
} as const;

/** One subscription field's series from the gateway's Prometheus `/metrics`. */
async function gatewayFieldMetrics(gatewayUrl: string, field: string): Promise<Record<keyof typeof FIELD_SERIES, number>> {
  const text = await (await fetch(new URL('/metrics', gatewayUrl))).text();
  const out = { active: 0, executions: 0, events: 0, deliveries: 0, checkExecutions: 0 };
  for (const [key, name] of Object.entries(FIELD_SERIES) as Array<[keyof typeof FIELD_SERIES, string]>) {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`field="${field}"`));
    if (line) out[key] = Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return out;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One graphql-transport-ws client, as thin as can be (the load generator holds thousands). */
class WatchClient {
  private readonly ws: WebSocket;
  readonly ready: Promise<void>;
  errors = 0;

  constructor(url: string, token: string, query: string, variables: Record<string, unknown>, onNext: (data: any) => void) {
    this.ws = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    this.ready = new Promise((resolve, reject) => {
      this.ws.on('open', () => this.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      this.ws.on('message', (raw) => {
        const message = JSON.parse(String(raw));
        if (message.type === 'connection_ack') {
          this.ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
          resolve();
        } else if (message.type === 'next') onNext(message.payload.data);
        else if (message.type === 'error') this.errors++;
        else if (message.type === 'ping') this.ws.send(JSON.stringify({ type: 'pong' }));
      });
      this.ws.on('error', reject);
      this.ws.on('close', (code) => code !== 1000 && code !== 1005 && this.errors++);
    });
  }

  close(): void {
    this.ws.close(1000);
  }
}

/** Inserts `count` orders (one line each) for a company, as the ERP ingest would have. */
async function seedOrders(pool: Pool, companyId: string, sku: string, productId: string, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into orders.customer_order (id, number, company_id, status, placed_at, currency, total, updated_at)
       select gen_random_uuid(), 'BENCH-' || n, $1, 'CONFIRMED', now() - interval '1 day', 'EUR', 10, now() from generate_series(1, $2) n
     returning id`,
    [companyId, count],
  );
  await pool.query(
    `insert into orders.order_line (id, order_id, line_no, product_id, sku, quantity, unit_price, line_total)
       select gen_random_uuid(), id, 1, $2, $3, 1, 10, 10 from unnest($1::uuid[]) as id`,
    [rows.map((r) => r.id), productId, sku],
  );
  return rows.map((r) => r.id);
}

/** Status changes committed as the orders ingest commits them: the rows and their events in one transaction. */
async function commitChanges(pool: Pool, ids: string[], status: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('update orders.customer_order set status = $2, updated_at = now() where id = any($1::uuid[])', [ids, status]);
    await publishEvents(client, 'orderStatusChanged', ids);
    await client.query('commit');
  } finally {
    client.release();
  }
}

/** (b) and (c) against a running hub on `pool`'s database. */
export async function runSubscriptionBenchmarks(hub: RunningHubProcess, pool: Pool, log: (line: string) => void = console.log): Promise<SubscriptionFigures> {
  const demo = buildDemoDataset();
  const company = demo.companies[0];
  const user = demo.users.find((u) => u.companyId === company.id && u.role === 'customer admin')!;
  const product = demo.products[0];
  const { token } = await signAccessToken({ userId: user.id, kind: 'CUSTOMER', companyId: company.id, supplierId: null, permissions: user.permissions }, loadAuthSecrets());
  const wsUrl = hub.gatewayUrl.replace(/^http/, 'ws');

  // (b) one order per subscriber.
  const orders = await seedOrders(pool, company.id, product.sku, product.id, SUBSCRIBERS);
  const committedAt = new Map<string, number>();
  // A delivery can be read before this process has read its own commit's answer (both wait on sockets): kept until then.
  const committing = new Set<string>();
  const receivedEarly = new Map<string, number>();
  let readBeforeCommit = 0;
  const delays: number[] = [];
  const onNext = (data: any) => {
    const order = data?.orderStatusChanged;
    if (!order || order.status !== 'PICKED') return;
    const at = committedAt.get(order.id);
    if (at !== undefined) {
      delays.push(performance.now() - at);
      committedAt.delete(order.id);
    } else if (committing.has(order.id)) receivedEarly.set(order.id, performance.now());
  };
  const rssBefore = rssKb(hub.child.pid!);
  const clients: WatchClient[] = [];
  const subscribeStart = performance.now();
  for (let i = 0; i < orders.length; i += CONNECT_CONCURRENCY) {
    const wave = orders.slice(i, i + CONNECT_CONCURRENCY).map((id) => new WatchClient(wsUrl, token, WATCH, { id }, onNext));
    clients.push(...wave);
    await Promise.all(wave.map((c) => c.ready));
  }
  await until(async () => (await gatewayFieldMetrics(hub.gatewayUrl, 'orderStatusChanged')).active >= SUBSCRIBERS, 300_000, 'every subscription to be checked and served');
  const subscribeSeconds = (performance.now() - subscribeStart) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the subscribe burst's garbage be collected
  const kbPerSubscriber = (rssKb(hub.child.pid!) - rssBefore) / SUBSCRIBERS;
  log(`(b) ${SUBSCRIBERS} subscribers in ${subscribeSeconds.toFixed(1)} s, ${kbPerSubscriber.toFixed(1)} KB each (gateway RSS)`);

  // HTTP during the fan-out: a request every 50 ms, its latency recorded.
  const httpLatencies: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
      httpLatencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const perCommit = Math.max(1, Math.round((CHANGES_PER_SEC * COMMIT_MS) / 1000));
  const start = performance.now();
  for (let i = 0, n = 0; i < orders.length; i += perCommit, n++) {
    const due = start + n * COMMIT_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const ids = orders.slice(i, i + perCommit);
    for (const id of ids) committing.add(id);
    await commitChanges(pool, ids, 'PICKED');
    const at = performance.now();
    for (const id of ids) {
      committing.delete(id);
      const early = receivedEarly.get(id);
      if (early === undefined) committedAt.set(id, at);
      else {
        // Delivered before the commit's answer was read here: at most the time that answer took to be read.
        delays.push(0);
        readBeforeCommit++;
        receivedEarly.delete(id);
      }
    }
  }
  await until(async () => committedAt.size === 0, 60_000, 'every change to be delivered').catch(() => undefined);
  probing = false;
  await probe;
  const eventsMissing = committedAt.size;
  delays.sort((a, b) => a - b);
  httpLatencies.sort((a, b) => a - b);
  const errors = clients.reduce((sum, c) => sum + c.errors, 0);
  log(`(b) ${delays.length} events delivered (${readBeforeCommit} read here before the commit's own answer), ${eventsMissing} missing, ${errors} errors: p50 ${percentile(delays, 50).toFixed(1)} ms, p99 ${percentile(delays, 99).toFixed(1)} ms; HTTP p99 during the fan-out ${percentile(httpLatencies, 99).toFixed(1)} ms`);
  for (const c of clients) c.close();
  await until(async () => (await gatewayFieldMetrics(hub.gatewayUrl, 'orderStatusChanged')).active === 0, 60_000, 'the subscribers to be gone');

  // (c) one company's subscribers with one selection on myOrdersChanged (if the supergraph has it).
  let executionsPerEvent: number | null = null;
  const schemaHasMyOrders = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __type(name: "Subscription") { fields { name } } }' }),
  }).then(async (r) => ((await r.json()) as any).data?.__type?.fields?.some((f: { name: string }) => f.name === 'myOrdersChanged') ?? false);
  if (schemaHasMyOrders) {
    let received = 0;
    const broadcast: WatchClient[] = [];
    for (let i = 0; i < BROADCAST_SUBSCRIBERS; i += CONNECT_CONCURRENCY) {
      const wave = Array.from({ length: Math.min(CONNECT_CONCURRENCY, BROADCAST_SUBSCRIBERS - i) }, () => new WatchClient(wsUrl, token, MY_ORDERS, {}, () => void received++));
      broadcast.push(...wave);
      await Promise.all(wave.map((c) => c.ready));
    }
    await until(async () => (await gatewayFieldMetrics(hub.gatewayUrl, 'myOrdersChanged')).active >= BROADCAST_SUBSCRIBERS, 120_000, 'the broadcast subscribers');
    const before = await gatewayFieldMetrics(hub.gatewayUrl, 'myOrdersChanged');
    for (let e = 0; e < BROADCAST_EVENTS; e++) {
      await commitChanges(pool, [orders[e]], e % 2 === 0 ? 'SHIPPED' : 'DELIVERED');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await until(async () => received >= BROADCAST_SUBSCRIBERS * BROADCAST_EVENTS, 120_000, 'every broadcast delivery').catch(() => undefined);
    const after = await gatewayFieldMetrics(hub.gatewayUrl, 'myOrdersChanged');
    executionsPerEvent = (after.executions - before.executions) / (after.events - before.events || 1);
    log(`(c) ${BROADCAST_SUBSCRIBERS} subscribers, ${BROADCAST_EVENTS} events: ${after.executions - before.executions} executions, ${received} deliveries`);
    for (const c of broadcast) c.close();
  } else {
    log('(c) skipped: the supergraph has no myOrdersChanged');
  }

  return {
    subscribers: SUBSCRIBERS,
    subscribeSeconds: round(subscribeSeconds),
    eventP50Ms: round(percentile(delays, 50)),
    eventP99Ms: round(percentile(delays, 99)),
    eventsMissing,
    kbPerSubscriber: round(kbPerSubscriber),
    httpP99DuringFanoutMs: round(percentile(httpLatencies, 99)),
    broadcastSubscribers: schemaHasMyOrders ? BROADCAST_SUBSCRIBERS : null,
    executionsPerEvent: executionsPerEvent === null ? null : round(executionsPerEvent, 2),
  };
}

/** Starts the hub as deployed on a database with the demo data, without an integrator worker (this benchmark is the ERP). */
export function startBenchHub(databaseUrl: string): Promise<RunningHubProcess> {
  return startProductionHub(
    {
      DATABASE_URL: databaseUrl,
      HUB_DEMO_ERP_PORT: '0',
      HUB_DEMO_ERP_STEP_SECONDS: '0',
      HUB_INTEGRATOR_WORKER: 'false',
      // The load comes from one machine and a few users: lift the per-address and per-user WebSocket caps.
      HUB_WS_CONNECTIONS_PER_ADDRESS: '1000000',
      HUB_WS_CONNECTIONS_PER_USER: '1000000',
    },
    { nodeFlags: [], timeoutMs: 120_000 },
  );
}

async function main(): Promise<void> {
  // Production mode refuses the development secrets: the hub gets fresh ones, and this process signs with them.
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_bench_subscriptions_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  let hub: RunningHubProcess | undefined;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    hub = await startBenchHub(databaseUrl);
    const figures = await runSubscriptionBenchmarks(hub, pool);
    console.log(JSON.stringify(figures));
  } finally {
    await pool.end();
    if (hub && hub.child.exitCode === null) {
      hub.child.kill('SIGTERM');
      await new Promise((resolve) => hub!.child.once('exit', resolve));
    }
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
