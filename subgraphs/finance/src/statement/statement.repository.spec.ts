import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { statementAccounts } from './statement.ledger';
import { StatementRepository } from './statement.repository';

const DAY = 86_400_000;
const BASE = Date.parse('2025-01-01T00:00:00Z');

type Doc = { kind: 'INVOICE' | 'CREDIT_NOTE' | 'PAYMENT'; day: number; ms: number; cents: number; currency: 'EUR' | 'SEK' };

/** A random ledger: invoices, credit notes and payments on days 0..59, some on the same instant, in two currencies. */
const ledgers = fc.array(
  fc.record({
    kind: fc.constantFrom('INVOICE' as const, 'CREDIT_NOTE' as const, 'PAYMENT' as const),
    day: fc.integer({ min: 0, max: 59 }),
    ms: fc.constantFrom(0, 1, 43_200_000, DAY - 1),
    cents: fc.integer({ min: 1, max: 10_000_000 }),
    currency: fc.constantFrom('EUR' as const, 'SEK' as const),
  }),
  { maxLength: 40 },
);

const signed = (d: Doc) => new Decimal(d.cents).div(100).mul(d.kind === 'INVOICE' ? 1 : -1);

describe('StatementRepository and the statement ledger (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new StatementRepository(db.em() as never);

  async function write(company: string, docs: Doc[]): Promise<void> {
    for (const [n, d] of docs.entries()) {
      const at = new Date(BASE + d.day * DAY + d.ms);
      const amount = new Decimal(d.cents).div(100).toFixed(2);
      if (d.kind === 'INVOICE') {
        await db.pool.query(
          `insert into finance.invoice (id, number, company_id, issued_at, due_at, currency, total, open_amount, status, digitally_signed) values ($1, $2, $3, $4, $4, $5, $6, $6, 'OPEN', false)`,
          [randomUUID(), `I-${company}-${n}`, company, at, d.currency, amount],
        );
      } else if (d.kind === 'CREDIT_NOTE') {
        await db.pool.query(`insert into finance.credit_note (number, company_id, issued_at, currency, net_total, tax_total, total) values ($1, $2, $3, $4, $5, 0, $5)`, [`C-${company}-${n}`, company, at, d.currency, amount]);
      } else {
        await db.pool.query(`insert into finance.payment (payment_number, company_id, paid_at, currency, amount) values ($1, $2, $3, $4, $5)`, [`P-${company}-${n}`, company, at, d.currency, amount]);
      }
    }
  }

  async function statement(company: string, fromDay: number, toDay: number) {
    const start = new Date(BASE + fromDay * DAY);
    const end = new Date(BASE + (toDay + 1) * DAY);
    const r = repository();
    return statementAccounts(await r.openingBalances(company, start), await r.movements(company, start, end));
  }

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
  });
  afterAll(() => db?.drop());

  it('over random ledgers: opening + movements = closing, running balances add up, and periods join without a gap', async () => {
    await fc.assert(
      fc.asyncProperty(ledgers, fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), async (docs, a, b, c) => {
        const company = randomUUID();
        // Another company's documents on the same days must not count.
        await write(company, docs);
        await write(randomUUID(), docs.slice(0, 3));
        const [from, mid, to] = [a, b, c].sort((x, y) => x - y);
        const whole = await statement(company, from, to);
        for (const account of whole) {
          let running = account.opening;
          for (const line of account.lines) {
            running = running.plus(line.amount);
            expect(line.balance.toFixed(2)).toBe(running.toFixed(2));
          }
          const sum = account.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
          expect(account.closing.toFixed(2)).toBe(account.opening.plus(sum).toFixed(2));
          expect(account.debits.minus(account.credits).toFixed(2)).toBe(sum.toFixed(2));
          // The opening balance is every earlier document, computed here without SQL.
          const before = docs.filter((d) => d.currency === account.currency && d.day < from).reduce((s, d) => s.plus(signed(d)), new Decimal(0));
          expect(account.opening.toFixed(2)).toBe(before.toFixed(2));
          expect(account.lines).toHaveLength(docs.filter((d) => d.currency === account.currency && d.day >= from && d.day <= to).length);
        }
        // [from, mid] then [mid + 1, to]: the first's closing is the second's opening, and the second closes as the whole.
        if (mid < to) {
          const first = await statement(company, from, mid);
          const second = await statement(company, mid + 1, to);
          for (const account of whole) {
            const f = first.find((x) => x.currency === account.currency);
            const s = second.find((x) => x.currency === account.currency);
            expect((f?.closing ?? new Decimal(0)).toFixed(2)).toBe((s?.opening ?? new Decimal(0)).toFixed(2));
            expect((s?.closing ?? f?.closing ?? new Decimal(0)).toFixed(2)).toBe(account.closing.toFixed(2));
          }
        }
        // After every document: the closing balance is the whole ledger's sum.
        const all = await statement(company, 60, 61);
        for (const currency of ['EUR', 'SEK'] as const) {
          const total = docs.filter((d) => d.currency === currency).reduce((s, d) => s.plus(signed(d)), new Decimal(0));
          expect((all.find((x) => x.currency === currency)?.closing ?? new Decimal(0)).toFixed(2)).toBe(total.toFixed(2));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lists the movements in date order, an invoice before what settles it at the same instant', async () => {
    const company = randomUUID();
    await write(company, [
      { kind: 'PAYMENT', day: 3, ms: 0, cents: 500, currency: 'EUR' },
      { kind: 'INVOICE', day: 3, ms: 0, cents: 1000, currency: 'EUR' },
      { kind: 'CREDIT_NOTE', day: 3, ms: 0, cents: 100, currency: 'EUR' },
      { kind: 'INVOICE', day: 1, ms: 0, cents: 2000, currency: 'EUR' },
    ]);
    const [account] = await statement(company, 2, 10);
    expect(account.opening.toFixed(2)).toBe('20.00');
    expect(account.lines.map((l) => [l.kind, l.amount, l.balance.toFixed(2)])).toEqual([['INVOICE', '10.00', '30.00'], ['CREDIT_NOTE', '-1.00', '29.00'], ['PAYMENT', '-5.00', '24.00']]);
    expect([account.debits.toFixed(2), account.credits.toFixed(2), account.closing.toFixed(2)]).toEqual(['10.00', '6.00', '24.00']);
  });
});
