import { PoolClient } from 'pg';
import { NotificationDeclaration, NotificationNotice } from '@hub/subgraph-kit';
import { ORDER_STATUS_CHANGED_TOPIC } from './order-events';

/** The template (and preference category) for an order reaching a status; statuses not here send nothing. */
const TEMPLATE_OF_STATUS: Readonly<Record<string, string>> = {
  PENDING: 'order.placed',
  AWAITING_APPROVAL: 'order.awaiting-approval',
  ON_HOLD: 'order.held',
  REJECTED: 'order.rejected',
  CONFIRMED: 'order.confirmed',
  READY_FOR_PICKUP: 'order.ready-for-pickup',
  INVOICED: 'order.invoiced',
};

/** Statuses in which a promised delivery date that has passed is late. */
const OPEN_FOR_DELIVERY = new Set(['CONFIRMED', 'PICKED']);

/**
 * What an order's status event tells its placer: placed (or approved, when a coworker's approval
 * made it PENDING), waiting for approval, held, rejected, confirmed by the ERP, invoiced, and late
 * when the ERP's promised delivery date has passed while it is still open. Orders entered in the
 * ERP (no hub user) tell nobody. Shipped and delivered (with parcel and tracking) belong to the
 * shipments that will publish their own events.
 */
export async function orderNotices(client: PoolClient, event: { key: string }): Promise<NotificationNotice[]> {
  const { rows } = await client.query<{
    id: string; number: string; status: string; status_reason: string | null; placed_by_user_id: string | null; currency: string; total: string;
    delivery_date: string | null; customer_reference: string | null; last_source: string | null; late: boolean; pickup_code: string | null; store_name: string | null;
  }>(
    `select o.id, o.number, o.status, o.status_reason, o.placed_by_user_id, o.currency, o.total::text, o.delivery_date::text, o.customer_reference, o.pickup_code,
            (select s.name from orders.pickup_store s where s.code = o.pickup_store_code) as store_name,
            (select e.source from orders.order_status_event e where e.order_id = o.id and e.status = o.status order by e.at desc limit 1) as last_source,
            (o.delivery_date is not null and o.delivery_date < current_date) as late
       from orders.customer_order o where o.id = $1`,
    [event.key],
  );
  const order = rows[0];
  if (!order || !order.placed_by_user_id) return [];
  const values = {
    orderId: order.id,
    orderNumber: order.number,
    status: order.status,
    total: `${order.total} ${order.currency}`,
    reason: order.status_reason ?? '',
    deliveryDate: order.delivery_date ?? '',
    customerReference: order.customer_reference ?? '',
    ...(order.status === 'READY_FOR_PICKUP' ? { storeName: order.store_name ?? '', pickupCode: order.pickup_code ?? '' } : {}),
  };
  const notices: NotificationNotice[] = [];
  const template = order.status === 'PENDING' && order.last_source === 'APPROVAL' ? 'order.approved' : TEMPLATE_OF_STATUS[order.status];
  if (template) notices.push({ ref: `order:${order.id}:${order.status}`, template, recipientUserIds: [order.placed_by_user_id], values });
  if (order.late && OPEN_FOR_DELIVERY.has(order.status)) {
    // One notice per promised date: a date that moves and passes again is late again.
    notices.push({ ref: `order:${order.id}:late:${order.delivery_date}`, template: 'order.late', recipientUserIds: [order.placed_by_user_id], values });
  }
  return notices;
}

export const ORDER_NOTIFICATIONS: readonly NotificationDeclaration[] = [{ topic: ORDER_STATUS_CHANGED_TOPIC, notices: orderNotices }];
