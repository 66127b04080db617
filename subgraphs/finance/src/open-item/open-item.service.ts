import { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';
import { Decimal } from '@hub/money';
import { requireFinanceCompany } from '../company/company-scope';
import { daysBetween, isoDay } from '../period/day.inputs';
import { OpenItemEntity } from './open-item.entity';

export interface OpenItem {
  item: OpenItemEntity;
  /** Days past the due date; 0 until it is due. */
  daysOverdue: number;
}

export interface OpenItemTotals {
  currency: string;
  /** Everything still open (credit notes and payments on account count negative). */
  due: Decimal;
  /** Of that, past its due date. */
  overdue: Decimal;
  /** The rest: not yet due (today is the due date: not yet overdue), and the credits. */
  notYetDue: Decimal;
}

export interface OpenItems {
  companyId: string;
  asOf: string;
  items: OpenItem[];
  totals: OpenItemTotals[];
}

/** The open items (unpaid invoices, credit notes, payments on account) as of a day, with totals per currency. */
export function openItemsAsOf(companyId: string, rows: readonly OpenItemEntity[], asOf: string): OpenItems {
  const totals = new Map<string, OpenItemTotals>();
  const items = rows.map((item) => {
    // Only what the customer owes can be overdue; a credit note or payment on account (negative) never is.
    const days = new Decimal(item.openAmount).gt(0) ? Math.max(0, daysBetween(item.dueDate, asOf)) : 0;
    const t = totals.get(item.currency) ?? { currency: item.currency, due: new Decimal(0), overdue: new Decimal(0), notYetDue: new Decimal(0) };
    t.due = t.due.plus(item.openAmount);
    if (days > 0) t.overdue = t.overdue.plus(item.openAmount);
    else t.notYetDue = t.notYetDue.plus(item.openAmount);
    totals.set(item.currency, t);
    return { item, daysOverdue: days };
  });
  return { companyId, asOf, items, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

export class OpenItemService {
  constructor(private readonly em: EntityManager, private readonly today: () => Date = () => new Date()) {}

  /** The company's open items, oldest due date first (staff: name the company). */
  async openItems(viewer: Viewer, companyId: string | null | undefined): Promise<OpenItems> {
    const company = requireFinanceCompany(viewer, companyId);
    const rows = await this.em.find(OpenItemEntity, { companyId: company }, { orderBy: { dueDate: 'asc', documentNumber: 'asc' } });
    return openItemsAsOf(company, rows, isoDay(this.today()));
  }
}
