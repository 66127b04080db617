import { conflict } from '@hub/errors';
import { OrderStatus } from './order-status';

const S = OrderStatus;

/** The statuses the ERP reports; once an order is in the ERP, the ERP is the master of its status. */
export const ERP_STATUSES: readonly OrderStatus[] = [S.CONFIRMED, S.PICKED, S.SHIPPED, S.DELIVERED, S.READY_FOR_PICKUP, S.COLLECTED, S.INVOICED, S.CANCELLED];

/**
 * Every move an order may make, in one place. The hub moves web orders through approval and the
 * hold rules to PENDING (into the outbox); the ERP's receipt confirms it, or its refusal makes it
 * ERP_REFUSED until staff resend it; from then on the ERP reports any of its statuses (it may also
 * correct one backwards), and the hub never moves an order the ERP has.
 */
const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // Authorised: judged by the hold rules like any order; the card failed: never sent.
  [S.AWAITING_PAYMENT]: [S.ON_HOLD, S.PENDING, S.REJECTED],
  [S.AWAITING_APPROVAL]: [S.ON_HOLD, S.PENDING, S.REJECTED],
  [S.ON_HOLD]: [S.PENDING, S.REJECTED],
  [S.REJECTED]: [],
  [S.PENDING]: [S.ERP_REFUSED, ...ERP_STATUSES],
  [S.ERP_REFUSED]: ERP_STATUSES,
  [S.CONFIRMED]: ERP_STATUSES,
  [S.PICKED]: ERP_STATUSES,
  [S.SHIPPED]: ERP_STATUSES,
  [S.DELIVERED]: ERP_STATUSES,
  [S.READY_FOR_PICKUP]: ERP_STATUSES,
  [S.COLLECTED]: ERP_STATUSES,
  [S.INVOICED]: ERP_STATUSES,
  [S.CANCELLED]: ERP_STATUSES,
};

/** What a new order is: waiting for a coworker's approval, held by the rules, or on its way to the ERP. */
export const INITIAL_STATUSES: readonly OrderStatus[] = [S.AWAITING_PAYMENT, S.AWAITING_APPROVAL, S.ON_HOLD, S.PENDING];

/** A new order starts in one of INITIAL_STATUSES (anything else is a bug, not the client's mistake). */
export function assertInitial(status: OrderStatus): void {
  if (!INITIAL_STATUSES.includes(status)) throw new Error(`An order cannot start ${status}.`);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** CONFLICT when the order may not move from `from` to `to` (e.g. approving an order someone already decided). */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw conflict(`An order that is ${from} cannot become ${to}.`);
}

/**
 * CONFLICT unless the order is in the status a decision is about (approving or rejecting needs
 * AWAITING_APPROVAL, releasing or rejecting a held order ON_HOLD), e.g. when someone decided first.
 */
export function assertStatus(status: OrderStatus, expected: OrderStatus): void {
  if (status !== expected) throw conflict(`The order is ${status}, not ${expected}: someone decided on it already, or it never needed this decision.`);
}

/** The statuses an order may be in to move to `to` (for updates that check the status in SQL). */
export function statusesBefore(to: OrderStatus): OrderStatus[] {
  return (Object.keys(TRANSITIONS) as OrderStatus[]).filter((from) => canTransition(from, to));
}

/** Orders still to be delivered: everything on the way or in the ERP before DELIVERED. */
export const NOT_DELIVERED_STATUSES: readonly OrderStatus[] = [S.AWAITING_APPROVAL, S.ON_HOLD, S.PENDING, S.ERP_REFUSED, S.CONFIRMED, S.PICKED, S.SHIPPED, S.READY_FOR_PICKUP];

/** Orders still to be invoiced: not delivered yet, or delivered and not invoiced. */
export const NOT_INVOICED_STATUSES: readonly OrderStatus[] = [...NOT_DELIVERED_STATUSES, S.DELIVERED, S.COLLECTED];

/** Orders the ERP has or will have and has not invoiced: what they are worth counts against the credit limit. */
export const CREDIT_EXPOSURE_STATUSES: readonly OrderStatus[] = [S.PENDING, S.CONFIRMED, S.PICKED, S.SHIPPED, S.DELIVERED, S.READY_FOR_PICKUP, S.COLLECTED];
