import { EntityManager } from '@mikro-orm/postgresql';
import { ErpOrderSubmission } from '@hub/erp-contract';
import { encodeEvent, HUB_EVENTS_CHANNEL } from '@hub/events';
import { OrderingFactsRepository } from '../account/ordering-facts.repository';
import { erpSubmissionOf, ORDER_PLACED_TOPIC } from '../outbox/orders-outbox';
import { ORDER_STATUS_CHANGED_TOPIC } from './order-events';
import { HoldReason, OrderEntity } from './order.entity';
import { OrderEventSource, OrderStatus } from './order-status';
import { OrderWorkflow } from './order-workflow';

/** The ERP submission of a prepaid order: the order as always, with the card authorised for it (and a guest's details). */
export function prepaidSubmission(order: OrderEntity, lines: ReadonlyArray<{ lineNo?: number; sku: string; quantity: string; unitPrice: string }>, paymentId: string): ErpOrderSubmission {
  return {
    ...erpSubmissionOf(order, lines.map((l, i) => ({ lineNo: l.lineNo ?? i + 1, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }))),
    ...(order.guestContact ? { guest: order.guestContact } : {}),
    prepaid: { method: 'CARD', amount: order.total, providerReference: paymentId },
  };
}

export async function holdReasonsFor(em: EntityManager, order: OrderEntity): Promise<HoldReason[]> {
  const facts = await new OrderingFactsRepository(em).factsOf(order.companyId);
  return new OrderWorkflow(em).holdReasons(order, facts);
}

/**
 * An order AWAITING_PAYMENT whose card is now authorised: judged by the hold rules and, unless held,
 * on its way to the ERP, its outbox message written with the move, under the order's row lock (a
 * second confirmation finds it moved and does nothing).
 */
export async function releasePaidOrder(em: EntityManager, orderId: string, paymentId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const [row] = await tx.execute<Array<{ status: string }>>(`select status from orders.customer_order where id = ? for update`, [orderId]);
    if (row?.status !== OrderStatus.AWAITING_PAYMENT) return;
    const order = (await tx.findOne(OrderEntity, { id: orderId }, { populate: ['lines'], refresh: true }))!;
    const reasons = await holdReasonsFor(tx, order);
    const to = reasons.length > 0 ? OrderStatus.ON_HOLD : OrderStatus.PENDING;
    await tx.execute(`update orders.customer_order set status = ?, hold_reasons = ?::jsonb, status_reason = null, updated_at = now() where id = ?`, [to, reasons.length ? JSON.stringify(reasons) : null, orderId]);
    await tx.execute(
      `insert into orders.order_status_event (id, order_id, at, status, previous_status, source, reason, details) values (gen_random_uuid(), ?, clock_timestamp(), ?, ?, ?, ?, ?::jsonb)`,
      [orderId, to, OrderStatus.AWAITING_PAYMENT, to === OrderStatus.ON_HOLD ? OrderEventSource.HOLD_RULES : OrderEventSource.WEB, 'The card was authorised.', reasons.length ? JSON.stringify({ holdReasons: reasons }) : null],
    );
    if (to === OrderStatus.PENDING) {
      const lines = order.lines.getItems().map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice }));
      await tx.execute(
        `insert into orders.outbox_message (id, topic, key, payload, status, attempts, next_attempt_at, created_at) values (gen_random_uuid(), ?, ?, ?::jsonb, 'PENDING', 0, now(), now())`,
        [ORDER_PLACED_TOPIC, orderId, JSON.stringify(prepaidSubmission(order, lines, paymentId))],
      );
    }
    await tx.execute(`select pg_notify(?, ?)`, [HUB_EVENTS_CHANNEL, encodeEvent({ topic: ORDER_STATUS_CHANGED_TOPIC, key: orderId })]);
  });
}

/** An order AWAITING_PAYMENT whose card failed: REJECTED with the reason, never sent. Returns whether it moved. */
export async function rejectUnpaidOrder(em: EntityManager, orderId: string, failure: string | null, after?: (tx: EntityManager) => Promise<void>): Promise<boolean> {
  return em.transactional(async (tx) => {
    const moved = await tx.execute(`update orders.customer_order set status = ?, status_reason = ?, updated_at = now() where id = ? and status = ? returning id`, [
      OrderStatus.REJECTED, `The card was not authorised: ${failure ?? 'declined'}.`, orderId, OrderStatus.AWAITING_PAYMENT,
    ]);
    if (!moved.length) return false;
    await tx.execute(
      `insert into orders.order_status_event (id, order_id, at, status, previous_status, source, reason) values (gen_random_uuid(), ?, clock_timestamp(), ?, ?, ?, ?)`,
      [orderId, OrderStatus.REJECTED, OrderStatus.AWAITING_PAYMENT, OrderEventSource.WEB, 'The card was not authorised.'],
    );
    await after?.(tx);
    await tx.execute(`select pg_notify(?, ?)`, [HUB_EVENTS_CHANNEL, encodeEvent({ topic: ORDER_STATUS_CHANGED_TOPIC, key: orderId })]);
    return true;
  });
}
