import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { erpEntityId } from '@hub/erp-ids';
import { Decimal } from '@hub/money';
import { ordersSubgraph } from '../index';
import { OrderEntity } from '../order/order.entity';
import { OrderLineEntity } from '../order/order-line.entity';
import { OrderStatus } from '../order/order-status';
import { BlanketOrderEntity } from './blanket-order.entity';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { BLANKET_ORDER_TARGET, ingestBlanketOrders } from './blanket-order.ingest';
import { BlanketOrderRepository } from './blanket-order.repository';

const record = (number: string, counted: string[]) => ({
  key: number, blanketOrderNumber: number, customerNumber: 'C1', currency: 'EUR', validFrom: '2026-01-01', validTo: '2026-12-31', status: 'OPEN',
  lines: [{ lineNo: 1, sku: 'A', quantity: '10', unitPrice: '7.25', drawnQuantity: '2', shops: [{ deliveryAddressCode: 'D1', quantity: '10', drawnQuantity: '2' }] }],
  drawdowns: counted.map((hubOrderId, i) => ({ orderNumber: `SO-${i}`, hubOrderId, placedAt: '2026-02-01T00:00:00Z' })),
});

describe('blanket orders (real PostgreSQL)', () => {
  let db: SpecDatabase;
  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
  });
  afterAll(() => db?.drop());

  it('the merge target agrees with the entity', async () => {
    expect(await mergeTargetMismatches(ordersSubgraph, [BLANKET_ORDER_TARGET])).toEqual([]);
  });

  it("merges the ERP's blanket orders, drops malformed ones and removes deleted ones", async () => {
    const client = await db.pool.connect();
    try {
      for (const page of [
        { rows: [record('BO-1', []), { ...record('BO-BAD', []), lines: [{ lineNo: 1, sku: 'A', quantity: 'ten' }] } as any, record('BO-2', [])], deletions: [] },
        { rows: [], deletions: ['BO-2'] },
      ]) {
        await client.query('begin');
        await ingestBlanketOrders(client, page);
        await client.query('commit');
      }
    } finally {
      client.release();
    }
    const stored = await db.em().find(BlanketOrderEntity, {});
    expect(stored.map((b) => b.number)).toEqual(['BO-1']);
    expect(stored[0]).toMatchObject({ id: erpEntityId('blanketOrder', 'BO-1'), companyId: erpEntityId('customer', 'C1'), validFrom: '2026-01-01', status: 'OPEN', countedHubOrderIds: [] });
  });

  it("counts the hub's drawdowns the ERP has not counted, per SKU and shop, without refused or cancelled ones", async () => {
    const em = db.em();
    const id = erpEntityId('blanketOrder', 'BO-1');
    const drawdown = (status: OrderStatus, quantity: string, shop: string | null) => {
      const order = em.create(OrderEntity, { number: `N-${randomUUID()}`, companyId: erpEntityId('customer', 'C1'), status, total: '1', placedAt: new Date(), currency: 'EUR', blanketOrderId: id, blanketOrderNumber: 'BO-1', deliveryAddressCode: shop });
      em.create(OrderLineEntity, { order, lineNo: 1, productId: randomUUID(), sku: 'A', quantity, unitPrice: '7.25', lineTotal: '1' } as any);
      return order;
    };
    const counted = drawdown(OrderStatus.CONFIRMED, '4', 'D1');
    drawdown(OrderStatus.PENDING, '1', 'D1');
    drawdown(OrderStatus.ON_HOLD, '2', 'D1');
    drawdown(OrderStatus.ERP_REFUSED, '5', 'D1');
    drawdown(OrderStatus.CANCELLED, '5', 'D1');
    await em.flush();
    const repo = new BlanketOrderRepository(db.em());
    const pending = async (countedHubOrderIds: string[]) =>
      ((await repo.pendingDrawdowns([{ id, countedHubOrderIds }])).get(id) ?? []).map((p) => ({ ...p, quantity: new Decimal(p.quantity).toFixed() }));
    expect(await pending([])).toEqual([{ sku: 'A', shop: 'D1', quantity: '7' }]);
    expect(await pending([counted.id])).toEqual([{ sku: 'A', shop: 'D1', quantity: '3' }]);
  });
});
