/**
 * `npm run bench:documents`: invoice PDFs downloaded through the gateway, as deployed.
 * 1. start the demo ERP (small scale, its own process) and the hub (`node launcher/dist/main.js`) on a
 *    scratch database, in production mode with fresh secrets, one process per subgraph, synchronised once;
 * 2. the customer admins of the three companies whose invoices are not digitally signed (so every
 *    download is the stamped copy) sign in; 16 clients share them, each with its company's invoices;
 * 3. every client asks GraphQL for its invoices' `pdfUrl` links, and each invoice is downloaded once
 *    (the hub fetches the ERP's original, keeps it, stamps it and keeps the stamped copy: "cached");
 * 4. 16 concurrent clients loop for BENCH_SECONDS over their invoices: GET the link with their bearer
 *    token (the gateway checks token and link, the finance subgraph checks permission and tenant and
 *    reads the stamped copy from PostgreSQL), reading the whole PDF.
 * Prints documents/s, MB/s and latency percentiles, and one JSON line last.
 */
import { Pool } from 'pg';
import { runInvoiceExportBenchmark } from './invoice-export-benchmark';
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildDemoDataset, DEMO_PASSWORD } from '@hub/demo-data';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { startDemoErpProcess } from '@hub/launcher/dist/demo-erp-process';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { BenchHub, startProductionHub, stopHub } from './bench-hub-process';
import { BenchHttpClient } from './bench-http';
import { latencySummary, percentile } from './bench-stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;

function startHub(databaseUrl: string, erpUrl: string): Promise<BenchHub> {
  return startProductionHub({
    DATABASE_URL: databaseUrl, HUB_ERP_URL: erpUrl, HUB_ERP_API_KEY: 'bench-key', HUB_DEMO_DATA: 'true', HUB_SYNC_ON_START: 'true', HUB_INTEGRATOR_WORKER: 'true',
    HUB_SUBGRAPH_WORKERS: process.env.HUB_SUBGRAPH_WORKERS ?? '',
  });
}

const http = new BenchHttpClient(CLIENTS * 2);
const request = (url: string, options: { method: 'GET' | 'POST'; body?: string; token?: string }) =>
  http.request(url, { method: options.method, body: options.body, headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const parsed = await http.graphql<T>(url, query, variables, token);
  if (parsed.errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(parsed.errors).slice(0, 300)}`);
  return parsed.data;
}

interface Client {
  token: string;
  links: string[];
}

async function run(clients: Client[], seconds: number): Promise<{ latencies: number[]; bytes: number; seconds: number; errors: number }> {
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client, c) => {
      for (let n = c; Date.now() < deadline; n++) {
        const t0 = process.hrtime.bigint();
        const got = await request(client.links[n % client.links.length], { method: 'GET', token: client.token });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (got.status !== 200 || got.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
          if (errors === 0) console.error(`  first error: HTTP ${got.status} ${got.body.subarray(0, 300).toString('utf8')}`);
          errors++;
          continue;
        }
        latencies.push(ms);
        bytes += got.body.length;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9, errors };
}

async function main(): Promise<void> {
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_docsbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const erp = await startDemoErpProcess({ scale: 'small', port: 0, apiKey: 'bench-key', adminKey: 'bench-admin-key' });
  let hub: { gatewayUrl: string; child: ChildProcess } | null = null;
  try {
    hub = await startHub(databaseUrl, erp.url);
    const gatewayUrl = hub.gatewayUrl;
    console.log(`hub at ${gatewayUrl} (production mode, one process per subgraph), demo ERP at ${erp.url}`);

    const data = buildDemoDataset();
    const admins = data.users.filter((u) => u.role === 'customer admin');
    const signedIn: Array<{ token: string; invoices: Array<{ number: string; digitallySigned: boolean }> }> = [];
    for (const admin of admins) {
      const { login } = await graphql<{ login: { token: string } }>(gatewayUrl, 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: admin.email, p: DEMO_PASSWORD });
      const { invoices } = await graphql<{ invoices: Array<{ number: string; digitallySigned: boolean }> }>(gatewayUrl, 'query Invoices { invoices(first: 200) { number digitallySigned } }', {}, login.token);
      // Stamped copies only: the companies whose invoices are not signed.
      if (invoices.length > 0 && invoices.every((i) => !i.digitallySigned)) signedIn.push({ token: login.token, invoices });
    }
    const links = async (token: string) =>
      (await graphql<{ invoices: Array<{ pdfUrl: string }> }>(gatewayUrl, 'query InvoiceLinks { invoices(first: 200) { pdfUrl } }', {}, token)).invoices.map((i) => i.pdfUrl);
    const clients: Client[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const who = signedIn[c % signedIn.length];
      clients.push({ token: who.token, links: await links(who.token) });
    }
    const distinct = signedIn.reduce((n, s) => n + s.invoices.length, 0);
    console.log(`${CLIENTS} clients over ${signedIn.length} companies' admins; ${distinct} distinct unsigned invoices (stamped DUPLICATE)`);

    // First downloads: the ERP's originals are fetched, kept, stamped; the stamped copies kept.
    const firstStarted = Date.now();
    for (const who of signedIn) {
      for (const link of await links(who.token)) {
        const got = await request(link, { method: 'GET', token: who.token });
        if (got.status !== 200) throw new Error(`first download: HTTP ${got.status} ${got.body.toString('utf8').slice(0, 300)}`);
      }
    }
    const firstMs = (Date.now() - firstStarted) / distinct;
    console.log(`first download of each (ERP fetch, keep, stamp): ${firstMs.toFixed(1)} ms per invoice on average, one at a time`);

    console.log(`warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s ...`);
    await run(clients, WARMUP_SECONDS);
    const result = await run(clients, SECONDS);
    const count = result.latencies.length;
    const perSec = count / result.seconds;
    console.log(`  ${count} PDFs in ${result.seconds.toFixed(1)} s = ${perSec.toFixed(1)} PDFs/s, ${(result.bytes / 1e6 / result.seconds).toFixed(1)} MB/s, ${(result.bytes / Math.max(1, count) / 1024).toFixed(1)} KiB each; errors ${result.errors}`);
    console.log(`  download latency ${latencySummary(result.latencies)}`);
    const round = (n: number) => Number(n.toFixed(1));
    // The 10,000-invoice XLSX export (seconds and peak RSS of the finance process that builds it) on a
    // restarted hub, so that the document cache and heap of the downloads above are not counted as the export's.
    await stopHub(hub, 60_000);
    hub = await startHub(databaseUrl, erp.url);
    const pool = new Pool({ connectionString: databaseUrl, max: 2 });
    const exported = await runInvoiceExportBenchmark({ gatewayUrl: hub.gatewayUrl, pid: hub.child.pid! }, pool).finally(() => pool.end());
    console.log(
      JSON.stringify({
        pdfPerSec: round(perSec),
        pdfP95Ms: round(percentile(result.latencies, 95)),
        pdfP50Ms: round(percentile(result.latencies, 50)),
        pdfP99Ms: round(percentile(result.latencies, 99)),
        pdfKiB: round(result.bytes / Math.max(1, count) / 1024),
        clients: CLIENTS,
        errors: result.errors,
        firstDownloadMs: round(firstMs),
        export10kSeconds: exported.export10kSeconds,
        exportPeakRssMb: exported.exportPeakRssMb,
      }),
    );
  } finally {
    http.destroy();
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
