/**
 * `npm run bench:dashboard`: how cheap the staff dashboard is to poll.
 * 1. start the hub as deployed (production mode, one process per subgraph) on a scratch database
 *    with the demo data and the built-in demo ERP, synchronised once;
 * 2. add history a busy distributor has: BENCH_ORDERS orders (200,000) spread over 100 days,
 *    BENCH_RUNS sync runs (100,000, 2% failed) and BENCH_MAIL e-mails (20,000) — the tables the
 *    dashboard aggregates;
 * 3. poll `staffDashboard` (every figure) BENCH_POLLS times (300) as the staff administrator, one
 *    request at a time, as a dashboard in a browser would;
 * 4. read PostgreSQL's own counters for those tables around the polls: sequential and index scans
 *    per poll (no sequential scan of a big table means every figure is an indexed aggregate).
 * Prints latency percentiles, scans per poll and one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { BenchHub, startProductionHub, stopHub } from './bench-hub-process';
import { BenchHttpClient } from './bench-http';
import { latencySummary } from './bench-stats';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100_000);
const MAIL = Number(process.env.BENCH_MAIL ?? 20_000);
const POLLS = Number(process.env.BENCH_POLLS ?? 300);

const DASHBOARD = `query Dashboard { staffDashboard {
  day ordersByChannel { channel orders sales { amount currency } } ordersAwaitingApproval ordersOnHold ordersRefusedByErp
  returnsAwaitingDecision returnsAwaitingAssessment
  syncHealth { failedRuns oldestCursorAgeSeconds operations { operation cursorAgeSeconds lastRunStatus } } deadLetteredMessages
  tasks { open inProgress openedOnDay unassignedMailOnDay } undeliveredMessages } }`;
const TABLES = ['orders.customer_order', 'integrator.sync_run', 'notifications.mailbox_message', 'notifications.task', 'notifications.message', 'finance.return_request'];

async function scans(pool: Pool): Promise<Map<string, { seq: number; idx: number }>> {
  // The statistics collector reports with a delay: wait for it to flush what the polls did.
  await pool.query('select pg_stat_clear_snapshot()');
  const { rows } = await pool.query<{ name: string; seq: string; idx: string }>(
    `select schemaname || '.' || relname as name, seq_scan::text as seq, coalesce(idx_scan, 0)::text as idx from pg_stat_user_tables where schemaname || '.' || relname = any($1)`,
    [TABLES],
  );
  return new Map(rows.map((r) => [r.name, { seq: Number(r.seq), idx: Number(r.idx) }]));
}

async function main(): Promise<void> {
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_dashboardbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  let hub: BenchHub | null = null;
  const client = new BenchHttpClient(2);
  try {
    hub = await startProductionHub({ DATABASE_URL: databaseUrl, HUB_DEMO_DATA: 'true', HUB_SYNC_ON_START: 'true', HUB_INTEGRATOR_WORKER: 'true' });
    const { rows: [company] } = await pool.query<{ company_id: string }>('select company_id from orders.customer_order limit 1');
    await pool.query(
      `insert into orders.customer_order (id, number, company_id, placed_by_user_id, placed_by_actor_id, status, placed_at, currency, total, updated_at)
       select gen_random_uuid(), 'BENCH-' || g, $1, case when g % 5 = 0 then null else gen_random_uuid() end, case when g % 17 = 0 then gen_random_uuid() end,
              -- Mostly history (invoiced), a few in flight, held or waiting, as a real order book.
              case when g % 200 = 0 then 'ON_HOLD' when g % 200 = 1 then 'AWAITING_APPROVAL' when g % 100 = 2 then 'CANCELLED' when g % 50 = 3 then 'CONFIRMED' else 'INVOICED' end,
              now() - (g % 100) * interval '1 day' - (g % 86400) * interval '1 second', 'EUR', (g % 1000) + 0.5, now()
         from generate_series(1, $2::int) g`,
      [company.company_id, ORDERS],
    );
    await pool.query(
      `insert into integrator.sync_run (id, operation, trigger, status, started_at, finished_at, pages, rows_read, rows_inserted, rows_updated, rows_deleted)
       select gen_random_uuid(), 'products', 'SCHEDULE', case when g % 50 = 0 then 'FAILED' else 'SUCCEEDED' end, now() - g * interval '30 seconds', now() - g * interval '30 seconds', 1, 0, 0, 0, 0
         from generate_series(1, $1::int) g`,
      [RUNS],
    );
    await pool.query(
      `insert into notifications.mailbox_message (id, mailbox, uid_validity, uid, message_id, "references", from_address, to_addresses, subject, thread_subject, text, received_at)
       select gen_random_uuid(), 'bench', 1, g, 'bench-' || g || '@example.com', '{}', 'buyer@example.com', '{}', 'Order ' || g, 'order ' || g, 'Hello', now() - (g % 60) * interval '1 day'
         from generate_series(1, $1::int) g`,
      [MAIL],
    );
    await pool.query('analyze orders.customer_order; analyze integrator.sync_run; analyze notifications.mailbox_message');
    console.log(`hub at ${hub.gatewayUrl} (production mode, one process per subgraph); added ${ORDERS} orders over 100 days, ${RUNS} sync runs, ${MAIL} e-mails`);

    const token = (await client.graphql<{ login: { token: string } }>(hub.gatewayUrl, 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'admin@hub.example', p: DEMO_PASSWORD })).data.login.token;
    // Warm up (connections, plans), then measure.
    for (let i = 0; i < 10; i++) await client.graphql(hub.gatewayUrl, DASHBOARD, {}, token);
    await new Promise((r) => setTimeout(r, 1_000));
    // What the hub's own work (scheduled syncs, the dispatcher) scans meanwhile, over as long as the polls take, is subtracted.
    const idleStart = await scans(pool);
    const idleFrom = Date.now();
    for (let i = 0; i < 10; i++) await client.graphql(hub.gatewayUrl, DASHBOARD, {}, token);
    const pollMs = (Date.now() - idleFrom) / 10;
    await new Promise((r) => setTimeout(r, pollMs * POLLS));
    const idleEnd = await scans(pool);
    const before = await scans(pool);
    const latencies: number[] = [];
    let errors = 0;
    let sample: unknown = null;
    for (let i = 0; i < POLLS; i++) {
      const t0 = process.hrtime.bigint();
      const res = await client.graphql<{ staffDashboard: unknown }>(hub.gatewayUrl, DASHBOARD, {}, token);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.errors) {
        if (errors === 0) console.error(`  first error: ${JSON.stringify(res.errors).slice(0, 400)}`);
        errors++;
      }
      sample = res.data?.staffDashboard;
    }
    await new Promise((r) => setTimeout(r, 1_500));
    const after = await scans(pool);
    latencies.sort((a, b) => a - b);
    console.log(`  ${POLLS} polls of staffDashboard (every figure), one at a time: ${latencySummary(latencies)}; errors ${errors}`);
    const perPoll: Record<string, { seqScans: number; indexScans: number }> = {};
    for (const table of TABLES) {
      const b = before.get(table) ?? { seq: 0, idx: 0 };
      const a = after.get(table) ?? { seq: 0, idx: 0 };
      // The idle window also had 10 polls: its background is (its scans - 10 polls' worth), and that is taken off.
      const i0 = idleStart.get(table) ?? { seq: 0, idx: 0 };
      const i1 = idleEnd.get(table) ?? { seq: 0, idx: 0 };
      const measured = { seq: (a.seq - b.seq) / POLLS, idx: (a.idx - b.idx) / POLLS };
      const background = { seq: Math.max(0, (i1.seq - i0.seq - 10 * measured.seq) / POLLS), idx: Math.max(0, (i1.idx - i0.idx - 10 * measured.idx) / POLLS) };
      perPoll[table] = { seqScans: Math.max(0, measured.seq - background.seq), indexScans: Math.max(0, measured.idx - background.idx) };
      console.log(`  ${table}: ${perPoll[table].seqScans.toFixed(2)} sequential and ${perPoll[table].indexScans.toFixed(2)} index scans per poll (raw ${measured.seq.toFixed(2)} / ${measured.idx.toFixed(2)}, the hub's own background taken off)`);
    }
    console.log(`  today's orders by channel: ${JSON.stringify((sample as any)?.ordersByChannel)}`);
    console.log(JSON.stringify({ benchmark: 'staff-dashboard', orders: ORDERS, runs: RUNS, mail: MAIL, polls: POLLS, errors, p50Ms: latencies[Math.floor(latencies.length / 2)], perPoll }));
  } finally {
    await stopHub(hub);
    await pool.end();
    await dropDatabase(serverUrl, database).catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
