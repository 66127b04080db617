import { registerEnumType } from 'type-graphql';

/** Where a purchase order stands; the moves between them are in purchase-order.state-machine.ts. */
export enum PurchaseOrderStatus {
  /** Sent to the supplier (and to the ERP); the supplier has not settled every line. */
  SENT = 'SENT',
  /** The supplier proposed a change to at least one line; the buyer decides. */
  CHANGE_PROPOSED = 'CHANGE_PROPOSED',
  /** Every line agreed; what was agreed goes to the ERP. */
  CONFIRMED = 'CONFIRMED',
  /** From the ERP: some goods received. */
  PARTLY_RECEIVED = 'PARTLY_RECEIVED',
  /** From the ERP: all goods received. */
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PurchaseOrderStatus, { name: 'PurchaseOrderStatus', description: 'Where a purchase order stands: sent, change proposed, confirmed, (partly) received, cancelled.' });

/** Where one line of a purchase order stands between supplier and buyer. */
export enum PurchaseOrderLineStatus {
  OPEN = 'OPEN',
  CHANGE_PROPOSED = 'CHANGE_PROPOSED',
  CONFIRMED = 'CONFIRMED',
}

registerEnumType(PurchaseOrderLineStatus, { name: 'PurchaseOrderLineStatus', description: 'OPEN (waiting for the supplier), CHANGE_PROPOSED (the buyer decides) or CONFIRMED (agreed).' });
