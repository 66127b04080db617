import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { OrderLineEntity } from '../order/order-line.entity';
import { OrderEntity } from '../order/order.entity';
import { OrderStatus } from '../order/order-status';

export async function seedOrdersDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(OrderEntity)) > 0) return;
  await em.transactional(async (tx) => {
    for (const o of data.orders) {
      const order = tx.create(OrderEntity, {
        id: o.id, number: o.number, companyId: o.companyId, placedByUserId: o.placedByUserId,
        status: o.status as OrderStatus, placedAt: o.placedAt, currency: o.currency, total: o.total,
      });
      for (const l of o.lines) {
        tx.create(OrderLineEntity, { order, lineNo: l.lineNo, productId: l.productId, sku: l.sku, quantity: String(l.quantity), unitPrice: l.unitPrice, lineTotal: l.lineTotal });
      }
    }
  });
}
