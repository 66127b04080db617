import { Entity } from '@mikro-orm/core';
import { PoolClient } from 'pg';
import { OutboxMessage, OutboxMessageBase, OutboxStore } from '@hub/outbox';
import { publishOrderStatusChanged } from '../order/order-events';

/** Orders placed on the web, waiting to be (or already) delivered to the ERP. */
@Entity({ tableName: 'outbox_message' })
export class OrdersOutboxMessageEntity extends OutboxMessageBase {}

export const ORDER_PLACED_TOPIC = 'order.placed';

/**
 * When the ERP has accepted an order, the order takes the ERP's number and is CONFIRMED — unless
 * the ERP already reported a later status through the sync, which then stands.
 */
export async function acknowledgeOrder(client: PoolClient, message: OutboxMessage, result: Record<string, unknown>): Promise<void> {
  const orderNumber = String(result.orderNumber);
  const updated = await client.query(
    `update orders.customer_order
        set erp_number = $2, number = $2,
            status = case when status = 'PENDING' then 'CONFIRMED' else status end, updated_at = now()
      where id = $1 and (erp_number is null or erp_number = $2)`,
    [message.payload.hubOrderId, orderNumber],
  );
  if (updated.rowCount) await publishOrderStatusChanged(client, String(message.payload.hubOrderId));
}

/** The orders subgraph's outbox, as the integrator's dispatcher sees it. */
export const ordersOutbox = new OutboxStore('orders');
