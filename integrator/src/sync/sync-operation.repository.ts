import { Pool } from 'pg';
import { SyncTrigger } from './sync-run.repository';

export interface DueOperation {
  name: string;
  runRequested: boolean;
  onceDue: boolean;
}

/** The scheduler's reads and writes of `integrator.sync_operation`: the schedule lives in PostgreSQL, so any process can run it. */
export class SyncOperationRepository {
  constructor(private readonly pool: Pool) {}

  /** Creates missing operations with their default intervals; settings staff changed are kept. */
  async ensure(operations: ReadonlyArray<{ name: string; defaultIntervalSeconds: number }>): Promise<void> {
    await this.pool.query(
      `insert into integrator.sync_operation (name, interval_seconds, paused, next_run_at, run_requested)
       select name, seconds, false, now() + seconds * interval '1 second', false
         from unnest($1::text[], $2::int[]) as d(name, seconds)
       on conflict (name) do nothing`,
      [operations.map((op) => op.name), operations.map((op) => op.defaultIntervalSeconds)],
    );
  }

  /**
   * Operations to run now: requested by hand, scheduled once for now, or due and not paused. Staff's
   * requests first, then one-off runs, then the longest waiting: with a few runs at a time, a "run now"
   * must not wait behind every scheduled operation (it did, past 30 s, in CI).
   */
  async due(): Promise<DueOperation[]> {
    const { rows } = await this.pool.query<{ name: string; run_requested: boolean; once_due: boolean }>(
      `select name, run_requested, (run_once_at is not null and run_once_at <= now()) as once_due
         from integrator.sync_operation
        where run_requested or (run_once_at is not null and run_once_at <= now()) or (not paused and next_run_at <= now())
        order by run_requested desc, (run_once_at is not null and run_once_at <= now()) desc, next_run_at nulls first, name`,
    );
    return rows.map((r) => ({ name: r.name, runRequested: r.run_requested, onceDue: r.once_due }));
  }

  /**
   * Claims a due run for this process, in one statement, so that of several integrator processes
   * that saw the same due operation exactly one runs it (the runner's advisory lock only keeps two
   * from running at once: a second that came just after the first had finished ran it again). A
   * manual request is consumed when its run starts (one made during the run triggers another), a
   * run scheduled once is taken off, and an interval run moves the schedule on; false when another
   * process claimed it first. A run at start-up is each process's own.
   */
  async claim(name: string, trigger: SyncTrigger): Promise<boolean> {
    if (trigger === 'STARTUP') return true;
    const sql = {
      MANUAL: 'update integrator.sync_operation set run_requested = false where name = $1 and run_requested',
      ONCE: 'update integrator.sync_operation set run_once_at = null where name = $1 and run_once_at <= now()',
      SCHEDULE: `update integrator.sync_operation set next_run_at = now() + interval_seconds * interval '1 second' where name = $1 and not paused and next_run_at <= now()`,
    }[trigger];
    return ((await this.pool.query(sql, [name])).rowCount ?? 0) === 1;
  }

  /**
   * Gives back a claimed manual or one-off run that did not run because the operation was running
   * elsewhere (another process held its lock): the request stands, and the run follows that one.
   */
  async unclaim(name: string, trigger: SyncTrigger): Promise<void> {
    if (trigger === 'MANUAL') await this.pool.query('update integrator.sync_operation set run_requested = true where name = $1', [name]);
    if (trigger === 'ONCE') await this.pool.query('update integrator.sync_operation set run_once_at = coalesce(run_once_at, now()) where name = $1', [name]);
  }

  /** Moves the schedule on by the operation's interval from now. */
  async scheduleNext(name: string): Promise<void> {
    await this.pool.query(`update integrator.sync_operation set next_run_at = now() + interval_seconds * interval '1 second' where name = $1`, [name]);
  }

  /** Asks for a run within the scheduler's next tick (e.g. after something the ERP made must be read back). */
  async request(names: readonly string[]): Promise<void> {
    await this.pool.query('update integrator.sync_operation set run_requested = true where name = any($1::text[])', [names]);
  }
}
