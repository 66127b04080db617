import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A transport rule staff keep (O12, hub-owned): for a delivery method to a country (null: any
 * country without its own rules), the band of shipments up to a weight and a volume (null: no
 * limit), what it costs (a base plus per parcel and per pallet of the packing estimate), and the
 * order value from which delivery is free.
 */
@Entity({ tableName: 'delivery_rate' })
@Unique({ properties: ['bandKey'] })
@Index({ properties: ['country'] })
export class DeliveryRateEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  method: string;

  @Property({ type: 'character', length: 2, nullable: true })
  country: string | null;

  @Property({ type: 'decimal', precision: 12, scale: 3, nullable: true })
  maxWeightKg: string | null;

  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  maxVolumeM3: string | null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  baseCost: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  costPerParcel: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  costPerPallet: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** Orders worth at least this (net, in currency) are delivered free by this method; null: never. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  freeFrom: string | null;

  /** method|country|maxWeight|maxVolume: one rule per band. */
  @Property({ type: 'text' })
  bandKey: string;

  @Property({ type: 'uuid' })
  updatedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
