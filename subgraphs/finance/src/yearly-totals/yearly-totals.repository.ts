import { EntityManager } from '@mikro-orm/postgresql';

export interface QuarterTotal {
  companyId: string;
  /** 1..4 */
  quarter: number;
  /** Invoices less credit notes issued in the quarter, with taxes. */
  total: string;
}

/** The year's operations per company and quarter (UTC), in one currency, in one statement. */
export class YearlyTotalsRepository {
  constructor(private readonly em: EntityManager) {}

  async quarterTotals(year: number, currency: string, companyId: string | null): Promise<QuarterTotal[]> {
    const start = new Date(Date.UTC(year, 0, 1));
    const end = new Date(Date.UTC(year + 1, 0, 1));
    const company = companyId ? 'and company_id = ?' : '';
    const scope = (params: unknown[]) => (companyId ? [...params, companyId] : params);
    const rows = await this.em.execute<Array<{ company_id: string; quarter: number; total: string }>>(
      `select d.company_id, extract(quarter from d.at at time zone 'UTC')::int as quarter, sum(d.amount)::text as total
         from (select company_id, issued_at as at, total as amount from finance.invoice where currency = ? and issued_at >= ? and issued_at < ? ${company}
               union all
               select company_id, issued_at, -total from finance.credit_note where currency = ? and issued_at >= ? and issued_at < ? ${company}) d
        group by d.company_id, quarter`,
      [...scope([currency, start, end]), ...scope([currency, start, end])],
    );
    return rows.map((r) => ({ companyId: r.company_id, quarter: r.quarter, total: r.total }));
  }
}
