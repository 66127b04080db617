import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import { decodeOrderCursor, OrderQuery, OrderRepository } from './order.repository';
import { OrderEventSource, OrderStatus } from './order-status';
import { OrderStatusEventEntity } from './order-status-event.entity';

const A = randomUUID();
const B = randomUUID();
const C = randomUUID();
const BRANCH = randomUUID();

/** [number, company, placed at (minutes after the start), status, idempotency key, branch] */
const ORDERS: Array<[string, string, number, OrderStatus, string | null, string | null]> = [
  ['A-1', A, 1, OrderStatus.INVOICED, null, null],
  ['A-2', A, 2, OrderStatus.SHIPPED, 'key-1', BRANCH],
  // Placed in the same second as A-2: the id decides.
  ['A-3', A, 2, OrderStatus.PENDING, 'key-2', null],
  ['A-4', A, 5, OrderStatus.PENDING, null, BRANCH],
  ['B-1', B, 3, OrderStatus.PENDING, 'key-1', null],
];
const START = Date.parse('2026-11-02T08:00:00Z');
const ALL: OrderQuery = { companyId: null, statuses: null, placedFrom: null, placedBefore: null, branchId: null };

describe('OrderRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new OrderRepository(db.em());
  const numbers = (orders: OrderEntity[]) => orders.map((o) => o.number);
  /** The expected order of, which share a placing time: the larger id first. */
  let tie: string[];

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    for (const [number, companyId, minute, status, idempotencyKey, branchId] of ORDERS) {
      const order = em.create(OrderEntity, { number, companyId, status, idempotencyKey, branchId, placedAt: new Date(START + minute * 60_000), currency: 'EUR', total: '30.00' });
      // Written out of order: reads sort them.
      for (const lineNo of [2, 1]) {
        em.create(OrderLineEntity, { order, lineNo, productId: randomUUID(), sku: `${number}-L${lineNo}`, quantity: '1', unitPrice: '15', lineTotal: '15.00' });
      }
      em.create(OrderStatusEventEntity, { orderId: order.id, at: new Date(START + minute * 60_000 + 1000), status, previousStatus: OrderStatus.PENDING, source: OrderEventSource.ERP_SYNC });
      em.create(OrderStatusEventEntity, { orderId: order.id, at: new Date(START + minute * 60_000), status: OrderStatus.PENDING, source: OrderEventSource.WEB });
    }
    await em.flush();
    const [a2, a3] = await db.em().find(OrderEntity, { number: { $in: ['A-2', 'A-3'] } }, { orderBy: { number: 'asc' } });
    tie = a2.id > a3.id ? ['A-2', 'A-3'] : ['A-3', 'A-2'];
  });
  afterAll(() => db?.drop());

  it('pages newest first, ties by id, for one company or all, by statuses, period and branch', async () => {
    expect(numbers((await repository().page(ALL, 10, null)).orders)).toEqual(['A-4', 'B-1', ...tie, 'A-1']);
    expect(numbers((await repository().page({ ...ALL, companyId: A }, 2, null)).orders)).toEqual(['A-4', tie[0]]);
    expect(numbers((await repository().page({ ...ALL, companyId: A, statuses: [OrderStatus.PENDING] }, 10, null)).orders)).toEqual(['A-4', 'A-3']);
    expect(numbers((await repository().page({ ...ALL, statuses: [OrderStatus.SHIPPED, OrderStatus.INVOICED] }, 10, null)).orders)).toEqual(['A-2', 'A-1']);
    const period = { ...ALL, placedFrom: new Date(START + 2 * 60_000), placedBefore: new Date(START + 5 * 60_000) };
    expect(numbers((await repository().page(period, 10, null)).orders)).toEqual(['B-1', ...tie]);
    expect(numbers((await repository().page({ ...ALL, branchId: BRANCH }, 10, null)).orders)).toEqual(['A-4', 'A-2']);
    expect((await repository().page({ ...ALL, companyId: C }, 10, null)).orders).toEqual([]);
  });

  it('pages on with the cursor of the last order, without losing or repeating one, and counts over all pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 5; n++) {
      const page = await repository().page(ALL, 2, after);
      seen.push(...numbers(page.orders));
      if (!page.hasNextPage) break;
      after = page.cursorOf(page.orders.at(-1)!);
    }
    expect(seen).toEqual(['A-4', 'B-1', ...tie, 'A-1']);
    const page = await repository().page({ ...ALL, companyId: A }, 1, null);
    expect(page.hasNextPage).toBe(true);
    expect(await page.totalCount()).toBe(4);
    expect(() => decodeOrderCursor('not-a-cursor')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
  });

  it('reads the newest orders of each company at most so many per company, in one statement', async () => {
    const orders = await repository().newestPerCompany([A, B, C], 2);
    expect(numbers(orders).slice(0, 2)).toEqual(['A-4', 'B-1']);
    expect(orders).toHaveLength(3);
    expect(orders[0]).toBeInstanceOf(OrderEntity);
    expect(orders[0]).toMatchObject({ companyId: A, status: OrderStatus.PENDING, currency: 'EUR', total: '30.00', placedAt: new Date(START + 5 * 60_000) });
    expect(numbers(await repository().newestPerCompany([A], 1))).toEqual(['A-4']);
    expect(await repository().newestPerCompany([C], 2)).toEqual([]);
  });

  it('reads the lines of several orders in line order, and their timelines oldest first', async () => {
    const { orders } = await repository().page({ ...ALL, companyId: A }, 2, null);
    const lines = await repository().linesOf(orders.map((o) => o.id));
    expect(lines).toHaveLength(4);
    for (const order of orders) expect(lines.filter((l) => l.order.id === order.id).map((l) => l.sku)).toEqual([`${order.number}-L1`, `${order.number}-L2`]);
    const timeline = await repository().timelinesOf([orders[0].id]);
    expect(timeline.map((e) => e.source)).toEqual([OrderEventSource.WEB, OrderEventSource.ERP_SYNC]);
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

  it('locks an order with its lines for a decision: a second decision waits for the first', async () => {
    const [order] = (await repository().page({ ...ALL, companyId: B }, 1, null)).orders;
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db.em().transactional(async (em) => {
      const locked = await new OrderRepository(em).lockedWithLines(order.id);
      expect(locked!.lines.map((l) => l.lineNo)).toEqual([1, 2]);
      events.push('first locked');
      await held;
      events.push('first done');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = db.em().transactional(async (em) => {
      await new OrderRepository(em).lockedWithLines(order.id);
      events.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first locked', 'first done', 'second locked']);
    expect(await db.em().transactional((em) => new OrderRepository(em).lockedWithLines(randomUUID()))).toBeNull();
  });
  it('writes a placed order with its discounts, lines and timeline in one statement', async () => {
    const id = randomUUID();
    const discounts = [{ kind: 'CODE' as const, reference: 'SPRING', description: 'Discount code SPRING (Spring)', amount: '5.00' }];
    await db.em().transactional((em) =>
      new OrderRepository(em).insertPlaced({
        order: {
          id, number: 'W-DISC', idempotencyKey: 'disc-key', requestFingerprint: null, companyId: randomUUID(), customerNumber: 'C9', placedByUserId: randomUUID(), placedByActorId: null,
          status: OrderStatus.PENDING, holdReasons: null, placedAt: new Date(), currency: 'EUR', total: '15.00', taxTotal: null, deliveryAddressCode: null, pickupStoreCode: null,
          branchId: null, customerReference: null, notes: null, quoteId: null, quotePriceChanges: null, paymentMethod: null, discounts,
        },
        lines: [{ productId: randomUUID(), sku: 'S1', quantity: '2', unitPrice: '10', lineTotal: '20.00' }],
        events: [{ status: OrderStatus.PENDING, previousStatus: null, source: OrderEventSource.WEB, actorUserId: null, onBehalfActorId: null, reason: null, details: null }],
        outbox: null,
        basket: null,
        announce: { channel: 'spec_channel', payload: '{}' },
      }),
    );
    const order = await db.em().fork().findOneOrFail(OrderEntity, { id }, { populate: ['lines'] });
    expect(order.discounts).toEqual(discounts);
    expect(order.lines.getItems().map((l) => [l.sku, l.lineTotal])).toEqual([['S1', '20.00']]);
    expect(await db.em().fork().count(OrderStatusEventEntity, { orderId: id })).toBe(1);
  });
});
