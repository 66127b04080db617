import { Entity } from '@mikro-orm/core';
import { PoolClient } from 'pg';
import { ErpError, ErpOrderSubmission } from '@hub/erp-contract';
import { OutboxMessage, OutboxMessageBase, OutboxStore } from '@hub/outbox';
import { Decimal } from '@hub/money';
import { publishOrderStatusChanged } from '../order/order-events';
import { OrderEntity } from '../order/order.entity';
import { OrderLineEntity } from '../order/order-line.entity';
import { statusesBefore } from '../order/order.state-machine';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { recordTimeline } from '../order/order-timeline';

/** Orders placed on the web, waiting to be (or already) delivered to the ERP. */
@Entity({ tableName: 'outbox_message' })
export class OrdersOutboxMessageEntity extends OutboxMessageBase {}

export const ORDER_PLACED_TOPIC = 'order.placed';

/** What the ERP receives for an accepted order: the hub's order id (also the idempotency key), its lines as priced, delivery and references. */
export function erpSubmissionOf(
  order: Pick<OrderEntity, 'id' | 'customerNumber' | 'placedAt' | 'currency' | 'customerReference' | 'deliveryAddressCode' | 'notes' | 'pickupStoreCode'> & { delivery?: OrderEntity['delivery']; paymentMethod?: string | null } & Partial<Pick<OrderEntity, 'discounts' | 'blanketOrderNumber'>>,
  lines: ReadonlyArray<Pick<OrderLineEntity, 'lineNo' | 'sku' | 'quantity' | 'unitPrice'> & { configuration?: OrderLineEntity['configuration'] }>,
): ErpOrderSubmission {
  return {
    hubOrderId: order.id,
    customerNumber: order.customerNumber!,
    placedAt: order.placedAt.toISOString(),
    currency: order.currency,
    customerReference: order.customerReference,
    deliveryAddressCode: order.deliveryAddressCode,
    notes: order.notes,
    // Only for an order collected in a store, so a delivered order's submission is what it always was.
    ...(order.pickupStoreCode ? { pickupStoreCode: order.pickupStoreCode } : {}),
    // Likewise only when chosen (none: the customer's account terms).
    ...(order.paymentMethod ? { paymentMethod: order.paymentMethod } : {}),
    // Delivery the hub charged (O12), only when it charged some: the ERP invoices it with the goods.
    ...(order.delivery && new Decimal(order.delivery.total).gt(0)
      ? { delivery: { method: order.delivery.method, parcels: order.delivery.parcels, pallets: order.delivery.pallets, charge: new Decimal(order.delivery.total).toFixed(2) } }
      : {}),
    lines: lines.map((l) => ({
      lineNo: l.lineNo, sku: l.sku, quantity: new Decimal(l.quantity).toFixed(), unitPrice: new Decimal(l.unitPrice).toFixed(),
      // A configured product goes with the options it is built to (P7); other lines are what they always were.
      ...(l.configuration ? { configuration: { options: l.configuration.options, summary: l.configuration.summary } } : {}),
    })),
    // Only when there are: discount lines (codes, loyalty rewards) and the blanket order drawn down.
    ...(order.discounts && order.discounts.length > 0 ? { discounts: order.discounts.map((d) => ({ reference: d.reference, description: d.description, amount: d.amount })) } : {}),
    ...(order.blanketOrderNumber ? { blanketOrderNumber: order.blanketOrderNumber } : {}),
  };
}

/** The web statuses an ERP receipt confirms (the ERP's own statuses stand). */
const CONFIRMED_BY_RECEIPT = [OrderStatus.PENDING, OrderStatus.ERP_REFUSED];

/**
 * When the ERP has accepted an order, the order takes the ERP's number and is CONFIRMED (a refused
 * order staff resent too) — unless the ERP already reported a later status through the sync, which
 * then stands — with the ERP's delivery date when it gave one. The timeline records the receipt.
 */
export async function acknowledgeOrder(client: PoolClient, message: OutboxMessage, result: Record<string, unknown>): Promise<void> {
  const orderNumber = String(result.orderNumber);
  const deliveryDate = typeof result.deliveryDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(result.deliveryDate) ? result.deliveryDate : null;
  const id = String(message.payload.hubOrderId);
  const { rows } = await client.query<{ previous: string; status: string }>(
    `with before as (select id, status from orders.customer_order where id = $1 for update)
     update orders.customer_order o
        set erp_number = $2, number = $2, delivery_date = coalesce(o.delivery_date, $4::date),
            status = case when o.status = any($3::text[]) then 'CONFIRMED' else o.status end,
            status_reason = case when o.status = any($3::text[]) then null else o.status_reason end, updated_at = now()
       from before
      where o.id = before.id and (o.erp_number is null or o.erp_number = $2)
      returning before.status as previous, o.status`,
    [id, orderNumber, CONFIRMED_BY_RECEIPT, deliveryDate],
  );
  if (rows.length === 0) return;
  if (rows[0].previous !== rows[0].status) {
    await recordTimeline(client, [{ orderId: id, status: rows[0].status, previous: rows[0].previous, source: OrderEventSource.ERP_RECEIPT, reason: `ERP order ${orderNumber}` }]);
  }
  await publishOrderStatusChanged(client, id);
}

/**
 * The ERP refused the order (VALIDATION, CONFLICT): it becomes ERP_REFUSED with the ERP's own
 * reason, visible to the customer. When delivery stopped for another reason (the ERP's credentials,
 * attempts used up) the order stays PENDING, with the reason that it waits for the distributor's
 * staff. Runs in the transaction that dead-letters the message; staff resend it from there.
 */
export async function orderDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const id = String(message.payload.hubOrderId);
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused
    ? `The ERP refused the order: ${error.erpReason ?? error.message}`
    : 'Delivery to the ERP has stopped; the distributor\'s staff have been told and will send it again.';
  const to = refused ? OrderStatus.ERP_REFUSED : OrderStatus.PENDING;
  const { rows } = await client.query<{ previous: string }>(
    `with before as (select id, status from orders.customer_order where id = $1 for update)
     update orders.customer_order o set status = $2, status_reason = $3, updated_at = now()
       from before where o.id = before.id and o.status = any($4::text[])
      returning before.status as previous`,
    [id, to, reason, refused ? statusesBefore(OrderStatus.ERP_REFUSED) : [OrderStatus.PENDING]],
  );
  if (rows.length === 0) return;
  await recordTimeline(client, [{ orderId: id, status: to, previous: rows[0].previous, source: OrderEventSource.ERP_REFUSAL, reason }]);
  await publishOrderStatusChanged(client, id);
}

/** The orders subgraph's outbox, as the integrator's dispatcher sees it. */
export const ordersOutbox = new OutboxStore('orders');
