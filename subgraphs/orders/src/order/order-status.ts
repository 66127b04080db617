import { registerEnumType } from 'type-graphql';

/**
 * An order's life: on the web (hub-owned) until the ERP accepts it, then as the ERP reports it.
 * The allowed moves are in order.state-machine.ts.
 */
export enum OrderStatus {
  /** A public shop order whose card waits for the payer's 3-D Secure step; it goes nowhere before the card is authorised. */
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  /** Submitted by a user without orders.place (or above the company's approval limit): waits for a coworker with orders.approve. */
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  /** Held by the distributor's hold rules for staff review before it goes to the ERP (see holdReasons). */
  ON_HOLD = 'ON_HOLD',
  /** Rejected by the approving coworker or by staff reviewing it (see statusReason); never sent to the ERP. */
  REJECTED = 'REJECTED',
  /** Accepted on the web and on its way to the ERP (in the outbox). */
  PENDING = 'PENDING',
  /** The ERP refused it (see statusReason, the ERP's own reason); staff fix and resend it. */
  ERP_REFUSED = 'ERP_REFUSED',
  CONFIRMED = 'CONFIRMED',
  PICKED = 'PICKED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  /** Collected in a store: waiting there for the customer, who shows the pick-up code (Order.pickup). */
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  /** Collected in a store: handed over to the customer. */
  COLLECTED = 'COLLECTED',
  INVOICED = 'INVOICED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description:
    'AWAITING_PAYMENT (a public shop order waiting for its card to be authorised), AWAITING_APPROVAL (a coworker approves it), ON_HOLD (staff review it), REJECTED, PENDING (on its way to the ERP), ERP_REFUSED (the ERP refused it); ' +
    'then as the ERP reports it: CONFIRMED, PICKED, SHIPPED, DELIVERED (or, collected in a store, READY_FOR_PICKUP and COLLECTED), INVOICED, CANCELLED.',
});

/** What a status change came from (the order's timeline). */
export enum OrderEventSource {
  /** Placed or submitted on the web. */
  WEB = 'WEB',
  /** A coworker approved or rejected it. */
  APPROVAL = 'APPROVAL',
  /** The hold rules held it. */
  HOLD_RULES = 'HOLD_RULES',
  /** Staff released or rejected a held order. */
  STAFF_REVIEW = 'STAFF_REVIEW',
  /** The ERP's receipt when the order was delivered to it. */
  ERP_RECEIPT = 'ERP_RECEIPT',
  /** The ERP refused it, or delivery to the ERP stopped. */
  ERP_REFUSAL = 'ERP_REFUSAL',
  /** A status the ERP reported through the sync. */
  ERP_SYNC = 'ERP_SYNC',
  /** The ERP's operator changed lines (quantities, prices, items). */
  ERP_CORRECTION = 'ERP_CORRECTION',
  /** Store staff handed the order over to the customer. */
  STORE_HANDOVER = 'STORE_HANDOVER',
}

registerEnumType(OrderEventSource, { name: 'OrderEventSource', description: 'What caused an entry of an order\'s timeline.' });
