import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { paymentReminderNotices } from '../payment-monitoring/payment-reminder-notices';
import { DebtCollectionRepository } from './debt-collection.repository';

const SCHEDULE = { reminderDaysBefore: 3, dunningDays: [7, 14, 30] };

describe('DebtCollectionRepository and payment monitoring (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const company = randomUUID();
  const other = randomUUID();
  const run = (today: string) => db.pool.connect().then(async (client) => {
    try {
      return await paymentReminderNotices(client, today, SCHEDULE);
    } finally {
      client.release();
    }
  });

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
    for (const [doc, owner, due, open] of [['INV-A', company, '2026-01-01', '100.00'], ['INV-B', company, '2026-01-20', '50.00'], ['INV-C', other, '2026-01-01', '70.00'], ['INV-PAID', company, '2026-01-01', '0.00']] as const) {
      await db.pool.query(`insert into finance.open_item values ($1, $2, 'INVOICE', $3, $4, $4, 'EUR')`, [doc, owner, due, open]);
    }
  });
  afterAll(() => db?.drop());

  it('records each dunning level once, lists only invoices dunned at the last level, and never duns an invoice handed over', async () => {
    await run('2026-01-10');
    await run('2026-02-05');
    await run('2026-02-06');
    const { rows } = await db.pool.query(`select document_number, level, last_level, dunned_on::text, days_overdue from finance.dunning_step order by document_number, level`);
    expect(rows).toEqual([
      { document_number: 'INV-A', level: 1, last_level: false, dunned_on: '2026-01-10', days_overdue: 9 },
      { document_number: 'INV-A', level: 3, last_level: true, dunned_on: '2026-02-05', days_overdue: 35 },
      { document_number: 'INV-B', level: 2, last_level: false, dunned_on: '2026-02-05', days_overdue: 16 },
      { document_number: 'INV-C', level: 1, last_level: false, dunned_on: '2026-01-10', days_overdue: 9 },
      { document_number: 'INV-C', level: 3, last_level: true, dunned_on: '2026-02-05', days_overdue: 35 },
    ]);
    const repository = new DebtCollectionRepository(db.em());
    expect((await repository.collectable(company)).map((i) => [i.documentNumber, i.openAmount, i.lastDunnedOn])).toEqual([['INV-A', '100.00', '2026-02-05']]);
    expect((await repository.collectable(null)).map((i) => i.documentNumber)).toEqual(expect.arrayContaining(['INV-A', 'INV-C']));
    expect(await repository.nextCaseNumber(2026)).toBe('DC-2026-1');

    const caseId = randomUUID();
    await db.pool.query(`insert into finance.debt_collection_case (id, number, company_id, agency, document_numbers, handed_over_by, handed_over_at) values ($1, 'DC-2026-1', $2, 'Agency', '{INV-A,INV-B}', $3, now())`, [caseId, company, randomUUID()]);
    expect(await repository.nextCaseNumber(2026)).toBe('DC-2026-2');
    expect(await repository.collectable(company)).toEqual([]);
    expect((await repository.openItemsOf(caseId)).map((i) => [i.documentNumber, i.openAmount])).toEqual([['INV-A', '100.00'], ['INV-B', '50.00']]);
    expect((await repository.dunningHistoryOf(caseId)).map((s) => [s.documentNumber, s.level])).toEqual([['INV-A', 1], ['INV-A', 3], ['INV-B', 2]]);
    // INV-B would reach level 3 on 2026-02-19; handed over, it gets no notice at all. INV-C (not handed over) keeps its.
    const refs = (await run('2026-02-19')).map((n) => n.ref);
    expect(refs.filter((r) => r.includes('INV-A') || r.includes('INV-B'))).toEqual([]);
    expect(refs).toContain('open-item:INV-C:dunning-3');
    expect((await db.pool.query(`select count(*)::int as n from finance.dunning_step where document_number = 'INV-B'`)).rows[0].n).toBe(1);
  });
});
