import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { OrderEntity } from '../order/order.entity';
import { OrderStatus } from '../order/order-status';
import { HoldRuleEntity, HoldRuleKind } from './hold-rule.entity';
import { HoldRuleRepository } from './hold-rule.repository';

const A = randomUUID();
const B = randomUUID();
const USER = randomUUID();
const NOW = new Date('2026-11-20T15:00:00Z');

describe('HoldRuleRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new HoldRuleRepository(db.em());
  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    let n = 0;
    const order = (companyId: string, status: OrderStatus, total: string, taxTotal: string | null, placedAt: Date, fields: Partial<OrderEntity> = {}) =>
      em.create(OrderEntity, { number: `N-${++n}`, companyId, status, total, taxTotal, placedAt, currency: 'EUR', placedByUserId: USER, ...fields });
    em.persist([
      // Open and counted: with the hub's tax, or the company's rate for an ERP-entered one.
      order(A, OrderStatus.PENDING, '100.00', '21.00', NOW),
      order(A, OrderStatus.SHIPPED, '200.00', null, new Date('2026-11-19T10:00:00Z'), { placedByUserId: null }),
      order(A, OrderStatus.DELIVERED, '50.00', '10.50', new Date('2026-11-20T00:00:00Z')),
      // Not counted: invoiced, cancelled, rejected, not yet accepted, another currency, another company.
      order(A, OrderStatus.INVOICED, '1000.00', '210.00', NOW),
      order(A, OrderStatus.CANCELLED, '1000.00', null, NOW),
      order(A, OrderStatus.REJECTED, '1000.00', null, NOW),
      order(A, OrderStatus.ON_HOLD, '1000.00', null, NOW),
      order(A, OrderStatus.AWAITING_APPROVAL, '1000.00', null, new Date('2026-11-20T23:59:59Z')),
      order(A, OrderStatus.PENDING, '1000.00', null, NOW, { currency: 'SEK' }),
      order(B, OrderStatus.PENDING, '1000.00', null, NOW),
    ]);
    em.persist([
      em.create(HoldRuleEntity, { kind: HoldRuleKind.ORDER_VALUE, companyId: null, enabled: true, limitAmount: '500', currency: 'EUR' }),
      em.create(HoldRuleEntity, { kind: HoldRuleKind.ORDER_VALUE, companyId: A, enabled: false }),
      em.create(HoldRuleEntity, { kind: HoldRuleKind.DAILY_ORDER_COUNT, companyId: B, enabled: true, maxOrdersPerDay: 2 }),
    ]);
    await em.flush();
  });
  afterAll(() => db?.drop());

  it("lists every rule for staff, those for every company first", async () => {
    expect((await repository().all()).map((r) => r.companyId === null)).toEqual([true, false, false]);
  });

  it('refuses a second rule of a kind for the same scope', async () => {
    const em = db.em();
    em.create(HoldRuleEntity, { kind: HoldRuleKind.ORDER_VALUE, companyId: null, enabled: true, limitAmount: '1', currency: 'EUR' });
    await expect(em.flush()).rejects.toThrow(/hold_rule_kind_company_unique/);
  });

  it('sums what the orders not yet invoiced are worth with tax, in the currency asked', async () => {
    // 100 + 21, 200 at 25 %, 50 + 10.50
    expect((await repository().openOrdersValue(A, 'EUR', '25', null)).toFixed(2)).toBe('431.50');
    expect((await repository().openOrdersValue(A, 'EUR', null, null)).toFixed(2)).toBe('381.50');
    const [pending] = await db.em().find(OrderEntity, { companyId: A, status: OrderStatus.PENDING, currency: 'EUR' });
    expect((await repository().openOrdersValue(A, 'EUR', null, pending.id)).toFixed(2)).toBe('260.50');
    expect((await repository().openOrdersValue(A, 'SEK', null, null)).toFixed(2)).toBe('1000.00');
    expect((await repository().openOrdersValue(randomUUID(), 'EUR', null, null)).toFixed(2)).toBe('0.00');
  });

  it("counts the company's web orders placed on the day (UTC), rejected ones and ERP-entered ones aside", async () => {
    // PENDING (EUR and SEK), DELIVERED at midnight, INVOICED, CANCELLED, ON_HOLD, AWAITING_APPROVAL at 23:59:59
    expect(await repository().webOrdersToday(A, NOW, null)).toBe(7);
    expect(await repository().webOrdersToday(A, new Date('2026-11-19T12:00:00Z'), null)).toBe(0);
    expect(await repository().webOrdersToday(B, NOW, null)).toBe(1);
  });

  it("serializes one company's placements, not another's", async () => {
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db.em().transactional(async (em) => {
      await new HoldRuleRepository(em).lockCompany(A);
      events.push('A locked');
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = db.em().transactional(async (em) => {
      await new HoldRuleRepository(em).lockCompany(B);
      events.push('B locked');
    });
    const second = db.em().transactional(async (em) => {
      await new HoldRuleRepository(em).lockCompany(A);
      events.push('A locked again');
    });
    await other;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(['A locked', 'B locked']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['A locked', 'B locked', 'A locked again']);
  });
});
