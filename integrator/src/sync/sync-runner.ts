import { Pool, PoolClient } from 'pg';
import { inTransaction } from '@hub/database';
import { CarrierAdapter, CarrierError } from '@hub/carrier-contract';
import { ErpAdapter, ErpError } from '@hub/erp-contract';
import { componentLogger, withSpan } from '@hub/observability';
import { syncRows, syncRunSeconds, syncRuns } from '../integrator-metrics';
import { pollCarrier } from '../carrier/carrier-poll';
import { ErpSyncOperation, SyncOperationDefinition } from './sync-registry';
import { SyncRunCounts, SyncRunRepository, SyncTrigger } from './sync-run.repository';

export type { SyncRunCounts, SyncTrigger } from './sync-run.repository';

export type SyncRunOutcome =
  | { status: 'SKIPPED' }
  | ({ status: 'SUCCEEDED' | 'FAILED'; runId: string; error: string | null } & SyncRunCounts);

export interface SyncRunnerOptions {
  pool: Pool;
  adapter: ErpAdapter;
  /** The parcel carrier, for the carrier feeds' operations (a poll without one fails). */
  carrier?: CarrierAdapter | null;
  pageSize?: number;
  /** Told when a run starts, makes progress, and ends (e.g. to publish syncRunUpdated). */
  onRunChanged?: (runId: string) => void;
  /** Called inside the run's transaction with the changed keys of each page (e.g. order ids). */
  afterPage?: (client: PoolClient, operation: string, changedKeys: string[]) => Promise<void>;
}

/**
 * Runs one sync operation once: pages from the stored cursor through the owning subgraph's ingest
 * function, all in ONE transaction together with the new cursor. A failure anywhere (the ERP down,
 * a corrupt page, a database error) rolls everything back: the previous data and cursor stay
 * exactly as they were, and the run is recorded as FAILED with its error. An advisory lock taken in
 * that transaction makes sure no other integrator process runs the same operation at the same time.
 * The next page is fetched while the current one is merged, and never more than two pages are held.
 */
export async function runSyncOperation(options: SyncRunnerOptions, operation: SyncOperationDefinition, trigger: SyncTrigger): Promise<SyncRunOutcome> {
  const started = performance.now();
  // Background work: a trace of its own per run, its ERP calls and statements as children.
  const outcome = await withSpan(`sync run ${operation.name}`, { root: true, attributes: { 'hub.sync.operation': operation.name, 'hub.sync.trigger': trigger } }, async (span) => {
    const result = await runOnce(options, operation, trigger);
    span?.setAttribute('hub.sync.status', result.status);
    if (result.status !== 'SKIPPED') span?.setAttributes({ 'hub.sync.rows_read': result.rowsRead, 'hub.sync.pages': result.pages });
    return result;
  });
  const seconds = (performance.now() - started) / 1000;
  syncRuns.inc({ operation: operation.name, status: outcome.status });
  syncRunSeconds.observe({ operation: operation.name, status: outcome.status }, seconds);
  if (outcome.status === 'SUCCEEDED') {
    syncRows.inc({ operation: operation.name, change: 'read' }, outcome.rowsRead);
    syncRows.inc({ operation: operation.name, change: 'inserted' }, outcome.rowsInserted);
    syncRows.inc({ operation: operation.name, change: 'updated' }, outcome.rowsUpdated);
    syncRows.inc({ operation: operation.name, change: 'deleted' }, outcome.rowsDeleted);
  }
  if (outcome.status !== 'SKIPPED') {
    const { status, runId, error, rowsRead, rowsInserted, rowsUpdated, rowsDeleted } = outcome;
    const line = { operation: operation.name, trigger, status, runId, durationMs: Math.round(seconds * 1000), rowsRead, rowsInserted, rowsUpdated, rowsDeleted, ...(error ? { error } : {}) };
    // A run that changed nothing is routine (every few seconds per operation): debug; changes and failures are news.
    if (status === 'FAILED') log.warn(line, `sync ${operation.name} failed`);
    else if (rowsInserted + rowsUpdated + rowsDeleted > 0) log.info(line, `sync ${operation.name} changed ${rowsInserted + rowsUpdated + rowsDeleted} rows`);
    else log.debug(line, `sync ${operation.name} unchanged`);
  }
  return outcome;
}

const log = componentLogger('sync');

async function runOnce(options: SyncRunnerOptions, operation: SyncOperationDefinition, trigger: SyncTrigger): Promise<SyncRunOutcome> {
  const { pool } = options;
  const pageSize = options.pageSize ?? 5000;
  const runs = new SyncRunRepository(pool);
  // Set inside the transaction's callback; the run row outlives a rollback.
  const run: { id: string | null } = { id: null };
  const counts: SyncRunCounts = { pages: 0, rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0 };
  try {
    const locked = await inTransaction(pool, async (client) => {
      if (!(await runs.tryLock(client, operation.name))) return false;
      const stored = await runs.readCursor(client, operation.name);
      await runs.failInterrupted(operation.name);
      run.id = await runs.start(operation.name, trigger);
      options.onRunChanged?.(run.id);
      let cursor: string | null;
      if (operation.source === 'erp') cursor = await pullErpChanges(options, operation, client, stored, counts, pageSize);
      else if (!options.carrier) throw new Error('no parcel carrier is configured for this hub');
      else cursor = await pollCarrier(options.carrier, operation.feed, client, stored, counts, pageSize);
      await runs.saveCursor(client, operation.name, cursor);
      return true;
    });
    if (!locked || !run.id) return { status: 'SKIPPED' };
    await runs.finish(run.id, 'SUCCEEDED', counts, null);
    options.onRunChanged?.(run.id);
    return { status: 'SUCCEEDED', runId: run.id, error: null, ...counts };
  } catch (error) {
    const message = error instanceof ErpError || error instanceof CarrierError ? `${error.kind}: ${error.message}` : (error as Error).message;
    if (!run.id) throw error;
    await runs.finish(run.id, 'FAILED', counts, message);
    options.onRunChanged?.(run.id);
    return { status: 'FAILED', runId: run.id, error: message, ...counts };
  }
}

/** Pages an ERP kind's changes from the cursor through its ingest functions; returns the new cursor. */
async function pullErpChanges(options: SyncRunnerOptions, operation: ErpSyncOperation, client: PoolClient, cursor: string | null, counts: SyncRunCounts, pageSize: number): Promise<string | null> {
  const { adapter } = options;
  const full = cursor === null;
  let next = adapter.pullChanges(operation.name, cursor, pageSize);
  for (;;) {
    const page = await next;
    // Ask for the following page before merging this one, so the ERP and PostgreSQL work at once.
    if (page.hasMore) {
      next = adapter.pullChanges(operation.name, page.nextCursor, pageSize);
      // Its failure is handled where it is awaited; this only keeps it from counting as unhandled meanwhile.
      next.catch(() => undefined);
    }
    const result = await operation.ingest(client, { rows: page.rows, deletions: page.deletions, full });
    if (options.afterPage && result.changedKeys.length > 0) await options.afterPage(client, operation.name, result.changedKeys);
    counts.pages++;
    counts.rowsRead += page.rows.length + page.deletions.length;
    counts.rowsInserted += result.inserted;
    counts.rowsUpdated += result.updated;
    counts.rowsDeleted += result.deleted;
    cursor = page.nextCursor;
    if (!page.hasMore) return cursor;
  }
}
