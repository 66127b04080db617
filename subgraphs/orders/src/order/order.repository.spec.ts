import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderRepository } from './order.repository';
import { OrderStatus } from './order-status';

const A = randomUUID();
const B = randomUUID();
const C = randomUUID();

/** [number, company, placed at (minutes after the start), status, idempotency key] */
const ORDERS: Array<[string, string, number, OrderStatus, string | null]> = [
  ['A-1', A, 1, OrderStatus.INVOICED, null],
  ['A-2', A, 2, OrderStatus.SHIPPED, 'key-1'],
  // Placed in the same second as A-2: the number decides.
  ['A-3', A, 2, OrderStatus.PENDING, 'key-2'],
  ['A-4', A, 5, OrderStatus.PENDING, null],
  ['B-1', B, 3, OrderStatus.PENDING, 'key-1'],
];
const START = Date.parse('2026-11-02T08:00:00Z');

describe('OrderRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new OrderRepository(db.em());
  const numbers = (orders: OrderEntity[]) => orders.map((o) => o.number);

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    for (const [number, companyId, minute, status, idempotencyKey] of ORDERS) {
      const order = em.create(OrderEntity, { number, companyId, status, idempotencyKey, placedAt: new Date(START + minute * 60_000), currency: 'EUR', total: '30.00' });
      // Written out of order: reads sort them.
      for (const lineNo of [2, 1]) {
        em.create(OrderLineEntity, { order, lineNo, productId: randomUUID(), sku: `${number}-L${lineNo}`, quantity: '1', unitPrice: '15', lineTotal: '15.00' });
      }
    }
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('lists newest first, ties by number, for one company or all, by status, up to the limit', async () => {
    expect(numbers(await repository().list({ companyId: null, status: null }, 10))).toEqual(['A-4', 'B-1', 'A-3', 'A-2', 'A-1']);
    expect(numbers(await repository().list({ companyId: A, status: null }, 2))).toEqual(['A-4', 'A-3']);
    expect(numbers(await repository().list({ companyId: A, status: OrderStatus.PENDING }, 10))).toEqual(['A-4', 'A-3']);
    expect(numbers(await repository().list({ companyId: null, status: OrderStatus.PENDING }, 10))).toEqual(['A-4', 'B-1', 'A-3']);
    expect(await repository().list({ companyId: C, status: null }, 10)).toEqual([]);
  });

  it('reads the newest orders of each company at most so many per company, in one statement', async () => {
    const orders = await repository().newestPerCompany([A, B, C], 2);
    expect(numbers(orders)).toEqual(['A-4', 'B-1', 'A-3']);
    expect(orders[0]).toBeInstanceOf(OrderEntity);
    expect(orders[0]).toMatchObject({ companyId: A, status: OrderStatus.PENDING, currency: 'EUR', total: '30.00', placedAt: new Date(START + 5 * 60_000) });
    expect(numbers(await repository().newestPerCompany([A], 1))).toEqual(['A-4']);
    expect(numbers(await repository().newestPerCompany([A, B], 200))).toEqual(['A-4', 'B-1', 'A-3', 'A-2', 'A-1']);
    expect(await repository().newestPerCompany([C], 2)).toEqual([]);
  });

  it('reads the lines of several orders in line order', async () => {
    const orders = await repository().list({ companyId: A, status: null }, 2);
    const lines = await repository().linesOf(orders.map((o) => o.id));
    expect(lines).toHaveLength(4);
    for (const order of orders) expect(lines.filter((l) => l.order.id === order.id).map((l) => l.sku)).toEqual([`${order.number}-L1`, `${order.number}-L2`]);
  });

  it("finds an order by its company's idempotency key, lines included; another company's key finds nothing", async () => {
    const found = await repository().findByIdempotencyKey(A, 'key-1');
    expect(found?.number).toBe('A-2');
    expect(found!.lines.isInitialized()).toBe(true);
    expect(found!.lines.getItems().map((l) => l.lineNo)).toEqual([1, 2]);
    expect((await repository().findByIdempotencyKey(B, 'key-1'))?.number).toBe('B-1');
    expect(await repository().findByIdempotencyKey(B, 'key-2')).toBeNull();
    expect(await repository().findByIdempotencyKey(C, 'key-1')).toBeNull();
  });
});
