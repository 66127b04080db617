import { timingSafeEqual } from 'node:crypto';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import { OrderEntity } from '../order/order.entity';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { actorOf, OrderWorkflow } from '../order/order-workflow';
import { OrdersOutboxMessageEntity } from '../outbox/orders-outbox';
import { erpPickupOf, handoverKeyOf, ORDER_HANDED_OVER_TOPIC } from './pickup-outbox';
import { PickupStoreEntity } from './pickup-store.entity';

const STORE_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** BAD_USER_INPUT unless `code` names an ERP warehouse flagged as a store (placeOrder's pickupStoreCode). */
export async function requirePickupStore(em: EntityManager, code: string): Promise<PickupStoreEntity> {
  if (!STORE_CODE.test(code)) throw badUserInput('pickupStoreCode is not a store code.', 'pickupStoreCode');
  const store = await em.findOne(PickupStoreEntity, { code });
  if (!store) throw badUserInput(`There is no store ${code}.`, 'pickupStoreCode');
  if (!store.isStore) throw badUserInput(`${store.name} (${code}) is a warehouse, not a store: orders cannot be collected there.`, 'pickupStoreCode');
  return store;
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Orders collected in a store (O14). Store staff (staff.stores) hand an order over when the
 * customer shows its pick-up code: the handover is recorded once, on the timeline, and goes to the
 * ERP through the outbox in the same transaction; the ERP's receipt makes the order COLLECTED.
 * A wrong code, another store, or an order not (or no longer) waiting changes nothing.
 */
export class PickupService {
  constructor(private readonly em: EntityManager) {}

  async handOver(viewer: Viewer | null, orderNumber: string, storeCode: string, pickupCode: string): Promise<OrderEntity> {
    const v = requireStaffPermission(viewer, 'staff.stores');
    const number = orderNumber.trim();
    if (number.length === 0 || number.length > 64) throw badUserInput('Give the order number.', 'orderNumber');
    if (!STORE_CODE.test(storeCode)) throw badUserInput('storeCode is not a store code.', 'storeCode');
    const code = pickupCode.trim();
    if (code.length === 0 || code.length > 32) throw badUserInput('Give the pick-up code the customer shows.', 'pickupCode');
    return this.em.transactional(async (em) => {
      const order = await em.findOne(OrderEntity, { number }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!order) throw notFound('Order', number);
      if (!order.pickupStoreCode) throw badUserInput(`Order ${number} is delivered, not collected in a store.`, 'orderNumber');
      if (order.pickupStoreCode !== storeCode) throw badUserInput(`Order ${number} is to be collected in another store.`, 'storeCode');
      if (order.handedOverAt) throw conflict(`Order ${number} was handed over already.`);
      if (order.status !== OrderStatus.READY_FOR_PICKUP || !order.pickupCode) throw conflict(`Order ${number} is ${order.status}, not READY_FOR_PICKUP.`);
      if (!sameCode(code, order.pickupCode)) throw badUserInput('That is not the pick-up code of this order.', 'pickupCode');
      order.handedOverAt = new Date();
      order.handedOverByUserId = v.userId;
      await new OrderWorkflow(em).record(order, order.status, { source: OrderEventSource.STORE_HANDOVER, actor: actorOf(v), reason: `Handed over in store ${storeCode}` });
      em.create(OrdersOutboxMessageEntity, { topic: ORDER_HANDED_OVER_TOPIC, key: handoverKeyOf(order.id), payload: erpPickupOf(order) as unknown as Record<string, unknown> });
      return order;
    });
  }
}
