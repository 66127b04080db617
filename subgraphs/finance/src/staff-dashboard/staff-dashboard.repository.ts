import { EntityManager } from '@mikro-orm/postgresql';

/** The returns figures of the staff dashboard: one aggregate over return_request(status). */
export class FinanceDashboardRepository {
  constructor(private readonly em: EntityManager) {}

  /** Returns waiting for a staff decision now: filed (accept or reject) and received (assess the goods). */
  async returnsToDecide(): Promise<{ filed: number; received: number }> {
    const rows: Array<{ status: string; n: number }> = await this.em.execute(
      `select status, count(*)::int as n from finance.return_request where status in ('FILED', 'RECEIVED') group by status`,
    );
    return { filed: rows.find((r) => r.status === 'FILED')?.n ?? 0, received: rows.find((r) => r.status === 'RECEIVED')?.n ?? 0 };
  }
}
