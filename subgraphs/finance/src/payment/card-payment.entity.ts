import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PaymentPurpose, PaymentStatus } from './payment-status';

/**
 * A card payment the hub takes through the payment provider (hub-owned): an order's card authorised
 * at order and captured at delivery, or an open invoice paid online. Kept in step with the provider's
 * PaymentIntent by its answers and its webhooks. The ERP's own booked payments are PaymentEntity.
 */
@Entity({ tableName: 'card_payment' })
@Index({ properties: ['companyId', 'createdAt'] })
@Index({ properties: ['orderId'] })
@Index({ properties: ['invoiceNumber'] })
@Index({ name: 'card_payment_capture_due', expression: 'create index "card_payment_capture_due" on "finance"."card_payment" ("capture_requested_at") where "status" = \'AUTHORIZED\' and "capture_requested_at" is not null' })
export class CardPaymentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Enum({ items: () => PaymentPurpose, type: 'text' })
  purpose: PaymentPurpose;

  /** The paying company; null: a guest of the public shop. */
  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'text', nullable: true })
  invoiceNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  customerNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  payerEmail: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** MANUAL: authorised now, captured later; AUTOMATIC: captured at once. */
  @Property({ type: 'text' })
  captureMethod: 'MANUAL' | 'AUTOMATIC';

  @Enum({ items: () => PaymentStatus, type: 'text' })
  status: PaymentStatus;

  /** The provider's PaymentIntent (null until it answered). */
  @Property({ type: 'text', nullable: true, unique: true })
  providerIntentId: string | null = null;

  @Property({ type: 'text', nullable: true })
  cardLast4: string | null = null;

  @Property({ type: 'text', nullable: true })
  cardBrand: string | null = null;

  /** Where the payer completes 3-D Secure (REQUIRES_ACTION). */
  @Property({ type: 'text', nullable: true })
  redirectUrl: string | null = null;

  /** Why it was declined, or why the provider could not be reached. */
  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  capturedAmount: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  refundedAmount: string;

  /** Set when the order's delivery arrived with the delivery notes sync: the capture worker takes it (once). */
  @Property({ type: 'timestamptz', nullable: true })
  captureRequestedAt: Date | null = null;

  @Property({ type: 'integer' })
  captureAttempts: number & Opt = 0;

  /** The ERP's payment number, once the ERP booked an invoice payment. */
  @Property({ type: 'text', nullable: true })
  erpPaymentNumber: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;

  /** One payment per key: an order's (order:<id>) or the payer's own (invoice:<company>:<key>). */
  @Unique()
  @Property({ type: 'text' })
  idempotencyKey: string;

  /** What the request said (amount, invoice or order), so the same key with other content is a CONFLICT. */
  @Property({ type: 'text' })
  requestFingerprint: string;

  @Property({ type: 'timestamptz', nullable: true })
  authorizedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  capturedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** A provider webhook event the hub has taken (by its id): the same event again changes nothing. */
@Entity({ tableName: 'payment_webhook_event' })
export class PaymentWebhookEventEntity {
  @PrimaryKey({ type: 'text' })
  eventId: string;

  @Property({ type: 'text' })
  type: string;

  @Index()
  @Property({ type: 'text' })
  intentId: string;

  /** When the provider says the event happened. */
  @Property({ type: 'timestamptz' })
  occurredAt: Date;

  @Property({ type: 'timestamptz' })
  receivedAt: Date & Opt = new Date();

  /** Whether it moved the payment (false: late, out of order, or of an intent the hub does not know). */
  @Property({ type: 'boolean' })
  applied: boolean;
}
