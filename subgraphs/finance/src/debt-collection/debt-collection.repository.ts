import { EntityManager } from '@mikro-orm/postgresql';

/** An open invoice past the schedule's last dunning level and not handed over yet. */
export interface CollectableItem {
  documentNumber: string;
  companyId: string;
  dueDate: string;
  amount: string;
  openAmount: string;
  currency: string;
  lastDunnedOn: string;
}

export interface CaseOpenItem {
  documentNumber: string;
  documentType: string;
  dueDate: string;
  amount: string;
  openAmount: string;
  currency: string;
}

export interface CaseDunningStep {
  documentNumber: string;
  level: number;
  lastLevel: boolean;
  dunnedOn: string;
  daysOverdue: number;
}

/** The SQL of debt collection beyond plain finds (on the caller's EntityManager, transactional or not). */
export class DebtCollectionRepository {
  constructor(private readonly em: EntityManager) {}

  /** What may be handed over: open invoices dunned at the last level, in no case yet (one company's, or all). */
  async collectable(companyId: string | null, lock = false): Promise<CollectableItem[]> {
    const rows = await this.em.execute<any[]>(
      `select o.document_number, o.company_id, o.due_date::text as due_date, o.amount::text as amount, o.open_amount::text as open_amount, o.currency,
              (select max(s.dunned_on) from finance.dunning_step s where s.document_number = o.document_number and s.last_level)::text as last_dunned_on
         from finance.open_item o
        where exists (select 1 from finance.dunning_step s where s.document_number = o.document_number and s.last_level)
          and o.document_type = 'INVOICE' and o.open_amount > 0 and (?::uuid is null or o.company_id = ?::uuid)
          and not exists (select 1 from finance.debt_collection_case c where o.document_number = any(c.document_numbers))
        order by o.company_id, o.due_date, o.document_number${lock ? ' for update of o' : ''}`,
      [companyId, companyId],
    );
    return rows.map((r) => ({ documentNumber: r.document_number, companyId: r.company_id, dueDate: r.due_date, amount: r.amount, openAmount: r.open_amount, currency: r.currency, lastDunnedOn: r.last_dunned_on }));
  }

  /** The next case number of a year: DC-<year>-<n>, n from 1. */
  async nextCaseNumber(year: number): Promise<string> {
    const [row] = await this.em.execute<any[]>(
      `select coalesce(max(substring(number from '^DC-\\d{4}-(\\d+)$')::int), 0) + 1 as n from finance.debt_collection_case where number like ?`,
      [`DC-${year}-%`],
    );
    return `DC-${year}-${row.n}`;
  }

  /** The case's invoices as the open items are now (a payment since lowers the open amount; a settled one is absent). */
  async openItemsOf(caseId: string): Promise<CaseOpenItem[]> {
    const rows = await this.em.execute<any[]>(
      `select document_number, document_type, due_date::text as due_date, amount::text as amount, open_amount::text as open_amount, currency
         from finance.open_item where document_number in (select unnest(document_numbers) from finance.debt_collection_case where id = ?) order by due_date, document_number`,
      [caseId],
    );
    return rows.map((r) => ({ documentNumber: r.document_number, documentType: r.document_type, dueDate: r.due_date, amount: r.amount, openAmount: r.open_amount, currency: r.currency }));
  }

  async dunningHistoryOf(caseId: string): Promise<CaseDunningStep[]> {
    const rows = await this.em.execute<any[]>(
      `select document_number, level, last_level, dunned_on::text as dunned_on, days_overdue from finance.dunning_step
        where document_number in (select unnest(document_numbers) from finance.debt_collection_case where id = ?) order by document_number, level`,
      [caseId],
    );
    return rows.map((r) => ({ documentNumber: r.document_number, level: r.level, lastLevel: r.last_level, dunnedOn: r.dunned_on, daysOverdue: r.days_overdue }));
  }
}
