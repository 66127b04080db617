import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { OrderLineEntity } from '../order/order-line.entity';
import { OrderEntity } from '../order/order.entity';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { OrderStatusEventEntity } from '../order/order-status-event.entity';
import { seedOfferDemoData } from '../offer/offer-demo.seed';

export async function seedOrdersDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  await seedOfferDemoData(em, data);
  if ((await em.count(OrderEntity)) > 0) return;
  const erpNumber = new Map(data.companies.map((c) => [c.id, c.erpNumber]));
  await em.transactional(async (tx) => {
    for (const o of data.orders) {
      const order = tx.create(OrderEntity, {
        id: o.id, number: o.number, erpNumber: o.number, companyId: o.companyId, customerNumber: erpNumber.get(o.companyId) ?? null, placedByUserId: o.placedByUserId,
        status: o.status as OrderStatus, placedAt: o.placedAt, currency: o.currency, total: o.total,
      });
      for (const l of o.lines) {
        tx.create(OrderLineEntity, { order, lineNo: l.lineNo, productId: l.productId, sku: l.sku, quantity: String(l.quantity), unitPrice: l.unitPrice, lineTotal: l.lineTotal });
      }
      // The history starts with the status the ERP reports for the order.
      tx.create(OrderStatusEventEntity, { orderId: o.id, at: o.placedAt, status: o.status as OrderStatus, source: OrderEventSource.ERP_SYNC });
    }
  });
}
