/**
 * How a provider call failed: CARD (declined, 3-D Secure failed: the payer's to fix), INVALID (the
 * request is wrong, e.g. a second capture: the provider will say the same again), AUTH (a wrong key),
 * UNAVAILABLE (down, 5xx, timed out: the outcome is unknown; the idempotency key makes a retry safe).
 */
export type PaymentErrorKind = 'CARD' | 'INVALID' | 'AUTH' | 'UNAVAILABLE';

export class PaymentProviderError extends Error {
  constructor(
    readonly kind: PaymentErrorKind,
    readonly code: string,
    message: string,
    readonly status: number,
    /** With CARD: the intent as the provider left it (declined intents are kept, like Stripe's). */
    readonly paymentIntent: import('./payment-records').PaymentIntent | null = null,
  ) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}
