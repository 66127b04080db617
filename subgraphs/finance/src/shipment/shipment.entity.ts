import { BigIntType, Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ShipmentStatus } from './shipment-status';

/** The parcel the hub's carrier takes for one delivery note: made when the note arrives, moved by the carrier poll. */
@Entity({ tableName: 'shipment' })
export class ShipmentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid', unique: true })
  deliveryNoteId: string;

  @Property({ type: 'text' })
  deliveryNoteNumber: string;

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Index()
  @Property({ type: 'text' })
  status: ShipmentStatus;

  /** The carrier's name as it calls itself; null until registered. */
  @Property({ type: 'text', nullable: true })
  carrier: string | null = null;

  @Property({ type: 'text', nullable: true, unique: true })
  parcelNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  trackingUrl: string | null = null;

  /** The ship-to address from the delivery note, as the carrier got it. */
  @Property({ type: 'jsonb' })
  consignee: { name: string; street: string; postalCode: string; city: string; country: string };

  @Property({ type: 'integer' })
  weightGrams: number;

  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  @Property({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  codAmount: string | null = null;

  @Property({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  codCollectedAmount: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  codCollectedAt: Date | null = null;

  @Property({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  packagingFee: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  signedBy: string | null = null;

  /** Why it is an EXCEPTION (the carrier's words), else null. */
  @Property({ type: 'text', nullable: true })
  problem: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** One step of a parcel as its carrier reported it. */
@Entity({ tableName: 'shipment_tracking_event' })
@Index({ properties: ['shipmentId', 'occurredAt'] })
export class ShipmentTrackingEventEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  shipmentId: string;

  /** The carrier's sequence number: an event read twice is stored once. */
  @Property({ type: new BigIntType('number'), unique: true })
  carrierSequence: number;

  @Property({ type: 'text' })
  status: string;

  @Property({ type: 'timestamptz' })
  occurredAt: Date;

  @Property({ type: 'text' })
  location: string;

  @Property({ type: 'text' })
  description: string;
}
