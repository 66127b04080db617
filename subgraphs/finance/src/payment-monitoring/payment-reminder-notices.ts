import { PoolClient } from 'pg';
import { NotificationNotice, NotificationScheduleDeclaration, PaymentReminderSchedule } from '@hub/subgraph-kit';

/** How long after a payment its thanks is still worth sending (older ones predate the hub). */
const THANKS_WITHIN_DAYS = 3;
const INVOICES_VIEW = 'invoices.view';

/**
 * Payment monitoring (F5) from the ERP's open items: a reminder `reminderDaysBefore` days before
 * the due date, a dunning at each level after it (only the highest level reached, each level
 * once), and thanks for a payment recorded in the last days. A paid item leaves the open items
 * (or has nothing open), so the ERP's payment stops the next dunning step. Each goes to the
 * company's users who see its invoices. Each level reached is recorded (finance.dunning_step); an
 * invoice handed to debt collection is left alone.
 */
export async function paymentReminderNotices(client: PoolClient, today: string, schedule: PaymentReminderSchedule): Promise<NotificationNotice[]> {
  const { rows: items } = await client.query<{ document_number: string; company_id: string; due_date: string; open_amount: string; currency: string; days: number }>(
    `select document_number, company_id, due_date::text, open_amount::text, currency, ($1::date - due_date) as days
       from finance.open_item o where document_type = 'INVOICE' and open_amount > 0
        -- handed to a debt-collection agency: the agency collects it now, the hub duns it no more
        and not exists (select 1 from finance.debt_collection_case c where o.document_number = any(c.document_numbers))`,
    [today],
  );
  const levels = [...schedule.dunningDays].sort((a, b) => a - b);
  const notices: NotificationNotice[] = [];
  for (const item of items) {
    const values = { documentNumber: item.document_number, amount: `${item.open_amount} ${item.currency}`, dueDate: item.due_date, daysOverdue: String(Math.max(0, item.days)), level: '' };
    const recipientCompany = { companyId: item.company_id, permission: INVOICES_VIEW };
    if (item.days < 0 && schedule.reminderDaysBefore > 0 && -item.days <= schedule.reminderDaysBefore) {
      notices.push({ ref: `open-item:${item.document_number}:reminder`, template: 'payment.reminder', recipientUserIds: [], recipientCompany, values });
    }
    const reached = levels.filter((days) => item.days >= days).length;
    if (reached > 0) {
      // The dunning history (a debt-collection case carries it); once per level, on the day it was first due.
      await client.query(
        `insert into finance.dunning_step (document_number, level, company_id, last_level, dunned_on, days_overdue) values ($1, $2, $3, $4, $5::date, $6) on conflict do nothing`,
        [item.document_number, reached, item.company_id, reached === levels.length, today, item.days],
      );
      notices.push({ ref: `open-item:${item.document_number}:dunning-${reached}`, template: 'payment.dunning', recipientUserIds: [], recipientCompany, values: { ...values, level: String(reached) } });
    }
  }
  const { rows: payments } = await client.query<{ payment_number: string; company_id: string; invoice_number: string | null; amount: string; currency: string }>(
    `select payment_number, company_id, invoice_number, amount::text, currency from finance.payment
      where paid_at >= $1::date - $2::int and paid_at < $1::date + 1`,
    [today, THANKS_WITHIN_DAYS],
  );
  for (const p of payments) {
    notices.push({
      ref: `payment:${p.payment_number}:thanks`,
      template: 'payment.thanks',
      recipientUserIds: [],
      recipientCompany: { companyId: p.company_id, permission: INVOICES_VIEW },
      values: { documentNumber: p.invoice_number ?? '', amount: `${p.amount} ${p.currency}`, dueDate: '', daysOverdue: '0', level: '' },
    });
  }
  return notices;
}

export const PAYMENT_MONITORING_SCHEDULES: readonly NotificationScheduleDeclaration[] = [{ name: 'payment-reminders', notices: paymentReminderNotices }];
