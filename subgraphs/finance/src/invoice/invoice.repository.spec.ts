import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { InvoiceSortField, SortDirection } from './invoice.inputs';
import { decodeInvoiceCursor, encodeInvoiceCursor, InvoiceQuery, InvoiceRepository, InvoiceRow } from './invoice.repository';
import { InvoiceStatus } from './invoice-status';

const A = randomUUID();
const B = randomUUID();
const ORDER = randomUUID();
const DAY = 86_400_000;
const BASE = Date.parse('2026-03-01T00:00:00Z');

interface Fixture {
  id: string;
  number: string;
  companyId: string;
  orderId: string | null;
  issuedAt: Date;
  dueAt: Date;
  total: string;
  status: InvoiceStatus;
}

// 40 invoices of A with repeated dates and totals (ties must page by id), 5 of B.
const fixtures: Fixture[] = Array.from({ length: 45 }, (_, n) => ({
  id: randomUUID(),
  number: `INV-T${String(1000 + ((n * 17) % 45)).padStart(5, '0')}`,
  companyId: n < 40 ? A : B,
  orderId: n % 10 === 3 ? ORDER : null,
  issuedAt: new Date(BASE + Math.floor(n / 3) * DAY + (n % 2) * 1234.567),
  dueAt: new Date(BASE + ((n * 7) % 11) * DAY + 30 * DAY),
  total: new Decimal((n * 37) % 13).mul('100.25').toFixed(2),
  status: n % 4 === 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN,
}));

const query = (over: Partial<InvoiceQuery> = {}): InvoiceQuery => ({
  companyId: A, issuedFrom: null, issuedBefore: null, status: null, minTotal: null, maxTotal: null, orderId: null,
  sort: { field: InvoiceSortField.ISSUED_AT, direction: 'DESC' }, ...over,
});

const key: Record<InvoiceSortField, (f: Fixture) => string | number> = {
  NUMBER: (f) => f.number,
  ISSUED_AT: (f) => f.issuedAt.getTime(),
  DUE_AT: (f) => f.dueAt.getTime(),
  TOTAL: (f) => Number(f.total),
};

/** The expected order, computed in JS: by the sort value, then by id, both in the direction. */
function expected(rows: Fixture[], field: InvoiceSortField, direction: SortDirection): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => sign * (cmp(key[field](a), key[field](b)) || cmp(a.id, b.id))).map((f) => f.id);
}

describe('InvoiceRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new InvoiceRepository(db.em() as never);

  async function walk(q: InvoiceQuery, size: number): Promise<InvoiceRow[]> {
    const seen: InvoiceRow[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page = await repository().page(q, size, after);
      seen.push(...page.rows);
      if (!page.hasNextPage) return seen;
      after = page.cursorOf(page.rows[page.rows.length - 1]);
    }
    throw new Error('paging did not end');
  }

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
    for (const f of fixtures) {
      await db.pool.query(
        `insert into finance.invoice (id, number, company_id, order_id, issued_at, due_at, currency, total, open_amount, status, digitally_signed)
         values ($1, $2, $3, $4, $5, $6, 'EUR', $7, $8, $9, false)`,
        [f.id, f.number, f.companyId, f.orderId, f.issuedAt, f.dueAt, f.total, f.status === 'PAID' ? '0.00' : f.total, f.status],
      );
    }
  });
  afterAll(() => db?.drop());

  for (const field of Object.values(InvoiceSortField)) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`pages ${field} ${direction} by cursor without skipping or repeating a row`, async () => {
        const rows = await walk(query({ sort: { field, direction } }), 7);
        expect(rows.map((r) => r.id)).toEqual(expected(fixtures.filter((f) => f.companyId === A), field, direction));
      });
    }
  }

  it('filters by period, status, amount range and order, and counts what matches', async () => {
    const q = query({
      issuedFrom: new Date(BASE + 2 * DAY), issuedBefore: new Date(BASE + 9 * DAY), status: InvoiceStatus.OPEN, minTotal: '100.25', maxTotal: '802.00',
      sort: { field: InvoiceSortField.TOTAL, direction: 'ASC' },
    });
    const want = fixtures.filter(
      (f) => f.companyId === A && f.issuedAt.getTime() >= BASE + 2 * DAY && f.issuedAt.getTime() < BASE + 9 * DAY && f.status === 'OPEN' && Number(f.total) >= 100.25 && Number(f.total) <= 802,
    );
    expect(want.length).toBeGreaterThan(3);
    const page = await repository().page(q, 200, null);
    expect(page.rows.map((r) => r.id)).toEqual(expected(want, InvoiceSortField.TOTAL, 'ASC'));
    expect(await page.totalCount()).toBe(want.length);
    const ofOrder = await repository().page(query({ orderId: ORDER }), 200, null);
    expect(ofOrder.rows.map((r) => r.id).sort()).toEqual(fixtures.filter((f) => f.companyId === A && f.orderId === ORDER).map((f) => f.id).sort());
  });

  it("never returns another company's invoices; staff (no company) see all", async () => {
    expect((await walk(query(), 50)).every((r) => r.companyId === A)).toBe(true);
    expect((await walk(query({ companyId: B }), 50)).map((r) => r.id).sort()).toEqual(fixtures.filter((f) => f.companyId === B).map((f) => f.id).sort());
    expect(await (await repository().page(query({ companyId: null }), 1, null)).totalCount()).toBe(45);
  });

  it('reads all matching rows in batches for exports', async () => {
    const batches: number[] = [];
    const ids: string[] = [];
    for await (const batch of repository().all(query({ sort: { field: InvoiceSortField.NUMBER, direction: 'ASC' } }), 16)) {
      batches.push(batch.length);
      ids.push(...batch.map((r) => r.id));
    }
    expect(batches).toEqual([16, 16, 8]);
    expect(ids).toEqual(expected(fixtures.filter((f) => f.companyId === A), InvoiceSortField.NUMBER, 'ASC'));
  });

  it('refuses a cursor that is not one, or one from another sort', async () => {
    const sort = { field: InvoiceSortField.TOTAL, direction: 'ASC' as const };
    for (const bad of ['nonsense', Buffer.from('{"f":"TOTAL","d":"ASC","v":"1; drop","i":"x"}').toString('base64url'), encodeInvoiceCursor({ f: InvoiceSortField.TOTAL, d: 'ASC', v: 'abc', i: randomUUID() })]) {
      await expect(repository().page(query({ sort }), 5, bad)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    }
    const other = encodeInvoiceCursor({ f: InvoiceSortField.NUMBER, d: 'ASC', v: 'INV-1', i: randomUUID() });
    expect(() => decodeInvoiceCursor(other, sort)).toThrow('differently sorted');
  });
});
