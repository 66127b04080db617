import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A payment the ERP booked from a customer; positive amounts. Synced, never written by the hub. */
@Entity({ tableName: 'payment' })
@Index({ properties: ['companyId', 'paidAt'] })
export class PaymentEntity {
  @PrimaryKey({ type: 'text' })
  paymentNumber: string;

  @Property({ type: 'uuid' })
  companyId: string;

  /** The invoice it pays (ERP number); null: on account. */
  @Property({ type: 'text', nullable: true })
  invoiceNumber: string | null = null;

  @Property({ type: 'timestamptz' })
  paidAt: Date;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string;
}
