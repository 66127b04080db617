import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { erpEntityId } from '@hub/erp-ids';
import { ordersSubgraph } from '../index';
import { OrderEntity } from '../order/order.entity';
import { OrderLineEntity } from '../order/order-line.entity';
import { OrderStatus } from '../order/order-status';
import { LoyaltyEntryEntity, LoyaltyRuleEntity, LoyaltyRuleKind } from './loyalty.entity';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { creditLoyaltyForInvoices, ingestLoyaltyProductGroups, LOYALTY_PRODUCT_GROUP_TARGET, reverseLoyaltyForCreditNotes } from './loyalty.ingest';

const USER = '00000000-0000-4000-8000-000000000001';
const RULES_FROM = new Date('2026-06-01T00:00:00Z');
const invoice = (number: string, orderNumber: string, net: string, issuedAt = '2026-07-01T00:00:00Z') => ({
  invoiceNumber: number, customerNumber: 'C1', orderNumber, hubOrderId: null, issuedAt, currency: 'EUR', netTotal: net,
});

describe('loyalty points from invoices and credit notes (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const run = async <T>(fn: (client: import('pg').PoolClient) => Promise<T>): Promise<T> => {
    const client = await db.pool.connect();
    try {
      // As the integrator runs an ingest: in a transaction (the staging tables go with it).
      await client.query('begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } finally {
      client.release();
    }
  };
  const entries = () => db.em().find(LoyaltyEntryEntity, {}, { orderBy: { sourceKey: 'asc' } });

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    const rule = (fields: Partial<LoyaltyRuleEntity>) => em.create(LoyaltyRuleEntity, { active: true, activeFrom: RULES_FROM, updatedByUserId: USER, points: '1', kind: LoyaltyRuleKind.PER_QUANTITY, ...fields } as LoyaltyRuleEntity);
    rule({ sku: 'BOLT', points: '2' });
    rule({ productGroup: 'FX', points: '0.5' });
    rule({ kind: LoyaltyRuleKind.PER_ORDER_VALUE, perAmount: '10.00', currency: 'EUR', points: '1' });
    rule({ sku: 'BOLT', points: '100', active: false });
    rule({ kind: LoyaltyRuleKind.PER_ORDER_VALUE, perAmount: '1.00', currency: 'SEK', points: '1' });
    const order = em.create(OrderEntity, { id: erpEntityId('order', 'SO-1'), number: 'SO-1', companyId: erpEntityId('customer', 'C1'), status: OrderStatus.INVOICED, total: '95.00', placedAt: new Date(), currency: 'EUR' });
    // The ERP split BOLT into two parts; NUT is in group FX.
    em.create(OrderLineEntity, { order, lineNo: 1, productId: erpEntityId('product', 'BOLT'), sku: 'BOLT', quantity: '3', unitPrice: '10', lineTotal: '30' } as any);
    em.create(OrderLineEntity, { order, lineNo: 3, productId: erpEntityId('product', 'BOLT'), sku: 'BOLT', quantity: '2', unitPrice: '10', lineTotal: '20' } as any);
    em.create(OrderLineEntity, { order, lineNo: 2, productId: erpEntityId('product', 'NUT'), sku: 'NUT', quantity: '9', unitPrice: '5', lineTotal: '45' } as any);
    await em.flush();
    await run((c) => ingestLoyaltyProductGroups(c, { rows: [{ sku: 'NUT', categoryCodes: ['FX', 'HW'] }, { sku: 'BOLT', categoryCodes: ['HW'] }], deletions: [] }));
  });
  afterAll(() => db?.drop());

  it('the product groups merge target agrees with the entities', async () => {
    expect(await mergeTargetMismatches(ordersSubgraph, [LOYALTY_PRODUCT_GROUP_TARGET])).toEqual([]);
  });

  it('credits each invoice once: per unit of a SKU or group, per whole amount of value, fractions dropped; invoices before the rules earn nothing', async () => {
    await run((c) => creditLoyaltyForInvoices(c, { rows: [invoice('INV-1', 'SO-1', '95.00'), invoice('INV-OLD', 'SO-1', '95.00', '2026-05-01T00:00:00Z')], deletions: [] }));
    await run((c) => creditLoyaltyForInvoices(c, { rows: [invoice('INV-1', 'SO-1', '95.00')], deletions: [] }));
    // 5 × 2 (BOLT) + 9 × 0.5 (FX: 4.5) + 9 (95 EUR per 10) = 23.5 → 23.
    expect((await entries()).map((e) => [e.kind, e.sourceKey, e.points, e.companyId])).toEqual([['EARNED', 'invoice:INV-1', 23, erpEntityId('customer', 'C1')]]);
  });

  it("takes back a credit note's share of the invoice's points, once, never more than the invoice earned", async () => {
    const note = (number: string, net: string) => ({ creditNoteNumber: number, invoiceNumber: 'INV-1', issuedAt: '2026-07-05T00:00:00Z', netTotal: net });
    await run((c) => reverseLoyaltyForCreditNotes(c, { rows: [note('CN-1', '19.00')], deletions: [] }));
    await run((c) => reverseLoyaltyForCreditNotes(c, { rows: [note('CN-1', '19.00')], deletions: [] }));
    await run((c) => reverseLoyaltyForCreditNotes(c, { rows: [note('CN-2', '95.00')], deletions: [] }));
    await run((c) => reverseLoyaltyForCreditNotes(c, { rows: [note('CN-3', '95.00'), { ...note('CN-4', '10.00'), invoiceNumber: 'INV-UNKNOWN' }], deletions: [] }));
    // 19/95 of 23 = 4.6 → 5; then the rest (18), then nothing is left.
    expect((await entries()).filter((e) => e.kind === 'REVERSED').map((e) => [e.sourceKey, e.points])).toEqual([['creditNote:CN-1', -5], ['creditNote:CN-2', -18]]);
  });
});
