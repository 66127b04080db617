/**
 * `npm run bench:sync`: the price sync at the demo ERP's `large` scale (1,000,000 customer prices).
 * 1. full sync through the real path: HTTP pages from the demo ERP (its own process) → ingest
 *    (COPY into staging + one merge per page) → one transaction with the cursor;
 * 2. a delta sync after 1% of the prices changed in the ERP;
 * 3. the baseline on the same database: the same rows COPYed straight into a staging table and
 *    merged with one statement, with no ERP, no HTTP, no paging.
 * Prints rows/s, wall time and peak RSS of this (integrator) process for each, and one JSON line.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { COPY_CHUNK_CHARS, rowEncoderFor } from '@hub/ingest';
import { startDemoErpProcess } from '@hub/launcher/dist/demo-erp-process';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { migrateAll } from '@hub/schema';
import { buildDemoErpTables, DemoErpAdminClient } from '@hub/demo-erp';
import { ensureSyncOperations, HttpErpAdapter, runSyncOperation, SyncRegistry } from '@hub/integrator';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { PRICE_RULE_TARGET, priceRuleRow } from '@hub/products';

const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 5_000);
const DELTA_SHARE = 0.01;

class RssSampler {
  private peak = 0;
  /** Peaks of the V8 heap in use and of memory outside it (Buffers), for where the RSS goes. */
  heapPeakMb = 0;
  externalPeakMb = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.peak = process.memoryUsage().rss;
    this.heapPeakMb = 0;
    this.externalPeakMb = 0;
    this.timer = setInterval(() => {
      const m = process.memoryUsage();
      this.peak = Math.max(this.peak, m.rss);
      this.heapPeakMb = Math.max(this.heapPeakMb, Math.round(m.heapUsed / 1024 / 1024));
      this.externalPeakMb = Math.max(this.externalPeakMb, Math.round((m.external + m.arrayBuffers) / 1024 / 1024));
    }, 10);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
    return Math.round(this.peak / 1024 / 1024);
  }
}

async function baseline(pool: Pool, size: number): Promise<{ rows: number; seconds: number }> {
  const tables = buildDemoErpTables('large');
  await pool.query('create schema if not exists bench; drop table if exists bench.price_rule; create table bench.price_rule (like products.price_rule including all)');
  const client = await pool.connect();
  const started = process.hrtime.bigint();
  try {
    await client.query('begin');
    await client.query('create temp table stage (like products.price_rule) on commit drop');
    // The ingest's own rows and encoder: the baseline differs from it only in paging and the merge.
    const encoder = rowEncoderFor(PRICE_RULE_TARGET);
    function* lines(): Generator<string> {
      let buffer = '';
      for (let i = 0; i < size; i++) {
        buffer += encoder.encode(priceRuleRow(tables.prices.at(i)));
        if (buffer.length > COPY_CHUNK_CHARS) {
          yield buffer;
          buffer = '';
        }
      }
      if (buffer) yield buffer;
    }
    await pipeline(Readable.from(lines()), client.query(copyFrom(`copy stage (${encoder.columns.join(', ')}) from stdin`)));
    await client.query(`insert into bench.price_rule select * from stage
      on conflict (key) do update set product_id = excluded.product_id, sku = excluded.sku, company_id = excluded.company_id,
        customer_group = excluded.customer_group, min_quantity = excluded.min_quantity, price = excluded.price, currency = excluded.currency,
        valid_from = excluded.valid_from, valid_to = excluded.valid_to, promotion = excluded.promotion`);
    await client.query('commit');
  } finally {
    client.release();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await pool.query('drop schema bench cascade');
  return { rows: size, seconds };
}

/** Runs every subgraph's migrations in a child process (`--migrate <url>`, below). */
function migrateInChild(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--migrate', databaseUrl], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the migrations exited with ${code}`))));
  });
}

