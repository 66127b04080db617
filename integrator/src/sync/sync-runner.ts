import { Pool, PoolClient } from 'pg';
import { ErpAdapter, ErpError } from '../adapter';
import { SyncOperationDefinition } from './sync-operations';

export type SyncTrigger = 'SCHEDULE' | 'MANUAL' | 'ONCE' | 'STARTUP';

export interface SyncRunCounts {
  pages: number;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
}

export type SyncRunOutcome =
  | { status: 'SKIPPED' }
  | ({ status: 'SUCCEEDED' | 'FAILED'; runId: string; error: string | null } & SyncRunCounts);

export interface SyncRunnerOptions {
  pool: Pool;
  adapter: ErpAdapter;
  pageSize?: number;
  /** Told when a run starts, makes progress, and ends (e.g. to publish syncRunUpdated). */
  onRunChanged?: (runId: string) => void;
  /** Called inside the run's transaction with the changed keys of each page (e.g. order ids). */
  afterPage?: (client: PoolClient, operation: string, changedKeys: string[]) => Promise<void>;
}

const lockKey = (operation: string) => `sync:${operation}`;

/**
 * Runs one sync operation once: pages from the stored cursor through the owning subgraph's ingest
 * function, all in ONE transaction together with the new cursor. A failure anywhere (the ERP down,
 * a corrupt page, a database error) rolls everything back: the previous data and cursor stay
 * exactly as they were, and the run is recorded as FAILED with its error. An advisory lock taken in
 * that transaction makes sure no other integrator process runs the same operation at the same time.
 * The next page is fetched while the current one is merged, and never more than two pages are held.
 */
export async function runSyncOperation(options: SyncRunnerOptions, operation: SyncOperationDefinition, trigger: SyncTrigger): Promise<SyncRunOutcome> {
  const { pool, adapter } = options;
  const pageSize = options.pageSize ?? 5000;
  const client = await pool.connect();
  // A lost connection makes the current statement fail (and the run with it); it must not crash the process.
  const onConnectionError = () => undefined;
  client.on('error', onConnectionError);
  let runId: string | null = null;
  const counts: SyncRunCounts = { pages: 0, rowsRead: 0, rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0 };
  try {
    await client.query('begin');
    const locked = await client.query<{ ok: boolean }>('select pg_try_advisory_xact_lock(hashtext($1)) as ok', [lockKey(operation.name)]);
    if (!locked.rows[0].ok) {
      await client.query('rollback');
      return { status: 'SKIPPED' };
    }
    const state = await client.query<{ cursor: string | null }>('select cursor from integrator.sync_operation where name = $1', [operation.name]);
    let cursor = state.rows[0]?.cursor ?? null;

    // The run row is written outside the transaction so that staff see it while it runs and after it fails.
    // A run of this operation still marked RUNNING was cut off by a stopped process: we hold the lock, so it is not running.
    await pool.query(
      `update integrator.sync_run set status = 'FAILED', finished_at = now(), error = 'interrupted: the integrator stopped during the run'
        where operation = $1 and status = 'RUNNING'`,
      [operation.name],
    );
    const inserted = await pool.query<{ id: string }>(
      `insert into integrator.sync_run (id, operation, trigger, status, started_at, pages, rows_read, rows_inserted, rows_updated, rows_deleted)
       values (gen_random_uuid(), $1, $2, 'RUNNING', now(), 0, 0, 0, 0, 0) returning id`,
      [operation.name, trigger],
    );
    runId = inserted.rows[0].id;
    options.onRunChanged?.(runId);

    let next = adapter.pullChanges(operation.name, cursor, pageSize);
    for (;;) {
      const page = await next;
      // Ask for the following page before merging this one, so the ERP and PostgreSQL work at once.
      if (page.hasMore) {
        next = adapter.pullChanges(operation.name, page.nextCursor, pageSize);
        // Its failure is handled where it is awaited; this only keeps it from counting as unhandled meanwhile.
        next.catch(() => undefined);
      }
      const result = await operation.ingest(client, { rows: page.rows, deletions: page.deletions });
      if (options.afterPage && result.changedKeys.length > 0) await options.afterPage(client, operation.name, result.changedKeys);
      counts.pages++;
      counts.rowsRead += page.rows.length + page.deletions.length;
      counts.rowsInserted += result.inserted;
      counts.rowsUpdated += result.updated;
      counts.rowsDeleted += result.deleted;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }

    await client.query(
      `update integrator.sync_operation set cursor = $2, cursor_updated_at = now(), last_success_at = now() where name = $1`,
      [operation.name, cursor],
    );
    await client.query('commit');
    await finishRun(pool, runId, 'SUCCEEDED', counts, null);
    options.onRunChanged?.(runId);
    return { status: 'SUCCEEDED', runId, error: null, ...counts };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    const message = error instanceof ErpError ? `${error.kind}: ${error.message}` : (error as Error).message;
    if (!runId) throw error;
    await finishRun(pool, runId, 'FAILED', counts, message);
    options.onRunChanged?.(runId);
    return { status: 'FAILED', runId, error: message, ...counts };
  } finally {
    client.off('error', onConnectionError);
    client.release();
  }
}

async function finishRun(pool: Pool, runId: string, status: 'SUCCEEDED' | 'FAILED', counts: SyncRunCounts, error: string | null): Promise<void> {
  await pool.query(
    `update integrator.sync_run set status = $2, finished_at = now(), pages = $3, rows_read = $4, rows_inserted = $5,
            rows_updated = $6, rows_deleted = $7, error = $8 where id = $1`,
    [runId, status, counts.pages, counts.rowsRead, counts.rowsInserted, counts.rowsUpdated, counts.rowsDeleted, error],
  );
  await pool.query(`update integrator.sync_operation set last_run_id = $2, last_run_at = now() where name = (select operation from integrator.sync_run where id = $1)`, [runId, runId]);
}
