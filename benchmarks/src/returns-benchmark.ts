/**
 * `npm run bench:returns`: filing returns (RMA) as deployed.
 * 1. start the demo ERP (small scale, its own process) and add 1,000 delivery notes to its demo
 *    customers (delivered yesterday, three lines each), which the hub synchronises on start;
 * 2. start the hub (`node launcher/dist/main.js`) on a scratch database with the demo data, pointed
 *    at that ERP, in production mode with fresh secrets, one process per subgraph;
 * 3. each demo company's admin adds 4 buyers (returns.file is part of the buyer role): 16 clients;
 * 4. the 16 clients file 1,000 returns concurrently (BENCH_RETURNS), each against a delivery note of
 *    its company, part of one line, with a small photo attached: `fileReturn` through the gateway;
 * 5. checks that each return is stored once with its line and photo.
 * Prints returns/s and latency percentiles, and one JSON line.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { buildDemoDataset, DEMO_PASSWORD } from '@hub/demo-data';
import { DemoErpAdminClient } from '@hub/demo-erp';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { erpEntityId } from '@hub/erp-ids';
import { startDemoErpProcess } from '@hub/launcher/dist/demo-erp-process';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { BenchHub, startProductionHub, stopHub } from './bench-hub-process';
import { BenchHttpClient } from './bench-http';
import { latencySummary, percentile } from './bench-stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const RETURNS = Number(process.env.BENCH_RETURNS ?? 1000);
/** A real 1×1 PNG, as a phone's photo would be attached (smaller). */
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function startHub(databaseUrl: string, erpUrl: string): Promise<BenchHub> {
  return startProductionHub({ DATABASE_URL: databaseUrl, HUB_ERP_URL: erpUrl, HUB_ERP_API_KEY: 'bench-key', HUB_DEMO_DATA: 'true', HUB_SYNC_ON_START: 'true', HUB_INTEGRATOR_WORKER: 'true' });
}

const client = new BenchHttpClient(CLIENTS * 2);
const graphql = client.graphql.bind(client);

const LOGIN = 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const FILE = 'mutation File($input: FileReturnInput!) { fileReturn(input: $input) { id number status lines { quantity } attachments { byteSize } } }';

async function main(): Promise<void> {
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_returnsbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const erp = await startDemoErpProcess({ scale: 'small', port: 0, apiKey: 'bench-key', adminKey: 'bench-admin-key' });
  const erpAdmin = new DemoErpAdminClient(erp.url, 'bench-admin-key');
  let hub: { gatewayUrl: string; child: ChildProcess } | null = null;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const data = buildDemoDataset();
    const skus = data.products.slice(0, 60).map((p) => p.sku);
    // One delivery note per return, of the company of the client filing it (client c files notes c, c+16, ...).
    const admins = data.users.filter((u) => u.role === 'customer admin');
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    const notes: Array<{ number: string; company: string }> = [];
    for (let n = 0; n < RETURNS; n++) {
      const company = data.companies.find((c) => c.id === admins[(n % CLIENTS) % admins.length].companyId)!;
      const number = `DN-BENCH-${String(n).padStart(5, '0')}`;
      await erpAdmin.upsert('deliveryNotes', {
        deliveryNumber: number, customerNumber: company.erpNumber, orderNumber: `SO-BENCH-${n}`, hubOrderId: null, shippedAt: new Date(yesterday.getTime() - 3600_000).toISOString(),
        deliveredAt: yesterday.toISOString(), carrier: 'DHL', trackingNumber: `TRKBENCH${n}`,
        lines: [0, 1, 2].map((i) => ({ lineNo: i + 1, sku: skus[(n * 3 + i) % skus.length], quantity: '5' })),
      });
      notes.push({ number, company: company.id });
    }
    hub = await startHub(databaseUrl, erp.url);
    const synced = (await pool.query<{ n: number }>("select count(*)::int as n from finance.delivery_note where number like 'DN-BENCH-%'")).rows[0].n;
    console.log(`hub at ${hub.gatewayUrl} (production mode, one process per subgraph); ${synced} of ${RETURNS} benchmark delivery notes synchronised`);

    const clients: string[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const admin = admins[c % admins.length];
      const adminToken = (await graphql<{ login: { token: string } }>(hub.gatewayUrl, LOGIN, { e: admin.email, p: DEMO_PASSWORD })).data.login.token;
      const email = `bench-returns-${c}-${randomUUID().slice(0, 6)}@${admin.email.split('@')[1]}`;
      const created = await graphql<{ createCoworker: { id: string } }>(hub.gatewayUrl, 'mutation Add($i: CreateCoworkerInput!) { createCoworker(input: $i) { id } }', {
        i: { email, name: `Bench returns ${c}`, roles: ['BUYER'], password: 'bench-password-1' },
      }, adminToken);
      if (created.errors) throw new Error(`createCoworker: ${JSON.stringify(created.errors)}`);
      clients.push((await graphql<{ login: { token: string } }>(hub.gatewayUrl, LOGIN, { e: email, p: 'bench-password-1' })).data.login.token);
    }
    console.log(`${clients.length} clients file ${RETURNS} returns concurrently (part of one line each, with a photo)`);

    const latencies: number[] = [];
    let errors = 0;
    const filedIds: string[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      clients.map(async (token, c) => {
        for (let n = c; n < RETURNS; n += CLIENTS) {
          const input = {
            deliveryNoteId: erpEntityId('deliveryNote', notes[n].number), reasonCode: 'DEFECTIVE', condition: 'OPENED', lines: [{ lineNo: 1 + (n % 3), quantity: '2' }],
            attachments: [{ kind: 'PHOTO', fileName: `photo-${n}.png`, contentType: 'image/png', contentBase64: PHOTO }],
          };
          const t0 = process.hrtime.bigint();
          const res = await graphql<{ fileReturn: { id: string; status: string } }>(hub!.gatewayUrl, FILE, { input }, token);
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (res.errors || res.data.fileReturn.status !== 'FILED') {
            if (errors === 0) console.error(`  first error: ${JSON.stringify(res).slice(0, 400)}`);
            errors++;
            continue;
          }
          latencies.push(ms);
          filedIds.push(res.data.fileReturn.id);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const stored = (await pool.query<{ returns: number; lines: number; files: number }>(
      `select count(distinct r.id)::int as returns, count(distinct l.id)::int as lines, count(distinct f.id)::int as files
         from finance.return_request r join finance.return_line l on l.return_id = r.id join finance.return_file f on f.return_id = r.id where r.id = any($1)`,
      [filedIds],
    )).rows[0];
    const perSec = latencies.length / seconds;
    console.log(`  ${latencies.length} returns in ${seconds.toFixed(1)} s = ${perSec.toFixed(1)} returns/s; errors ${errors}`);
    console.log(`  fileReturn ${latencySummary(latencies)}`);
    console.log(`  stored: ${stored.returns} returns, ${stored.lines} lines, ${stored.files} photos`);
    const round = (n: number) => Number(n.toFixed(1));
    console.log(JSON.stringify({ returns: latencies.length, clients: CLIENTS, returnsPerSec: round(perSec), p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), p99Ms: round(percentile(latencies, 99)), errors, storedOnce: stored.returns === latencies.length && stored.lines === latencies.length && stored.files === latencies.length }));
  } finally {
    client.destroy();
    await pool.end();
    await stopHub(hub);
    await erp.stop();
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
