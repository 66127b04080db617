import { Entity, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A unit a customer bought and registered for warranty and service: one serial number from one of its delivery notes. */
@Entity({ tableName: 'registered_product' })
@Unique({ properties: ['sku', 'serialNumber'] })
@Index({ properties: ['companyId', 'createdAt'] })
export class RegisteredProductEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  serialNumber: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'uuid' })
  deliveryNoteId: string;

  @Property({ type: 'text' })
  deliveryNoteNumber: string;

  /** The ERP customer number service orders go to the ERP under (from the delivery note). */
  @Property({ type: 'text' })
  customerNumber: string;

  /** The day of purchase: the delivery note's delivery day (its shipping day where it has none). */
  @Property({ type: 'date' })
  purchasedOn: string;

  /** The product's warranty period in the ERP when the unit was registered; null: none. */
  @Property({ type: 'integer', nullable: true })
  warrantyMonths: number | null = null;

  @Property({ type: 'uuid' })
  registeredByUserId: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
