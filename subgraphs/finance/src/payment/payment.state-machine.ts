import { Decimal } from '@hub/money';
import { fromMinorUnits, PaymentIntent } from '@hub/payment-contract';
import { PaymentStatus } from './payment-status';

const S = PaymentStatus;

/**
 * Every move a card payment may make, in one place. The provider decides (its answers and webhooks);
 * the hub only follows forwards, so a webhook that comes late, twice or out of order (an
 * "authorised" after the capture) finds no move and changes nothing.
 */
const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  [S.CREATED]: [S.REQUIRES_ACTION, S.AUTHORIZED, S.CAPTURED, S.DECLINED, S.CANCELLED],
  [S.REQUIRES_ACTION]: [S.AUTHORIZED, S.CAPTURED, S.DECLINED, S.CANCELLED],
  [S.AUTHORIZED]: [S.CAPTURED, S.CANCELLED],
  [S.CAPTURED]: [S.REFUNDED],
  [S.REFUNDED]: [],
  [S.DECLINED]: [],
  [S.CANCELLED]: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Payments whose money may still move (a new payment for the same invoice or order waits for them). */
export const LIVE_STATUSES: readonly PaymentStatus[] = [S.CREATED, S.REQUIRES_ACTION, S.AUTHORIZED];

/** The provider's status in the hub's words; null where it says nothing new (processing). */
export function statusOfIntent(intent: Pick<PaymentIntent, 'status' | 'amount_received' | 'amount_refunded'>): PaymentStatus | null {
  switch (intent.status) {
    case 'requires_action':
      return S.REQUIRES_ACTION;
    case 'requires_capture':
      return S.AUTHORIZED;
    case 'succeeded':
      return intent.amount_received > 0 && intent.amount_refunded >= intent.amount_received ? S.REFUNDED : S.CAPTURED;
    case 'canceled':
      return S.CANCELLED;
    case 'requires_payment_method':
      return S.DECLINED;
    default:
      return null;
  }
}

export interface PaymentState {
  status: PaymentStatus;
  capturedAmount: string | null;
  refundedAmount: string;
}

/**
 * The payment after the provider's view of its intent: the status moves only forwards (a refund
 * first passes through CAPTURED), the captured amount is set once, the refunded amount only grows.
 * Returns null when nothing changes.
 */
export function applyIntent(current: PaymentState, intent: Pick<PaymentIntent, 'status' | 'amount_received' | 'amount_refunded'>): PaymentState | null {
  const target = statusOfIntent(intent);
  let status = current.status;
  if (target && target !== status) {
    if (canTransition(status, target)) status = target;
    else if (target === S.REFUNDED && canTransition(status, S.CAPTURED)) status = S.REFUNDED;
  }
  const captured = intent.amount_received > 0 && (status === S.CAPTURED || status === S.REFUNDED) ? current.capturedAmount ?? fromMinorUnits(intent.amount_received) : current.capturedAmount;
  const refunded = Decimal.max(new Decimal(current.refundedAmount), new Decimal(fromMinorUnits(intent.amount_refunded))).toFixed(2);
  if (status === current.status && captured === current.capturedAmount && refunded === new Decimal(current.refundedAmount).toFixed(2)) return null;
  return { status, capturedAmount: captured, refundedAmount: refunded };
}
