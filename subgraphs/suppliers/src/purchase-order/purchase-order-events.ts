import { EventExecutor, publishEvent, publishEvents, PgQueryable } from '@hub/events';

/** The event behind `subscription { purchaseOrderChanged(purchaseOrderId) }`; its key is the purchase order id. */
export const PURCHASE_ORDER_CHANGED_TOPIC = 'purchaseOrderChanged';

/** Announces a change of one order in the transaction that made it (delivered on commit); the gateway re-reads `purchaseOrder(id)` for each subscriber, as that subscriber. */
export function publishPurchaseOrderChanged(executor: EventExecutor, purchaseOrderId: string): Promise<void> {
  return publishEvent(executor, PURCHASE_ORDER_CHANGED_TOPIC, { key: purchaseOrderId });
}

/** The same for every order a synced page changed, in one statement. */
export function publishPurchaseOrdersChanged(client: PgQueryable, purchaseOrderIds: readonly string[]): Promise<void> {
  return publishEvents(client, PURCHASE_ORDER_CHANGED_TOPIC, purchaseOrderIds);
}
