import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { Pool } from 'pg';
import { ensureDatabase } from '@hub/database';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { demoUser } from './support/hub-client';
import { DemoErpProcess, startDemoErpProcess } from './support/demo-erp-process';
import { HubProcess, startHubProcess } from './support/hub-process';
import { eventually } from './support/staff-client';
import { RecordedSubscription, useGateway, wsClient } from './support/subscription-client';
import { freePort, startEmbeddedPostgresProcess, TestServer } from './support/test-database';

/**
 * Several instances (README "Several instances"): two hubs on one PostgreSQL and one ERP, each with
 * its gateway, every subgraph and an integrator worker (so two of each), both scheduling syncs and
 * dispatching the outbox. What must hold: a scheduled sync runs once, an order reaches the ERP once
 * whichever gateway took it, and a subscriber on either gateway sees the events of both.
 */
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }';

describe('two hubs on one database: two gateways, two of each subgraph, two integrator workers', () => {
  let server: TestServer;
  let erp: DemoErpProcess;
  let pool: Pool;
  const hubs: HubProcess[] = [];
  const run = Date.now().toString(36);
  const scratch = mkdtempSync(join(tmpdir(), 'hub-cluster-'));

  beforeAll(async () => {
    // A PostgreSQL of its own (max_connections 200): two whole hubs need more connections than the shared server spares next to the run's hub.
    server = await startEmbeddedPostgresProcess(join(scratch, 'postgres'), await freePort());
    const databaseUrl = await ensureDatabase(server.serverUrl, 'hub');
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    erp = await startDemoErpProcess();
    const env = (name: string): NodeJS.ProcessEnv => ({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HUB_PORT: '0',
      HUB_SUBGRAPH_BASE_PORT: '0',
      HUB_DEMO_CARRIER_PORT: '0',
      HUB_ERP_URL: erp.url,
      HUB_ERP_API_KEY: erp.apiKey,
      HUB_SCHEDULER_TICK_MS: '100',
      HUB_DISPATCHER_TICK_MS: '100',
      HUB_MAIL_CATCHER_DIR: join(scratch, `mail-${name}`),
    });
    // The first seeds the demo world and syncs; the second joins the same database as it is.
    hubs.push(await startHubProcess(env('a')));
    hubs.push(await startHubProcess({ ...env('b'), HUB_DEMO_DATA: 'false' }));
  }, 240_000);

  afterAll(async () => {
    useGateway(null);
    for (const hub of hubs) await hub.stop();
    await pool?.end();
    await erp?.stop();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const login = async (hub: HubProcess, email: string) =>
    (await new GraphQLClient(hub.gatewayUrl).request<{ login: { token: string } }>(LOGIN, { e: email, p: DEMO_PASSWORD })).login.token;
  const api = (hub: HubProcess, token: string) => new GraphQLClient(hub.gatewayUrl, { headers: { authorization: `Bearer ${token}` } });

  it('runs a one-off sync once, and an interval sync never twice in its interval, with both schedulers ticking', async () => {
    const staff = api(hubs[0], await login(hubs[0], 'admin@hub.example'));
    const at = new Date(Date.now() + 1_500);
    await staff.request('mutation($o: String!, $at: DateTimeISO!) { scheduleSyncOnce(operation: $o, at: $at) { name } }', { o: 'prices', at: at.toISOString() });
    // Stock every 2 s, from now: both processes see it due at the same ticks.
    await pool.query(`update integrator.sync_operation set interval_seconds = 2, next_run_at = now() where name = 'stock'`);
    const since = new Date();
    await eventually(async () => (await pool.query(`select 1 from integrator.sync_run where operation = 'prices' and trigger = 'ONCE' and finished_at is not null`)).rowCount === 1, 20_000, 'the one-off run');
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const once = await pool.query(`select id from integrator.sync_run where operation = 'prices' and trigger = 'ONCE'`);
    expect(once.rowCount).toBe(1);
    const { rows } = await pool.query<{ started_at: Date }>(`select started_at from integrator.sync_run where operation = 'stock' and trigger = 'SCHEDULE' and started_at >= $1 order by started_at`, [since]);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const gaps = rows.slice(1).map((r, i) => r.started_at.getTime() - rows[i].started_at.getTime());
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1_900);
  }, 60_000);

  it('delivers each order to the ERP once, whichever gateway took it, with both dispatchers running', async () => {
    const buyers = await Promise.all([0, 1].map(async (company) => {
      const email = demoUser(company, 'buyer').email;
      const tokens = await Promise.all(hubs.map((hub) => login(hub, email)));
      const page = await api(hubs[0], tokens[0]).request<any>('{ products(first: 12) { edges { node { id price { amount } } } } }');
      return { tokens, productIds: page.products.edges.filter((e: any) => e.node.price).map((e: any) => e.node.id) as string[] };
    }));
    const placed = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const buyer = buyers[i % 2];
        const hub = i % 4 < 2 ? 0 : 1;
        const input = { idempotencyKey: `cluster-${run}-${i}`, lines: [{ productId: buyer.productIds[i % buyer.productIds.length], quantity: 1 }] };
        return api(hubs[hub], buyer.tokens[hub]).request<{ placeOrder: { id: string; status: string } }>(PLACE, { input }).then((r) => r.placeOrder);
      }),
    );
    expect(new Set(placed.map((o) => o.id)).size).toBe(12);
    const stats = await eventually(async () => {
      const answer = await erp.admin('GET', '/admin/stats');
      return placed.every((o) => answer.acceptedOrdersByKey[o.id]) && answer;
    }, 30_000, 'every order in the ERP');
    for (const o of placed) expect({ order: o.id, inErp: stats.acceptedOrdersByKey[o.id] }).toEqual({ order: o.id, inErp: 1 });
    const { rows } = await pool.query(`select key, count(*)::int as n from orders.outbox_message where key = any($1::text[]) group by key`, [placed.map((o) => o.id)]);
    expect(rows.map((r) => r.n)).toEqual(placed.map(() => 1));
  }, 90_000);

  it("lets a subscriber on either gateway see the orders placed through both", async () => {
    const email = demoUser(0, 'customer admin').email;
    const watchers = await Promise.all(hubs.map(async (hub) => {
      useGateway(hub.gatewayUrl);
      return new RecordedSubscription(wsClient({ token: await login(hub, email) }), 'subscription { myOrdersChanged { id status } }');
    }));
    // Subscribed (checked and listening) before anything is placed: the check's answer comes first.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const buyer = demoUser(0, 'buyer').email;
    const placed: string[] = [];
    for (const [i, hub] of hubs.entries()) {
      const client = api(hub, await login(hub, buyer));
      const page = await client.request<any>('{ products(first: 5) { edges { node { id price { amount } } } } }');
      const productId = page.products.edges.find((e: any) => e.node.price).node.id;
      placed.push((await client.request<{ placeOrder: { id: string } }>(PLACE, { input: { idempotencyKey: `cluster-watch-${run}-${i}`, lines: [{ productId, quantity: 1 }] } })).placeOrder.id);
    }
    for (const watcher of watchers) {
      await watcher.until((s) => placed.every((id) => s.results.some((r) => r.data?.myOrdersChanged?.id === id)), 20_000);
      expect(watcher.error).toBeUndefined();
      watcher.unsubscribe();
    }
  }, 60_000);
});
