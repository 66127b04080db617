import { PoolClient } from 'pg';
import { ErpPickupSubmission } from '@hub/erp-contract';
import { OutboxMessage } from '@hub/outbox';
import { publishOrderStatusChanged } from '../order/order-events';
import { OrderEntity } from '../order/order.entity';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { recordTimeline } from '../order/order-timeline';

/** A store handed an order over: the ERP hears of it once (key: the order id and "handover"). */
export const ORDER_HANDED_OVER_TOPIC = 'order.handed-over';

export function handoverKeyOf(orderId: string): string {
  return `${orderId}:handover`;
}

export function erpPickupOf(order: Pick<OrderEntity, 'id' | 'erpNumber' | 'pickupStoreCode' | 'pickupCode' | 'handedOverAt'>): ErpPickupSubmission {
  return { hubOrderId: order.id, orderNumber: order.erpNumber!, storeCode: order.pickupStoreCode!, pickupCode: order.pickupCode!, handedOverAt: order.handedOverAt!.toISOString() };
}

/**
 * The ERP booked the handover: the order is COLLECTED at once (the sync would report the same
 * later), unless the ERP already reported a later status, which stands.
 */
export async function acknowledgeHandover(client: PoolClient, message: OutboxMessage): Promise<void> {
  const id = String(message.payload.hubOrderId);
  const { rows } = await client.query<{ previous: string }>(
    `with before as (select id, status from orders.customer_order where id = $1 for update)
     update orders.customer_order o set status = $2, updated_at = now()
       from before where o.id = before.id and before.status = $3
     returning before.status as previous`,
    [id, OrderStatus.COLLECTED, OrderStatus.READY_FOR_PICKUP],
  );
  if (rows.length === 0) return;
  await recordTimeline(client, [{ orderId: id, status: OrderStatus.COLLECTED, previous: rows[0].previous, source: OrderEventSource.ERP_RECEIPT, reason: `ERP booked the handover in store ${String(message.payload.storeCode)}` }]);
  await publishOrderStatusChanged(client, id);
}
