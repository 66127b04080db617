import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';

export enum LoyaltyRuleKind {
  /** `points` per unit invoiced of a product (by SKU) or of a product group (an ERP category code). */
  PER_QUANTITY = 'PER_QUANTITY',
  /** `points` per whole `perAmount` of the invoice's value before tax (in the rule's currency). */
  PER_ORDER_VALUE = 'PER_ORDER_VALUE',
}

export enum LoyaltyEntryKind {
  /** Credited when the ERP invoiced an order. */
  EARNED = 'EARNED',
  /** Taken back for a credit note on that invoice. */
  REVERSED = 'REVERSED',
  /** Spent on a reward. */
  REDEEMED = 'REDEEMED',
}

export enum LoyaltyRewardKind {
  /** A product (a reward item or a catalogue product), ordered free of charge to the ERP when redeemed. */
  PRODUCT = 'PRODUCT',
  /** An amount off the company's next order. */
  DISCOUNT = 'DISCOUNT',
}

export enum LoyaltyRedemptionStatus {
  /** A discount waiting for the next order. */
  OPEN = 'OPEN',
  /** Applied to an order (a discount) or ordered (a product). */
  USED = 'USED',
}

registerEnumType(LoyaltyRuleKind, { name: 'LoyaltyRuleKind' });
registerEnumType(LoyaltyEntryKind, { name: 'LoyaltyEntryKind' });
registerEnumType(LoyaltyRewardKind, { name: 'LoyaltyRewardKind' });
registerEnumType(LoyaltyRedemptionStatus, { name: 'LoyaltyRedemptionStatus' });

/** A staff rule for earning points (C8); every active rule in force when an invoice was issued adds its points. */
@Entity({ tableName: 'loyalty_rule' })
export class LoyaltyRuleEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => LoyaltyRuleKind, type: 'text' })
  kind: LoyaltyRuleKind;

  /** PER_QUANTITY: this product... */
  @Property({ type: 'text', nullable: true })
  sku: string | null = null;

  /** ...or every product of this group (an ERP category code). */
  @Property({ type: 'text', nullable: true })
  productGroup: string | null = null;

  /** Points per unit (PER_QUANTITY) or per whole perAmount (PER_ORDER_VALUE); fractions of points earned are dropped per invoice. */
  @Property({ type: 'decimal', precision: 12, scale: 4 })
  points: string;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  perAmount: string | null = null;

  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  @Property({ type: 'boolean' })
  active: boolean;

  /** Invoices issued from then on earn by the rule (a re-synchronised older invoice does not). */
  @Property({ type: 'timestamptz' })
  activeFrom: Date;

  @Property({ type: 'uuid' })
  updatedByUserId: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();
}

/** A movement of a company's points: the ledger its balance is the sum of. `sourceKey` makes each invoice, credit note and redemption count once. */
@Entity({ tableName: 'loyalty_entry' })
@Index({ properties: ['companyId', 'recordedAt'] })
export class LoyaltyEntryEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  companyId: string;

  @Enum({ items: () => LoyaltyEntryKind, type: 'text' })
  kind: LoyaltyEntryKind;

  /** Signed: earned positive, reversed and redeemed negative. */
  @Property({ type: 'integer' })
  points: number;

  /** invoice:<number>, creditNote:<number>, redemption:<id>. */
  @Property({ type: 'text', unique: true })
  sourceKey: string;

  /** The invoice (EARNED) or credit note (REVERSED) number. */
  @Property({ type: 'text', nullable: true })
  documentNumber: string | null = null;

  /** EARNED: the invoice it came from (what a credit note takes back a share of). */
  @Property({ type: 'text', nullable: true })
  invoiceNumber: string | null = null;

  /** EARNED: the invoice's value before tax, to take back a credit note's share. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  basisNet: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  redemptionId: string | null = null;

  @Property({ type: 'text' })
  description: string;

  /** The document's date (the invoice's, the credit note's), or when the points were spent. */
  @Property({ type: 'timestamptz' })
  at: Date;

  /** When the hub booked it: the history's order. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();
}

/** What points can be spent on (staff-managed). */
@Entity({ tableName: 'loyalty_reward' })
export class LoyaltyRewardEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => LoyaltyRewardKind, type: 'text' })
  kind: LoyaltyRewardKind;

  @Property({ type: 'integer' })
  pointsCost: number;

  /** PRODUCT: the product and how many. */
  @Property({ type: 'text', nullable: true })
  sku: string | null = null;

  @Property({ type: 'integer', nullable: true })
  quantity: number | null = null;

  /** DISCOUNT: the amount off the next order (in its currency). */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount: string | null = null;

  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  @Property({ type: 'boolean' })
  active: boolean;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();
}

/** Points a company spent on a reward: a discount waiting for its next order, or a product ordered free. */
@Entity({ tableName: 'loyalty_redemption' })
@Index({ properties: ['companyId', 'status'] })
@Unique({ properties: ['companyId', 'idempotencyKey'] })
export class LoyaltyRedemptionEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid' })
  rewardId: string;

  @Property({ type: 'text' })
  rewardName: string;

  @Enum({ items: () => LoyaltyRewardKind, type: 'text' })
  kind: LoyaltyRewardKind;

  @Property({ type: 'integer' })
  points: number;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount: string | null = null;

  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  @Enum({ items: () => LoyaltyRedemptionStatus, type: 'text' })
  status: LoyaltyRedemptionStatus;

  /** The order it was applied to (DISCOUNT) or that ships the product (PRODUCT). */
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  /** The client's key: the same key again returns the same redemption. */
  @Property({ type: 'text' })
  idempotencyKey: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** The orders subgraph's share of the ERP's products: the groups (category codes) a SKU is in, for PER_QUANTITY rules on a group. */
@Entity({ tableName: 'loyalty_product_group' })
export class LoyaltyProductGroupEntity {
  @PrimaryKey({ type: 'text' })
  sku: string;

  @Property({ type: 'text[]' })
  categoryCodes: string[];
}