async function migrateOnly(databaseUrl: string): Promise<void> {
  const orms = await migrateAll(databaseUrl);
  await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_bench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const erp = await startDemoErpProcess({ scale: 'large', port: 0, apiKey: 'bench-key' });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: 'bench-key', timeoutMs: 120_000 });
  try {
    // Migrated by a process of its own: the ORMs of every subgraph are no part of what a sync holds in memory.
    await migrateInChild(databaseUrl);
    await ensureSyncOperations(pool, new SyncRegistry(SUBGRAPH_MODULES));
    const prices = new SyncRegistry(SUBGRAPH_MODULES).find('prices')!;
    const rss = new RssSampler();

    console.log(`full price sync at large scale, pages of ${PAGE_SIZE} ... (RSS before: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB, heap used ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MB)`);
    rss.start();
    let started = process.hrtime.bigint();
    const full = await runSyncOperation({ pool, adapter, pageSize: PAGE_SIZE }, prices, 'MANUAL');
    const fullSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const fullRss = rss.stop();
    if (full.status !== 'SUCCEEDED') throw new Error(`full sync ${full.status}: ${'error' in full ? full.error : ''}`);
    const fullRowsPerSec = Math.round(full.rowsRead / fullSeconds);
    console.log(`  ${full.rowsRead} rows in ${fullSeconds.toFixed(2)} s = ${fullRowsPerSec} rows/s; inserted ${full.rowsInserted}; peak RSS ${fullRss} MB (heap used at most ${rss.heapPeakMb} MB, outside the heap ${rss.externalPeakMb} MB)`);

    const tables = buildDemoErpTables('large');
    const changes = Math.round(tables.prices.size * DELTA_SHARE);
    console.log(`changing ${changes} prices (${DELTA_SHARE * 100}%) in the ERP ...`);
    const admin = new DemoErpAdminClient(erp.url);
    const step = Math.floor(tables.prices.size / changes);
    const indexes = Array.from({ length: changes }, (_, k) => k * step);
    for (let k = 0; k < indexes.length; k += 64) {
      await Promise.all(
        indexes.slice(k, k + 64).map((i) => {
          const record = tables.prices.at(i);
          return admin.upsert('prices', { ...record, price: (Number(record.price) + 1).toFixed(2) });
        }),
      );
    }

    console.log('delta price sync ...');
    rss.start();
    started = process.hrtime.bigint();
    const delta = await runSyncOperation({ pool, adapter, pageSize: PAGE_SIZE }, prices, 'MANUAL');
    const deltaSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const deltaRss = rss.stop();
    if (delta.status !== 'SUCCEEDED') throw new Error(`delta sync ${delta.status}`);
    const deltaWritten = delta.rowsInserted + delta.rowsUpdated + delta.rowsDeleted;
    console.log(`  read ${delta.rowsRead}, wrote ${deltaWritten} (updated ${delta.rowsUpdated}) in ${deltaSeconds.toFixed(2)} s = ${Math.round(delta.rowsRead / deltaSeconds)} rows/s; peak RSS ${deltaRss} MB`);

    console.log('baseline: COPY of the same rows into a staging table and one merge ...');
    const base = await baseline(pool, tables.prices.size);
    const baselineRowsPerSec = Math.round(base.rows / base.seconds);
    console.log(`  ${base.rows} rows in ${base.seconds.toFixed(2)} s = ${baselineRowsPerSec} rows/s`);

    const result = {
      fullRowsPerSec,
      baselineRowsPerSec,
      ratio: Number((fullRowsPerSec / baselineRowsPerSec).toFixed(3)),
      deltaRowsChanged: changes,
      deltaRowsWritten: deltaWritten,
      deltaSeconds: Number(deltaSeconds.toFixed(3)),
      peakRssMb: Math.max(fullRss, deltaRss),
    };
    console.log(JSON.stringify(result));
  } finally {
    adapter.close();
    await pool.end();
    await erp.stop();
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

const migrateArg = process.argv.indexOf('--migrate');
(migrateArg >= 0 ? migrateOnly(process.argv[migrateArg + 1]) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
