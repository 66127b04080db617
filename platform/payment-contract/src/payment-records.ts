/**
 * The payment provider protocol, shaped on Stripe's PaymentIntents API (the hub's demo provider
 * speaks it; a real provider's adapter maps onto it):
 *   POST /v1/payment_intents                  create and confirm (Idempotency-Key header: one intent per key)
 *   GET  /v1/payment_intents/:id
 *   POST /v1/payment_intents/:id/capture      { amount_to_capture? } once, only while requires_capture
 *   POST /v1/payment_intents/:id/cancel       only before it is captured
 *   POST /v1/refunds                          { payment_intent, amount? } (partial refunds add up to at most what was captured)
 * Amounts are whole minor units (cents), as Stripe has them. Webhooks: see webhook-signature.ts.
 */

export type PaymentIntentStatus = 'requires_payment_method' | 'requires_action' | 'requires_capture' | 'processing' | 'succeeded' | 'canceled';

export type CaptureMethod = 'manual' | 'automatic';

export interface CardDetails {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export interface CreatePaymentIntentRequest {
  /** Whole minor units (e.g. cents). */
  amount: number;
  /** ISO 4217, lower case as Stripe writes it. */
  currency: string;
  /** manual: authorised now, captured later (capture); automatic: captured at once. */
  capture_method: CaptureMethod;
  payment_method: { card: CardDetails };
  /** Where the customer's browser goes back after the 3-D Secure step. */
  return_url?: string;
  description?: string;
  metadata?: Record<string, string>;
}

export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  /** What can still be captured (requires_capture). */
  amount_capturable: number;
  amount_received: number;
  amount_refunded: number;
  currency: string;
  capture_method: CaptureMethod;
  status: PaymentIntentStatus;
  /** The card's last four digits and brand. */
  card: { last4: string; brand: string };
  /** The 3-D Secure step the customer has to complete. */
  next_action: { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string | null } } | null;
  last_payment_error: { code: string; decline_code?: string; message: string } | null;
  metadata: Record<string, string>;
  description: string | null;
  /** Unix seconds. */
  created: number;
}

export interface Refund {
  id: string;
  object: 'refund';
  payment_intent: string;
  amount: number;
  currency: string;
  status: 'succeeded' | 'failed';
  created: number;
}

export type PaymentEventType =
  | 'payment_intent.amount_capturable_updated'
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'payment_intent.canceled'
  | 'charge.refunded';

/** A webhook event: `data.object` is the intent as it was when the event happened. */
export interface PaymentEvent {
  id: string;
  object: 'event';
  type: PaymentEventType;
  /** Unix seconds. */
  created: number;
  data: { object: PaymentIntent };
}

/** Cards the demo provider (and Stripe's test mode) knows. */
export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  requires3ds: '4000002760003184',
  /** The provider never answers in time. */
  timesOut: '4000000000000119',
} as const;
