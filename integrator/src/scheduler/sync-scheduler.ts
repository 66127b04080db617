import { Pool, PoolClient } from 'pg';
import { ErpAdapter } from '../adapter';
import { runSyncOperation, SyncRunOutcome, SyncTrigger } from '../sync/sync-runner';
import { findSyncOperation, SYNC_OPERATIONS } from '../sync/sync-operations';

export interface SyncSchedulerOptions {
  pool: Pool;
  adapter: ErpAdapter;
  /** How often due operations are looked for. */
  tickMs?: number;
  /** Operations run at once by this process. */
  concurrency?: number;
  pageSize?: number;
  onRunChanged?: (runId: string) => void;
  afterPage?: (client: PoolClient, operation: string, changedKeys: string[]) => Promise<void>;
}

/** Creates the operations' rows with their default intervals (existing settings are kept). */
export async function ensureSyncOperations(pool: Pool): Promise<void> {
  await pool.query(
    `insert into integrator.sync_operation (name, interval_seconds, paused, next_run_at, run_requested)
     select name, seconds, false, now() + seconds * interval '1 second', false
       from unnest($1::text[], $2::int[]) as d(name, seconds)
     on conflict (name) do nothing`,
    [SYNC_OPERATIONS.map((op) => op.name), SYNC_OPERATIONS.map((op) => op.defaultIntervalSeconds)],
  );
}

/**
 * Runs each sync operation on its own interval. All state is in `integrator.sync_operation`, so
 * pausing, re-timing or requesting a run works from any process and survives restarts; any number
 * of integrator processes can run this, and the runner's advisory lock keeps an operation from
 * running twice at once.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private ticking = false;

  constructor(private readonly options: SyncSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** One pass: starts every due operation this process is not already running, up to the concurrency limit. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const { rows } = await this.options.pool.query<{ name: string; run_requested: boolean; once_due: boolean }>(
        `select name, run_requested, (run_once_at is not null and run_once_at <= now()) as once_due
           from integrator.sync_operation
          where run_requested or (run_once_at is not null and run_once_at <= now()) or (not paused and next_run_at <= now())
          order by next_run_at nulls first`,
      );
      for (const row of rows) {
        if (this.inFlight.size >= (this.options.concurrency ?? 2)) break;
        if (this.inFlight.has(row.name)) continue;
        const trigger: SyncTrigger = row.run_requested ? 'MANUAL' : row.once_due ? 'ONCE' : 'SCHEDULE';
        const run = this.runOperation(row.name, trigger).finally(() => this.inFlight.delete(row.name));
        this.inFlight.set(row.name, run);
      }
    } catch (error) {
      console.error('[integrator] scheduler tick failed:', (error as Error).message);
    } finally {
      this.ticking = false;
    }
  }

  /** Runs one operation now and moves its schedule on. */
  async runOperation(name: string, trigger: SyncTrigger): Promise<SyncRunOutcome> {
    const operation = findSyncOperation(name);
    if (!operation) throw new Error(`Unknown sync operation ${name}`);
    const { pool } = this.options;
    // The request is consumed when the run starts; a request made during the run triggers another.
    if (trigger === 'MANUAL') await pool.query('update integrator.sync_operation set run_requested = false where name = $1', [name]);
    if (trigger === 'ONCE') await pool.query('update integrator.sync_operation set run_once_at = null where name = $1 and run_once_at <= now()', [name]);
    const outcome = await runSyncOperation(
      { pool, adapter: this.options.adapter, pageSize: this.options.pageSize, onRunChanged: this.options.onRunChanged, afterPage: this.options.afterPage },
      operation,
      trigger,
    );
    if (outcome.status !== 'SKIPPED') {
      await pool.query(`update integrator.sync_operation set next_run_at = now() + interval_seconds * interval '1 second' where name = $1`, [name]);
    }
    return outcome;
  }

  /** Every operation once, in dependency order (used at start-up). */
  async runAllOnce(trigger: SyncTrigger = 'STARTUP'): Promise<Record<string, SyncRunOutcome>> {
    const outcomes: Record<string, SyncRunOutcome> = {};
    for (const operation of SYNC_OPERATIONS) outcomes[operation.name] = await this.runOperation(operation.name, trigger);
    return outcomes;
  }
}
