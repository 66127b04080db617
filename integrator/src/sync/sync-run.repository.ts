import { Pool, PoolClient } from 'pg';

export type SyncTrigger = 'SCHEDULE' | 'MANUAL' | 'ONCE' | 'STARTUP';

export interface SyncRunCounts {
  pages: number;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
}

/**
 * The sync's writes to `integrator.sync_run` and `integrator.sync_operation` during a run. The run
 * row is written on the pool (outside the run's transaction) so staff see it while it runs and after
 * it failed; the lock, the cursor and the data go on the run's own client, in its transaction.
 */
export class SyncRunRepository {
  constructor(private readonly pool: Pool) {}

  /** Takes the operation's transaction-scoped advisory lock; false when another process runs it. */
  async tryLock(client: PoolClient, operation: string): Promise<boolean> {
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_xact_lock(hashtext($1)) as ok', [`sync:${operation}`]);
    return rows[0].ok;
  }

  async readCursor(client: PoolClient, operation: string): Promise<string | null> {
    const { rows } = await client.query<{ cursor: string | null }>('select cursor from integrator.sync_operation where name = $1', [operation]);
    return rows[0]?.cursor ?? null;
  }

  /** Stores the cursor after the last page, in the run's transaction: data and cursor commit together. */
  async saveCursor(client: PoolClient, operation: string, cursor: string | null): Promise<void> {
    await client.query(`update integrator.sync_operation set cursor = $2, cursor_updated_at = now(), last_success_at = now() where name = $1`, [operation, cursor]);
  }

  /** A run still marked RUNNING was cut off by a stopped process (the caller holds the lock, so it is not running). */
  async failInterrupted(operation: string): Promise<number> {
    const result = await this.pool.query(
      `update integrator.sync_run set status = 'FAILED', finished_at = now(), error = 'interrupted: the integrator stopped during the run'
        where operation = $1 and status = 'RUNNING'`,
      [operation],
    );
    return result.rowCount ?? 0;
  }

  async start(operation: string, trigger: SyncTrigger): Promise<string> {
    const { rows } = await this.pool.query<{ id: string }>(
      `insert into integrator.sync_run (id, operation, trigger, status, started_at, pages, rows_read, rows_inserted, rows_updated, rows_deleted)
       values (gen_random_uuid(), $1, $2, 'RUNNING', now(), 0, 0, 0, 0, 0) returning id`,
      [operation, trigger],
    );
    return rows[0].id;
  }

  /** Records the outcome and makes it the operation's last run. */
  async finish(runId: string, status: 'SUCCEEDED' | 'FAILED', counts: SyncRunCounts, error: string | null): Promise<void> {
    await this.pool.query(
      `with run as (
         update integrator.sync_run set status = $2, finished_at = now(), pages = $3, rows_read = $4, rows_inserted = $5,
                rows_updated = $6, rows_deleted = $7, error = $8 where id = $1 returning operation)
       update integrator.sync_operation o set last_run_id = $1, last_run_at = now() from run where o.name = run.operation`,
      [runId, status, counts.pages, counts.rowsRead, counts.rowsInserted, counts.rowsUpdated, counts.rowsDeleted, error],
    );
  }
}
