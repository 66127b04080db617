import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { NotificationWorker, SmtpMailer, notificationsSubgraph } from '@hub/notifications';
import { NotificationRecipient, SubgraphModule } from '@hub/subgraph-kit';
import { financeSubgraph } from '../index';

/**
 * The dunning schedule over a simulated clock, through the real notifications worker, a real
 * PostgreSQL and a real SMTP server: a reminder before the due date, two dunning levels, a payment
 * recorded in the ERP stops the third, then thanks. Each step once, however often the clock runs.
 */
describe('payment monitoring (F5) over a simulated clock', () => {
  let db: SpecDatabase;
  let worker: NotificationWorker;
  let smtp: SMTPServer;
  const caught: Array<{ to: string; subject: string; text: string }> = [];
  const company = randomUUID();
  const payer: NotificationRecipient = { userId: randomUUID(), email: `payer-${randomUUID().slice(0, 6)}@example.com`, name: 'Pat', active: true, companyId: company, language: null, consents: {}, phone: null, customerGroup: 'RETAIL' };
  // A company of another ERP customer group, which staff gave a dunning text of its own.
  const wholesaleCompany = randomUUID();
  const wholesalePayer: NotificationRecipient = { ...payer, userId: randomUUID(), email: `wholesale-${randomUUID().slice(0, 6)}@example.com`, name: 'Quinn', companyId: wholesaleCompany, customerGroup: 'WHOLESALE' };
  const payers = [payer, wholesalePayer];
  const invoice = `INV-SPEC-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph, notificationsSubgraph]);
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false,
      onData(stream, session, callback) {
        // Decoded by a MIME parser: the sender's bodies are base64.
        simpleParser(stream).then((mail) => {
          caught.push({ to: session.envelope.rcptTo[0].address, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    // The users' side as the customers module declares it: who the payer is, and who of the company sees invoices.
    const users: SubgraphModule<any> = {
      ...notificationsSubgraph,
      name: 'spec-users',
      notificationRecipients: async (_c, ids) => payers.filter((p) => ids.includes(p.userId)),
      notificationCompanyUsers: async (_c, companyId, permission) => (permission === 'invoices.view' ? payers.filter((p) => p.companyId === companyId).map((p) => p.userId) : []),
    };
    worker = new NotificationWorker({
      databaseUrl: db.url, modules: [financeSubgraph, users], tickMs: 50, scheduleEveryMs: 3_600_000, today: () => '2000-01-01',
      mailer: new SmtpMailer({ HUB_SMTP_PORT: String((smtp.server.address() as AddressInfo).port) }),
    });
    await worker.start();
    await db.pool.query(`insert into notifications.payment_reminder_schedule (id, reminder_days_before, dunning_days, updated_at) values ('deployment', 3, '[7, 14, 30]', now())`);
    await db.pool.query(`insert into finance.open_item values ($1, $2, 'INVOICE', '2026-03-10', 500.00, 500.00, 'EUR')`, [invoice, company]);
  });
  afterAll(async () => {
    await worker?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await db?.drop();
  });

  const day = async (date: string) => {
    await worker.runSchedules(date);
    await worker.drain();
    return caught.filter((m) => m.to === payer.email).map((m) => m.subject);
  };

  it('reminds, duns at two levels, stops when the ERP records the payment, and thanks', async () => {
    expect(await day('2026-03-01')).toEqual([]);
    expect(await day('2026-03-07')).toEqual([`Invoice ${invoice} is due on 2026-03-10`]);
    // Running again the same day, or the next, sends nothing new.
    expect(await day('2026-03-08')).toHaveLength(1);
    expect((await day('2026-03-17')).at(-1)).toBe(`Payment overdue: invoice ${invoice} (reminder 1)`);
    expect(await day('2026-03-20')).toHaveLength(2);
    expect((await day('2026-03-24')).at(-1)).toBe(`Payment overdue: invoice ${invoice} (reminder 2)`);
    // The ERP records the payment: the open item is settled, and the sync brings the payment.
    await db.pool.query(`update finance.open_item set open_amount = 0 where document_number = $1`, [invoice]);
    await db.pool.query(`insert into finance.payment values ($1, $2, $3, '2026-03-25T09:00:00Z', 'EUR', 500.00)`, [`PAY-${invoice}`, company, invoice]);
    expect((await day('2026-03-26')).at(-1)).toBe('Thank you for your payment');
    // Day 30 after due: no third level, no second thanks.
    expect(await day('2026-04-09')).toEqual([
      `Invoice ${invoice} is due on 2026-03-10`,
      `Payment overdue: invoice ${invoice} (reminder 1)`,
      `Payment overdue: invoice ${invoice} (reminder 2)`,
      'Thank you for your payment',
    ]);
    expect(caught.every((m) => m.to === payer.email)).toBe(true);
    const { rows } = await db.pool.query(`select ref, template, status from notifications.message where recipient_user_id = $1 order by created_at`, [payer.userId]);
    expect(rows).toEqual([
      { ref: `open-item:${invoice}:reminder`, template: 'payment.reminder', status: 'ACCEPTED' },
      { ref: `open-item:${invoice}:dunning-1`, template: 'payment.dunning', status: 'ACCEPTED' },
      { ref: `open-item:${invoice}:dunning-2`, template: 'payment.dunning', status: 'ACCEPTED' },
      { ref: `payment:PAY-${invoice}:thanks`, template: 'payment.thanks', status: 'ACCEPTED' },
    ]);
  });

  it("duns a company with the text staff gave its customer group, and the log says which; other groups keep the deployment's", async () => {
    const dunned = `INV-WHS-${randomUUID().slice(0, 6)}`;
    await db.pool.query(
      `insert into notifications.customer_message_template (id, key, scope, scope_value, language, subject, body, changed_by, updated_at)
       values (gen_random_uuid(), 'payment.dunning', 'GROUP', 'WHOLESALE', 'en', 'Wholesale account: {{documentNumber}} is {{daysOverdue}} days late (step {{level}})', 'Dear {{recipientName}},\n\nyour wholesale terms need {{amount}} paid now.', $1, now())`,
      [randomUUID()],
    );
    // The sender keeps texts for HUB_NOTIFICATIONS_TEXTS_REFRESH_MS (2 s): read them again now.
    await worker.renderer.refresh(true);
    await db.pool.query(`insert into finance.open_item values ($1, $2, 'INVOICE', '2026-05-10', 800.00, 800.00, 'EUR')`, [dunned, wholesaleCompany]);
    await worker.runSchedules('2026-05-18');
    await worker.drain();
    const mails = caught.filter((m) => m.to === wholesalePayer.email);
    expect(mails.map((m) => m.subject)).toEqual([`Wholesale account: ${dunned} is 8 days late (step 1)`]);
    expect(mails[0].text).toContain('your wholesale terms need 800.00 EUR paid now.');
    const { rows } = await db.pool.query(`select ref, template, template_variant, status from notifications.message where recipient_user_id = $1`, [wholesalePayer.userId]);
    expect(rows).toEqual([{ ref: `open-item:${dunned}:dunning-1`, template: 'payment.dunning', template_variant: 'group:WHOLESALE', status: 'ACCEPTED' }]);
    // The RETAIL payer's dunning messages used the deployment's text.
    const retail = await db.pool.query(`select distinct template_variant from notifications.message where recipient_user_id = $1`, [payer.userId]);
    expect(retail.rows).toEqual([{ template_variant: null }]);
  });
});
