import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { DropShipOrderStatus } from './drop-ship-status';

/** A product group whose products one supplier ships straight to the customer (staff-managed; the ERP routes by it). */
@Entity({ tableName: 'drop_ship_assignment' })
export class DropShipAssignmentEntity {
  @PrimaryKey({ type: 'text' })
  productGroup: string;

  /** Null: unassigned again (the row keeps the version, so the next change gets a new key). */
  @Property({ type: 'uuid', nullable: true })
  supplierId: string | null;

  /** Raised on each change: the ERP message's key is the group and this version. */
  @Property({ type: 'integer' })
  version: number;

  @Property({ type: 'uuid' })
  assignedByUserId: string;

  @Property({ type: 'timestamptz' })
  assignedAt: Date & Opt = new Date();

  /** Set when the ERP refused the assignment or delivery stopped. */
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  /** When the ERP took it. */
  @Property({ type: 'timestamptz', nullable: true })
  inErpSince: Date | null = null;
}

/** The customer's delivery address, the one thing of the customer a drop-ship order carries. */
export interface DropShipAddress {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface DropShipLine {
  lineNo: number;
  sku: string;
  quantity: string;
}

/** Lines of a customer's order the ERP routed to a supplier, synced from the ERP (dropShipOrders). */
@Entity({ tableName: 'drop_ship_order' })
@Index({ properties: ['supplierId', 'createdAt'] })
export class DropShipOrderEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  erpNumber: string;

  @Property({ type: 'uuid' })
  supplierId: string;

  @Enum({ items: () => DropShipOrderStatus, type: 'text' })
  status: DropShipOrderStatus;

  @Property({ type: 'jsonb' })
  deliveryAddress: DropShipAddress;

  @Property({ type: 'jsonb' })
  lines: DropShipLine[];

  @Property({ type: 'text', nullable: true })
  carrier: string | null = null;

  @Property({ type: 'text', nullable: true })
  parcelNumber: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  shippedAt: Date | null = null;

  /** The delivery note the ERP issued for the customer when the parcel was reported. */
  @Property({ type: 'text', nullable: true })
  deliveryNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
