import { Collection, Entity, Enum, Index, OneToMany, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatus } from './order-status';

/** Why the hold rules held an order (kept on the order, shown to the customer and to staff). */
export interface HoldReason {
  kind: string;
  message: string;
  ruleId: string | null;
}

/** A line whose price changed between a quote and the order placed from it after the quote expired. */
export interface QuotePriceChange {
  lineNo: number;
  sku: string;
  quotedUnitPrice: string;
  unitPrice: string;
}

/** A discount line of an order (a discount code, a loyalty reward), as it goes to the ERP: an amount off the value before tax. */
export interface OrderDiscount {
  kind: 'CODE' | 'LOYALTY';
  reference: string;
  description: string;
  amount: string;
}

/** Who a public shop guest is and where the order goes. */
export interface GuestContact {
  name: string;
  email: string;
  phone: string | null;
  /** Null when collected in a store. */
  address: { street: string; postalCode: string; city: string; country: string } | null;
}

/** A customer order. Placed on the web (hub-owned) and then progressed by the ERP (ERP-owned status). */
/** An order's delivery as priced when placed (amounts in the order's currency, net). */
export interface OrderDelivery {
  method: string | null;
  country: string | null;
  parcels: number;
  pallets: number;
  cost: string | null;
  surcharges: Array<{ kind: string; sku: string | null; amount: string; text: string }>;
  total: string;
}

@Entity({ tableName: 'customer_order' })
@Index({ properties: ['companyId', 'placedAt'] })
@Index({ properties: ['status', 'placedAt'] })
// The staff dashboard's orders of a day.
@Index({ properties: ['placedAt'] })
@Unique({ properties: ['companyId', 'idempotencyKey'] })
export class OrderEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The web reference ("W-…") until the ERP confirms the order; the ERP's number from then on. */
  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'text', nullable: true, unique: true })
  erpNumber: string | null = null;

  /** The key the client sent with placeOrder; a retry with the same key returns the same order. */
  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  /** What the placeOrder request said (source, lines, delivery, references), hashed: the same key with other content is a CONFLICT. */
  @Property({ type: 'text', nullable: true })
  requestFingerprint: string | null = null;

  /** Key of the owning company (customers subgraph). */
  @Property({ type: 'uuid' })
  companyId: string;

  /** The company's ERP customer number (what the order goes to the ERP under). */
  @Property({ type: 'text', nullable: true })
  customerNumber: string | null = null;

  /** Null for orders entered in the ERP (by phone, EDI, a sales rep). */
  @Property({ type: 'uuid', nullable: true })
  placedByUserId: string | null = null;

  /** The staff user who placed the order while signed in as `placedByUserId` ("sign in as"); null otherwise. */
  @Property({ type: 'uuid', nullable: true })
  placedByActorId: string | null = null;

  @Enum({ items: () => OrderStatus, type: 'text' })
  status: OrderStatus;

  /** Why it is REJECTED or ERP_REFUSED (the ERP's own reason), or why its delivery to the ERP stopped. */
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  /** The hold rules that held it (while ON_HOLD and after staff decided). */
  @Property({ type: 'jsonb', nullable: true })
  holdReasons: HoldReason[] | null = null;

  @Property({ type: 'timestamptz' })
  placedAt: Date;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** Before tax. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string;

  /** Tax at the company's ERP tax rate when the ERP gives one; null otherwise (and for ERP-entered orders). */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  taxTotal: string | null = null;

  /** One of the company's ERP delivery addresses (its code); null: the company's default. */
  @Property({ type: 'text', nullable: true })
  deliveryAddressCode: string | null = null;

  /** The company's branch (customers subgraph) the order is for. */
  @Property({ type: 'uuid', nullable: true })
  branchId: string | null = null;

  /** The customer's own reference (PO number). */
  @Property({ type: 'text', nullable: true })
  customerReference: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /** The quote it was placed from. */
  @Property({ type: 'uuid', nullable: true })
  quoteId: string | null = null;

  /** Lines priced differently from the quote (placed after the quote expired). */
  @Property({ type: 'jsonb', nullable: true })
  quotePriceChanges: QuotePriceChange[] | null = null;

  /** The delivery date the ERP promises (YYYY-MM-DD). */
  @Property({ type: 'date', nullable: true })
  deliveryDate: string | null = null;

  /** Delivery as priced at placing (O12): method, packing, cost and surcharges, included in `total`; null: collected, or placed before delivery costs. */
  @Property({ type: 'jsonb', nullable: true })
  delivery: OrderDelivery | null = null;

  /** Collected in this store (an ERP warehouse flagged as a store) instead of delivered. */
  @Property({ type: 'text', nullable: true })
  pickupStoreCode: string | null = null;

  /** The code the customer shows at the store, from the ERP once the order is READY_FOR_PICKUP. */
  @Property({ type: 'text', nullable: true })
  pickupCode: string | null = null;

  /** When store staff handed the order over (hub-owned; the ERP hears of it through the outbox and reports COLLECTED). */
  @Property({ type: 'timestamptz', nullable: true })
  handedOverAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  handedOverByUserId: string | null = null;

  /** Discounts taken off the lines' value (total is after them); null: none. */
  @Property({ type: 'jsonb', nullable: true })
  discounts: OrderDiscount[] | null = null;

  /** The blanket order (orders subgraph's copy of the ERP's) it draws down, and its ERP number. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  blanketOrderId: string | null = null;

  @Property({ type: 'text', nullable: true })
  blanketOrderNumber: string | null = null;

  /** A public shop guest's name, e-mail, phone and delivery address (null for a company's orders). */
  @Property({ type: 'jsonb', nullable: true })
  guestContact: GuestContact | null = null;

  /** How it is paid (finance's PaymentMethod); null: on the company's account terms. */
  @Property({ type: 'text', nullable: true })
  paymentMethod: string | null = null;

  @OneToMany(() => OrderLineEntity, (line) => line.order, { orderBy: { lineNo: 'asc' } })
  lines = new Collection<OrderLineEntity>(this);

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
