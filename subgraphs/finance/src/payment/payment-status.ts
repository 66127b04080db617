/** Where a card payment stands, as the hub keeps it in step with the provider. */
export enum PaymentStatus {
  /** Written before the provider is asked (its outcome is unknown until it answers). */
  CREATED = 'CREATED',
  /** The payer has a 3-D Secure step to complete at the provider. */
  REQUIRES_ACTION = 'REQUIRES_ACTION',
  /** Authorised, to be captured later (an order's card: at delivery). */
  AUTHORIZED = 'AUTHORIZED',
  CAPTURED = 'CAPTURED',
  /** Captured and wholly refunded (a partial refund keeps it CAPTURED with the refunded amount). */
  REFUNDED = 'REFUNDED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

/** What a payment pays for. */
export enum PaymentPurpose {
  ORDER = 'ORDER',
  INVOICE = 'INVOICE',
}
