import { EntityManager } from '@mikro-orm/postgresql';

export interface OperationHealth {
  operation: string;
  paused: boolean;
  lastSuccessAt: Date | null;
  cursorAgeSeconds: number | null;
  lastRunStatus: string | null;
}

/** The sync figures of the staff dashboard: one count over sync_run(status, started_at), one read of the (small) operation table. */
export class IntegratorDashboardRepository {
  constructor(private readonly em: EntityManager) {}

  async failedRuns(from: Date, to: Date): Promise<number> {
    const [row]: Array<{ n: number }> = await this.em.execute(
      `select count(*)::int as n from integrator.sync_run where status = 'FAILED' and started_at >= ? and started_at < ?`,
      [from, to],
    );
    return row.n;
  }

  async operations(): Promise<OperationHealth[]> {
    const rows: Array<{ name: string; paused: boolean; last_success_at: Date | string | null; age: number | null; last_status: string | null }> = await this.em.execute(
      `select o.name, o.paused, o.last_success_at,
              floor(extract(epoch from now() - coalesce(o.cursor_updated_at, o.last_success_at)))::int as age,
              r.status as last_status
         from integrator.sync_operation o left join integrator.sync_run r on r.id = o.last_run_id
        order by o.name`,
    );
    return rows.map((r) => ({ operation: r.name, paused: r.paused, lastSuccessAt: r.last_success_at ? new Date(r.last_success_at) : null, cursorAgeSeconds: r.age, lastRunStatus: r.last_status }));
  }
}
