import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { yearlyTotalsThreshold } from './yearly-totals.config';
import { YearlyTotalsRepository } from './yearly-totals.repository';
import { declarable } from './yearly-totals.service';

const A: string = randomUUID();
const B: string = randomUUID();
const C: string = randomUUID();

describe('YearlyTotalsRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let n = 0;
  const invoice = (company: string, at: string, total: string, currency = 'EUR') =>
    db.pool.query(
      `insert into finance.invoice (id, number, company_id, issued_at, due_at, currency, total, open_amount, status, digitally_signed) values ($1, $2, $3, $4, $4, $5, $6, $6, 'OPEN', false)`,
      [randomUUID(), `Y-${n++}`, company, at, currency, total],
    );
  const creditNote = (company: string, at: string, total: string) =>
    db.pool.query(`insert into finance.credit_note (number, company_id, issued_at, currency, net_total, tax_total, total) values ($1, $2, $3, 'EUR', $4, 0, $4)`, [`YC-${n++}`, company, at, total]);

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
    // A: 1,000.00 in Q1, 2,500.50 in Q2, a 400.00 credit note in Q3, 0.57 on the last instant of Q4 → 3,101.07.
    await invoice(A, '2025-01-01T00:00:00Z', '1000.00');
    await invoice(A, '2025-06-30T23:59:59.999Z', '2500.50');
    await creditNote(A, '2025-07-01T00:00:00Z', '400.00');
    await invoice(A, '2025-12-31T23:59:59.999Z', '0.57');
    // Not 2025: the instants either side of the year.
    await invoice(A, '2024-12-31T23:59:59.999Z', '9999.00');
    await invoice(A, '2026-01-01T00:00:00Z', '9999.00');
    // B: exactly the threshold (not above it), and a SEK invoice that does not count.
    await invoice(B, '2025-03-01T00:00:00Z', '3005.06');
    await invoice(B, '2025-03-02T00:00:00Z', '50000.00', 'SEK');
    // C: 5,000.00 in Q4.
    await invoice(C, '2025-11-15T12:00:00Z', '5000.00');
  });
  afterAll(() => db?.drop());

  it('totals invoices less credit notes per quarter and lists only companies above the threshold, largest first', async () => {
    const rows = await new YearlyTotalsRepository(db.em() as never).quarterTotals(2025, 'EUR', null);
    const listed = declarable(rows, new Decimal('3005.06')).filter((c) => [A, B, C].includes(c.companyId));
    expect(listed.map((c) => [c.companyId, c.total.toFixed(2), c.quarters.map((q) => q.toFixed(2))])).toEqual([
      [C, '5000.00', ['0.00', '0.00', '0.00', '5000.00']],
      [A, '3101.07', ['1000.00', '2500.50', '-400.00', '0.57']],
    ]);
    // B is at the threshold: listed as soon as the threshold is a cent lower.
    expect(declarable(rows, new Decimal('3005.05')).map((c) => c.companyId)).toContain(B);
  });

  it("reads one company's totals only when asked for one", async () => {
    const rows = await new YearlyTotalsRepository(db.em() as never).quarterTotals(2025, 'EUR', A);
    expect(new Set(rows.map((r) => r.companyId))).toEqual(new Set([A]));
    expect(await new YearlyTotalsRepository(db.em() as never).quarterTotals(2025, 'SEK', B)).toEqual([{ companyId: B, quarter: 1, total: '50000.00' }]);
  });

  it('takes the threshold from configuration and refuses a malformed one', () => {
    expect(yearlyTotalsThreshold({})).toEqual({ amount: new Decimal('3005.06'), currency: 'EUR' });
    expect(yearlyTotalsThreshold({ HUB_YEARLY_TOTALS_THRESHOLD: '6000', HUB_YEARLY_TOTALS_CURRENCY: 'PLN' })).toEqual({ amount: new Decimal('6000'), currency: 'PLN' });
    expect(() => yearlyTotalsThreshold({ HUB_YEARLY_TOTALS_THRESHOLD: '3.005,06' })).toThrow('HUB_YEARLY_TOTALS_THRESHOLD');
    expect(() => yearlyTotalsThreshold({ HUB_YEARLY_TOTALS_CURRENCY: 'euro' })).toThrow('HUB_YEARLY_TOTALS_CURRENCY');
  });
});
