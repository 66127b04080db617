import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { OfferContent, OfferEntity, OfferPricingMode } from './offer.entity';
import { SalesRepCustomerEntity } from './offer-catalogue.entity';
import { OfferRepository } from './offer.repository';
import { OfferStatus } from './offer.state-machine';

const A = randomUUID();
const B = randomUUID();
const REP = randomUUID();

const content = (sku: string, name: string): OfferContent => ({
  pricingMode: OfferPricingMode.UNIT_PRICES, currency: 'EUR', validUntil: '2026-12-31', terms: { payment: null, transport: null, validity: null, notes: null },
  lines: [{ lineNo: 1, productId: randomUUID(), sku, name, quantity: '1', packing: 'piece', unitPrice: '5.00', lineTotal: '5.00' }], services: [],
  linesTotal: '5.00', servicesTotal: '0.00', total: '5.00',
});

describe('OfferRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new OfferRepository(db.em());
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    const rows: Array<[string, string, string, OfferStatus, string]> = [
      [A, 'SK-100', 'Cordless drill', OfferStatus.SENT, '2026-12-31'],
      [A, 'SK-200', 'Cable 50% off_cut', OfferStatus.DRAFT, '2026-12-31'],
      [A, 'SK-300', 'Ladder', OfferStatus.VIEWED, '2026-11-30'],
      [B, 'SK-100', 'Cordless drill', OfferStatus.SENT, '2026-12-31'],
    ];
    rows.forEach(([companyId, sku, name, status, validUntil], i) => {
      const offer = em.create(OfferEntity, {
        number: `OF-SPEC-${i}`, companyId, createdByUserId: REP, batchId: randomUUID(), status, validUntil, currency: 'EUR', total: '5.00', content: content(sku, name),
        partner: { name: 'P', erpNumber: null, address: null, contactName: null, contactEmail: null, contactPhone: null, logoUrl: null },
        createdAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000),
      });
      ids.push(offer.id);
    });
    em.create(SalesRepCustomerEntity, { repUserId: REP, companyId: B });
    em.create(SalesRepCustomerEntity, { repUserId: REP, companyId: A });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('numbers in the caller\'s transaction: consecutive per year, given back when the transaction rolls back', async () => {
    const em = db.em();
    const first = await em.transactional((tx) => new OfferRepository(tx).nextNumber(2031));
    expect(first).toBe(1);
    await expect(em.transactional(async (tx) => {
      expect(await new OfferRepository(tx).nextNumber(2031)).toBe(2);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await em.transactional((tx) => new OfferRepository(tx).nextNumber(2031))).toBe(2);
    expect(await em.transactional((tx) => new OfferRepository(tx).nextNumber(2032))).toBe(1);
  });

  it('gives concurrent transactions distinct consecutive numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 8 }, () => db.em().fork().transactional((tx) => new OfferRepository(tx).nextNumber(2040))));
    expect([...numbers].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lists newest first by company and status, and searches number, title, SKU and product name (LIKE characters taken literally)', async () => {
    const numbers = async (q: Partial<Parameters<OfferRepository['list']>[0]>) => (await repository().list({ companyIds: null, statuses: null, search: null, first: 10, ...q })).map((o) => o.number);
    expect(await numbers({ companyIds: [A] })).toEqual(['OF-SPEC-2', 'OF-SPEC-1', 'OF-SPEC-0']);
    expect(await numbers({ companyIds: [A], statuses: [OfferStatus.SENT, OfferStatus.VIEWED] })).toEqual(['OF-SPEC-2', 'OF-SPEC-0']);
    expect(await numbers({ search: 'sk-100' })).toEqual(['OF-SPEC-3', 'OF-SPEC-0']);
    expect(await numbers({ companyIds: [A], search: 'drill' })).toEqual(['OF-SPEC-0']);
    expect(await numbers({ search: '50%' })).toEqual(['OF-SPEC-1']);
    expect(await numbers({ search: '5_%' })).toEqual([]);
    expect(await numbers({ search: 'OF-SPEC-3' })).toEqual(['OF-SPEC-3']);
    expect(await numbers({ first: 1 })).toEqual(['OF-SPEC-3']);
    expect(await repository().customersOf(REP)).toEqual([A, B].sort());
  });

  it('marks a sent offer viewed once, decides an open valid one once, and writes EXPIRED only past the last day', async () => {
    expect(await repository().markViewed(ids[0], 1)).toBe(true);
    expect(await repository().markViewed(ids[0], 1)).toBe(false);
    // A draft, another version, an expired offer: not decided.
    expect(await repository().decide(ids[1], 1, '2026-12-01', OfferStatus.ACCEPTED, { decidedByUserId: REP })).toBe(false);
    expect(await repository().decide(ids[0], 2, '2026-12-01', OfferStatus.ACCEPTED, { decidedByUserId: REP })).toBe(false);
    expect(await repository().decide(ids[2], 1, '2026-12-01', OfferStatus.ACCEPTED, { decidedByUserId: REP })).toBe(false);
    const order = randomUUID();
    expect(await repository().decide(ids[0], 1, '2026-12-01', OfferStatus.PARTLY_ACCEPTED, { decidedByUserId: REP, acceptedLineNos: [1], orderId: order })).toBe(true);
    expect(await repository().decide(ids[0], 1, '2026-12-01', OfferStatus.REJECTED, { decidedByUserId: REP })).toBe(false);
    expect(await repository().findById(ids[0])).toMatchObject({ status: OfferStatus.PARTLY_ACCEPTED, acceptedLineNos: [1], orderId: order });
    expect(await repository().expire([ids[0], ids[1], ids[2], ids[3]], '2026-12-01')).toBe(1);
    expect((await repository().findById(ids[2]))!.status).toBe(OfferStatus.EXPIRED);
    expect((await repository().findById(ids[3]))!.status).toBe(OfferStatus.SENT);
  });
});
