import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PurchaseOrderLineStatus, PurchaseOrderStatus } from './purchase-order-status';

/** A purchase order with one supplier, from an RFQ or placed directly; the ERP keeps it and is its master once it has it. */
@Entity({ tableName: 'purchase_order' })
@Index({ properties: ['supplierId', 'createdAt'] })
export class PurchaseOrderEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'uuid' })
  supplierId: string;

  /** The RFQ it came from, if any. */
  @Property({ type: 'uuid', nullable: true })
  rfqId: string | null = null;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Enum({ items: () => PurchaseOrderStatus, type: 'text' })
  status: PurchaseOrderStatus;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** The ERP's purchase order number, once the ERP has it. */
  @Property({ type: 'text', nullable: true, unique: true })
  erpNumber: string | null = null;

  /** What stopped it on the way to the ERP. */
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'uuid' })
  createdByUserId: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** One line: what was ordered, what the supplier proposes instead (while CHANGE_PROPOSED), and what the ERP received. */
@Entity({ tableName: 'purchase_order_line' })
@Unique({ properties: ['purchaseOrderId', 'lineNo'] })
export class PurchaseOrderLineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  purchaseOrderId: string;

  @Property({ type: 'integer' })
  lineNo: number;

  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  unitPrice: string;

  @Property({ type: 'date' })
  deliveryDate: string;

  @Enum({ items: () => PurchaseOrderLineStatus, type: 'text' })
  status: PurchaseOrderLineStatus;

  @Property({ type: 'decimal', precision: 14, scale: 3, nullable: true })
  proposedQuantity: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  proposedUnitPrice: string | null = null;

  @Property({ type: 'date', nullable: true })
  proposedDeliveryDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  proposalNote: string | null = null;

  /** From the ERP's goods receipts. */
  @Property({ type: 'decimal', precision: 14, scale: 3 })
  receivedQuantity: string & Opt = '0';
}

/** The timeline both sides see: sent, confirmed, proposed, accepted, rejected, and what the ERP reported. */
@Entity({ tableName: 'purchase_order_event' })
@Index({ properties: ['purchaseOrderId', 'at'] })
export class PurchaseOrderEventEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  purchaseOrderId: string;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  /** SENT, IN_ERP, LINE_CONFIRMED, CHANGE_PROPOSED, CHANGE_ACCEPTED, CHANGE_REJECTED, CONFIRMED, STATUS (from the ERP), CANCELLED, ERP_REFUSED. */
  @Property({ type: 'text' })
  kind: string;

  @Property({ type: 'integer', nullable: true })
  lineNo: number | null = null;

  @Property({ type: 'text' })
  text: string;

  /** BUYER, SUPPLIER or ERP. */
  @Property({ type: 'text' })
  by: string;

  @Property({ type: 'uuid', nullable: true })
  byUserId: string | null = null;
}
