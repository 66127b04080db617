import { EntityManager } from '@mikro-orm/postgresql';
import { Movement } from './statement.ledger';

/**
 * A company's account movements, from the three synced tables: invoices (+), credit notes (−),
 * payments (−). One place defines the signs, for both the opening balance and the movements.
 */
const MOVEMENTS = `
  select 'INVOICE' as kind, i.number as document_number, null::text as invoice_number, i.issued_at as at, i.currency, i.total as amount, 0 as kind_order
    from finance.invoice i where i.company_id = ?
  union all
  select 'CREDIT_NOTE', c.number, c.invoice_number, c.issued_at, c.currency, -c.total, 1
    from finance.credit_note c where c.company_id = ?
  union all
  select 'PAYMENT', p.payment_number, p.invoice_number, p.paid_at, p.currency, -p.amount, 2
    from finance.payment p where p.company_id = ?`;

export class StatementRepository {
  constructor(private readonly em: EntityManager) {}

  /** Per currency, what the company owed just before `start`. */
  async openingBalances(companyId: string, start: Date): Promise<Map<string, string>> {
    const rows = await this.em.execute<Array<{ currency: string; balance: string }>>(
      `select m.currency, sum(m.amount)::text as balance from (${MOVEMENTS}) m where m.at < ? group by m.currency`,
      [companyId, companyId, companyId, start],
    );
    return new Map(rows.map((r) => [r.currency.trim(), r.balance]));
  }

  /** The movements in [start, end), in date order (an invoice before what settles it on the same instant). */
  async movements(companyId: string, start: Date, end: Date): Promise<Movement[]> {
    const rows = await this.em.execute<Array<Record<string, any>>>(
      `select m.kind, m.document_number, m.invoice_number, m.at, m.currency, m.amount::text as amount
         from (${MOVEMENTS}) m where m.at >= ? and m.at < ? order by m.at, m.kind_order, m.document_number`,
      [companyId, companyId, companyId, start, end],
    );
    return rows.map((r) => ({
      kind: r.kind, documentNumber: r.document_number, invoiceNumber: r.invoice_number, at: new Date(r.at), currency: String(r.currency).trim(), amount: r.amount,
    }));
  }
}
