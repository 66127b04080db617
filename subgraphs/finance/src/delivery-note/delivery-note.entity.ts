import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A delivery note (shipment) from the ERP. */
@Entity({ tableName: 'delivery_note' })
export class DeliveryNoteEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  number: string;

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Property({ type: 'text' })
  orderNumber: string;

  /** The ERP's customer number (what a return names the customer by); null on notes synced before it was kept. */
  @Property({ type: 'text', nullable: true })
  customerNumber: string | null = null;

  @Property({ type: 'timestamptz' })
  shippedAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Property({ type: 'text' })
  carrier: string;

  @Property({ type: 'text' })
  trackingNumber: string;

  /** Where the hub's parcel carrier takes it (the order's delivery address); null on notes the ERP shipped itself. */
  @Property({ type: 'jsonb', nullable: true })
  shipTo: { code: string; name: string; street: string; postalCode: string; city: string; country: string } | null = null;

  @Property({ type: 'integer', nullable: true })
  weightGrams: number | null = null;

  /** Set when a supplier shipped these goods straight to the customer (drop-shipping): the supplier's number; the parcel is the supplier's carrier's. */
  @Property({ type: 'text', nullable: true })
  dropShippedBy: string | null = null;

  /** Cash the carrier collects on delivery, in `currency`; null: none. */
  @Property({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  codAmount: string | null = null;

  @Property({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  packagingFee: string | null = null;

  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  /** [{ lineNo, sku, quantity, serialNumbers? }] as delivered. */
  @Property({ type: 'jsonb' })
  lines: Array<{ lineNo: number; sku: string; quantity: string; serialNumbers?: string[] | null }>;
}
