import { EventExecutor, PgQueryable, publishEvent, publishEvents } from '@hub/events';

/** The event behind `subscription { orderStatusChanged(orderId) }`; its key is the order id. */
export const ORDER_STATUS_CHANGED_TOPIC = 'orderStatusChanged';

/**
 * Announces that an order's status changed. Call it in the transaction that changed the status
 * (a `pg` client inside BEGIN/COMMIT, or the transactional MikroORM EntityManager): PostgreSQL
 * delivers the notification only on commit. The gateway then re-reads `order(id)` for each
 * subscriber, so the event carries nothing but the id.
 */
export function publishOrderStatusChanged(execute: EventExecutor, orderId: string): Promise<void> {
  return publishEvent(execute, ORDER_STATUS_CHANGED_TOPIC, { key: orderId });
}

/** The same for many orders at once, in one statement (used by the ERP order ingest). */
export function publishOrderStatusChanges(client: PgQueryable, orderIds: readonly string[]): Promise<void> {
  return publishEvents(client, ORDER_STATUS_CHANGED_TOPIC, orderIds);
}
