import { randomUUID } from 'node:crypto';
import { Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { Decimal } from '@hub/money';
import { ordersSubgraph } from '../index';
import { HoldRuleEntity, HoldRuleKind } from '../hold/hold-rule.entity';
import { effectiveRules, holdReasons } from '../hold/hold-rules.evaluator';
import { HoldRuleRepository } from '../hold/hold-rule.repository';
import { OrderEntity } from '../order/order.entity';
import { OrderStatus } from '../order/order-status';
import { CompanyAccountEntity } from './company-account.entity';
import { CompanyCreditService } from './company-credit.service';
import { OrderingFactsRepository, OrderingFactsService } from './ordering-facts.repository';

const ROOM = randomUUID();
const OVER = randomUUID();
const BLOCKED = randomUUID();
const EXACT = randomUUID();
const UNSYNCED = randomUUID();
const reader = (companyId: string): Viewer => ({ userId: 'u', kind: 'CUSTOMER', companyId, supplierId: null, permissions: ['invoices.view'] });
const buyer: Viewer = { userId: 'b', kind: 'CUSTOMER', companyId: ROOM, supplierId: null, permissions: ['orders.view', 'orders.place'] };
const staff: Viewer = { userId: 's', kind: 'STAFF', companyId: null, supplierId: null, permissions: [] };

describe('CompanyCreditService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const service = () => {
    const em = db.em();
    return new CompanyCreditService(em, new OrderingFactsService(new OrderingFactsRepository(em)));
  };

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    const account = (companyId: string, creditLimit: string, balance: string, blocked = false) =>
      em.create(CompanyAccountEntity, { companyId, customerNumber: `C-${companyId.slice(0, 6)}`, currency: 'EUR', creditLimit, balance, blocked, taxRatePercent: '21', deliveryAddressCodes: [] });
    let n = 0;
    const order = (companyId: string, status: OrderStatus, total: string, taxTotal: string | null) =>
      em.create(OrderEntity, { number: `CR-${++n}`, companyId, status, total, taxTotal, placedAt: new Date(), currency: 'EUR', placedByUserId: null });
    em.persist([
      account(ROOM, '5000.00', '1200.00'),
      account(OVER, '1000.00', '900.00'),
      account(BLOCKED, '5000.00', '0.00', true),
      account(EXACT, '1000.00', '879.00'),
      // ROOM: 100 + 21 tax, and 200 entered in the ERP at the company's 21 % (242); the invoiced one does not count.
      order(ROOM, OrderStatus.PENDING, '100.00', '21.00'),
      order(ROOM, OrderStatus.SHIPPED, '200.00', null),
      order(ROOM, OrderStatus.INVOICED, '999.00', null),
      order(OVER, OrderStatus.CONFIRMED, '100.00', '21.00'),
      order(EXACT, OrderStatus.CONFIRMED, '100.00', '21.00'),
    ]);
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('reports limit, balance, orders not yet invoiced and what is available, with the same open orders figure the hold rule uses', async () => {
    const credit = (await service().creditOf(reader(ROOM), ROOM))!;
    expect([credit.limit, credit.balance, credit.openOrders, credit.available].map((d) => d.toFixed(2))).toEqual(['5000.00', '1200.00', '363.00', '3437.00']);
    expect(credit.openOrders.toFixed(2)).toBe((await new HoldRuleRepository(db.em()).openOrdersValue(ROOM, 'EUR', '21', null)).toFixed(2));
    expect([credit.blocked, credit.reason]).toEqual([false, null]);
  });

  it("is blocked with the credit rule's reason when balance and open orders pass the limit, and an order would be held alike", async () => {
    const credit = (await service().creditOf(reader(OVER), OVER))!;
    expect(credit.available.toFixed(2)).toBe('0.00');
    expect(credit.blocked).toBe(true);
    expect(credit.reason).toContain('Credit limit 1000.00 EUR exceeded: balance 900.00 EUR + orders not yet invoiced 121.00 EUR');
    const facts = await new OrderingFactsRepository(db.em()).factsOf(OVER);
    const held = holdReasons(effectiveRules(facts.rules, OVER), {
      currency: 'EUR', net: new Decimal(1), gross: new Decimal(1), deliveryAddressCode: null, openOrders: credit.openOrders, ordersToday: 0,
      credit: { blocked: false, creditLimit: credit.limit, balance: credit.balance, currency: 'EUR' },
    });
    expect(held.map((r) => r.kind)).toEqual([HoldRuleKind.CREDIT_LIMIT]);
  });

  it('is blocked when the ERP blocks the account, and when the limit is used up to the cent', async () => {
    expect(await service().creditOf(staff, BLOCKED)).toMatchObject({ blocked: true, reason: 'The account is blocked in the ERP.' });
    expect(await service().creditOf(reader(EXACT), EXACT)).toMatchObject({ blocked: true, reason: 'The credit limit 1000.00 EUR is used up.' });
  });

  it('follows the staff switching the credit rule off for a company', async () => {
    const em = db.em();
    em.create(HoldRuleEntity, { kind: HoldRuleKind.CREDIT_LIMIT, companyId: OVER, enabled: false });
    await em.flush();
    expect(await service().creditOf(reader(OVER), OVER)).toMatchObject({ blocked: false, reason: null });
  });

  it("refuses without invoices.view, answers NOT_FOUND for another company's, and null before the ERP sent the account", async () => {
    await expect(service().creditOf(buyer, ROOM)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(service().creditOf(reader(ROOM), OVER)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await service().creditOf(reader(UNSYNCED), UNSYNCED)).toBeNull();
  });
});
