import { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { Decimal } from '@hub/money';
import { financeCompanyScope } from '../company/company-scope';
import { yearlyTotalsThreshold, YearlyTotalsThreshold } from './yearly-totals.config';
import { QuarterTotal, YearlyTotalsRepository } from './yearly-totals.repository';

/** The first year the hub answers for: older years are not in any ERP it syncs. */
export const FIRST_YEAR = 2000;

export interface CompanyYearlyTotal {
  companyId: string;
  total: Decimal;
  /** Q1..Q4. */
  quarters: [Decimal, Decimal, Decimal, Decimal];
}

export interface YearlyTotals {
  year: number;
  threshold: YearlyTotalsThreshold;
  companies: CompanyYearlyTotal[];
}

/** Per company, the year's total and its quarters; only companies whose total is above the threshold, largest first. */
export function declarable(rows: readonly QuarterTotal[], threshold: Decimal): CompanyYearlyTotal[] {
  const byCompany = new Map<string, CompanyYearlyTotal>();
  for (const r of rows) {
    const c = byCompany.get(r.companyId) ?? { companyId: r.companyId, total: new Decimal(0), quarters: [new Decimal(0), new Decimal(0), new Decimal(0), new Decimal(0)] };
    c.quarters[r.quarter - 1] = c.quarters[r.quarter - 1].plus(r.total);
    c.total = c.total.plus(r.total);
    byCompany.set(r.companyId, c);
  }
  return [...byCompany.values()].filter((c) => c.total.gt(threshold)).sort((a, b) => b.total.cmp(a.total) || a.companyId.localeCompare(b.companyId));
}

export class YearlyTotalsService {
  constructor(private readonly em: EntityManager, private readonly now: () => Date = () => new Date()) {}

  /** Form 347's figures for a year: a customer sees its own company's (if above the threshold), staff every company's or one's. */
  async yearlyTotals(viewer: Viewer, year: number, companyId: string | null | undefined): Promise<YearlyTotals> {
    const thisYear = this.now().getUTCFullYear();
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear) throw badUserInput(`year must be from ${FIRST_YEAR} to ${thisYear}.`, 'year');
    const company = financeCompanyScope(viewer, companyId);
    const threshold = yearlyTotalsThreshold();
    const rows = await new YearlyTotalsRepository(this.em).quarterTotals(year, threshold.currency, company);
    return { year, threshold, companies: declarable(rows, threshold.amount) };
  }
}
