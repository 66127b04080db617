/**
 * `npm run bench:invoice-export`: the invoice list of a company with 10,000 invoices exported as
 * XLSX through the gateway, as deployed (production mode, one process per subgraph).
 * 1. start the hub on a scratch database with the demo data;
 * 2. give one demo company 10,000 more invoices (written straight into finance.invoice, as the
 *    invoices sync would);
 * 3. ask for the export link as the company's read-only user and download it, timing the request
 *    for the link and the whole download; meanwhile the finance subgraph's process (the one that
 *    builds the file) has its peak RSS reset before and read after (/proc/<pid>/clear_refs and
 *    VmHWM), and its RSS sampled every 10 ms as a cross-check;
 * 4. read the file back with exceljs and check it has every row.
 * Prints the figures and, last, one JSON line: {"export10kSeconds", "exportPeakRssMb"}.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Pool } from 'pg';
import { buildDemoDataset, DEMO_PASSWORD } from '@hub/demo-data';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { startBenchHub } from './subscription-benchmark';

export const EXPORT_ROWS = 10_000;

export interface InvoiceExportFigures {
  export10kSeconds: number;
  exportPeakRssMb: number;
}

/** The pid of the process under `root` whose command line runs subgraph-main.js for `subgraph`. */
export function subgraphPid(root: number, subgraph: string): number | null {
  const parents = new Map<number, number>();
  const matches: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = argv.findIndex((a) => a.endsWith('subgraph-main.js'));
      if (at >= 0 && argv[at + 1] === subgraph) matches.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const under = (pid: number): boolean => pid === root || (pid > 1 && parents.has(pid) && under(parents.get(pid)!));
  // With workers, the primary forks them; the deepest match is the one serving requests.
  const found = matches.filter(under);
  return found.length ? found[found.length - 1] : null;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** Gives the company `rows` invoices more (numbers BENCH-<n>), in one statement; idempotent. */
export async function seedInvoices(pool: Pool, companyId: string, rows: number): Promise<void> {
  await pool.query(
    `insert into finance.invoice (id, number, company_id, order_id, order_number, issued_at, due_at, currency, net_total, tax_total, total, open_amount, status, digitally_signed)
     select gen_random_uuid(), 'BENCH-' || lpad(n::text, 6, '0'), $1::uuid, null, 'SO-B' || n, now() - (n || ' hours')::interval, now() - (n || ' hours')::interval + interval '30 days', 'EUR',
            round((n % 997) * 3.17 + 10, 2), round(((n % 997) * 3.17 + 10) * 0.21, 2), round(((n % 997) * 3.17 + 10) * 1.21, 2),
            case when n % 3 = 0 then 0 else round(((n % 997) * 3.17 + 10) * 1.21, 2) end, case when n % 3 = 0 then 'PAID' else 'OPEN' end, false
       from generate_series(1, $2::int) n
     on conflict (number) do nothing`,
    [companyId, rows],
  );
}

/**
 * Exports a company's invoices (10,000 and the demo ones) as XLSX through the hub's gateway and
 * measures it: seconds from asking for the link to the last byte, and the peak RSS of the finance
 * subgraph's process while it built the file. `hubPid` is the launcher's process (split mode).
 */
export async function runInvoiceExportBenchmark(hub: { gatewayUrl: string; pid: number }, pool: Pool): Promise<InvoiceExportFigures> {
  const demo = buildDemoDataset();
  const company = demo.companies[0];
  const reader = demo.users.find((u) => u.companyId === company.id && u.role === 'read-only')!;
  await seedInvoices(pool, company.id, EXPORT_ROWS);
  const { rows: [{ n: expected }] } = await pool.query<{ n: number }>('select count(*)::int as n from finance.invoice where company_id = $1', [company.id]);
  const { login } = await graphql<{ login: { token: string } }>(hub.gatewayUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: reader.email, p: DEMO_PASSWORD });
  const pid = subgraphPid(hub.pid, 'finance');
  if (!pid) throw new Error('no finance subgraph process found (the hub must run split: HUB_PROCESSES=split)');
  const EXPORT = 'query($f: ExportFormat!) { invoicesExport(format: $f, orderBy: { field: NUMBER, direction: ASC }) { url } }';

  const once = async () => {
    const { invoicesExport } = await graphql<{ invoicesExport: { url: string } }>(hub.gatewayUrl, EXPORT, { f: 'XLSX' }, login.token);
    const res = await fetch(invoicesExport.url, { headers: { authorization: `Bearer ${login.token}` } });
    if (res.status !== 200) throw new Error(`download: ${res.status} ${await res.text()}`);
    return Buffer.from(await res.arrayBuffer());
  };
  // Each export from its own clean peak: the first one in a fresh process, then again (BENCH_EXPORTS times in all),
  // since a process that has built one file keeps some of its heap; the figures are the worst of them.
  const runs: Array<{ seconds: number; beforeKb: number; peakKb: number; hwmKb: number | null }> = [];
  let file = Buffer.alloc(0);
  for (let run = 0; run < Number(process.env.BENCH_EXPORTS ?? 3); run++) {
    let resetPeak = true;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      resetPeak = false;
    }
    const beforeKb = statusKb(pid, 'VmRSS');
    let sampledKb = beforeKb;
    const sampler = setInterval(() => (sampledKb = Math.max(sampledKb, statusKb(pid, 'VmRSS'))), 10);
    const started = process.hrtime.bigint();
    try {
      file = await once();
    } finally {
      clearInterval(sampler);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const hwmKb = resetPeak ? statusKb(pid, 'VmHWM') : null;
    runs.push({ seconds, beforeKb, peakKb: Math.max(sampledKb, hwmKb ?? 0), hwmKb });
  }
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  for (const [i, r] of runs.entries()) {
    console.error(`export ${i + 1}: ${r.seconds.toFixed(2)} s; finance subgraph (pid ${pid}) RSS before ${mb(r.beforeKb)} MB, peak ${mb(r.peakKb)} MB${r.hwmKb === null ? ' (sampled; VmHWM not resettable)' : ' (VmHWM since reset, and sampled every 10 ms)'}`);
  }
  const seconds = Math.max(...runs.map((r) => r.seconds));
  const peakKb = Math.max(...runs.map((r) => r.peakKb));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as any);
  const dataRows = workbook.worksheets[0].actualRowCount - 2; // the heading row and one totals row (EUR)
  if (dataRows !== expected) throw new Error(`the export has ${dataRows} invoice rows, the company ${expected}`);
  console.error(`XLSX export of ${expected} invoices (${(file.length / 1e6).toFixed(1)} MB): worst of ${runs.length}: ${seconds.toFixed(2)} s, peak RSS ${mb(peakKb)} MB`);
  return { export10kSeconds: Number(seconds.toFixed(3)), exportPeakRssMb: Number((peakKb / 1024).toFixed(1)) };
}

async function main(): Promise<void> {
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_bench_export_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  let hub: Awaited<ReturnType<typeof startBenchHub>> | undefined;
  try {
    hub = await startBenchHub(databaseUrl);
    const figures = await runInvoiceExportBenchmark({ gatewayUrl: hub.gatewayUrl, pid: hub.child.pid! }, pool);
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
