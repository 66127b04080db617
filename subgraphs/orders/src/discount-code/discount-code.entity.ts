import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';

/** How a discount code lowers an order: by a share of its value, or by a fixed amount. */
export enum DiscountKind {
  PERCENT = 'PERCENT',
  AMOUNT = 'AMOUNT',
}

registerEnumType(DiscountKind, { name: 'DiscountKind', description: 'PERCENT: a share of the order value before tax; AMOUNT: a fixed amount off (at most the order value).' });

/**
 * A discount code staff generated (in a batch): for one company or for everyone (companyId null),
 * usable `maxUses` times in all, within its validity window, on orders of at least `minOrderValue`.
 * `usedCount` only grows through the conditional update that registers a use (see
 * DiscountCodeRepository.claimUse), so it never passes `maxUses`.
 */
@Entity({ tableName: 'discount_code' })
@Index({ properties: ['batchId'] })
export class DiscountCodeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** What the customer types (upper case, random and unguessable). */
  @Property({ type: 'text', unique: true })
  code: string;

  /** The batch it was generated in (one generateDiscountCodes call). */
  @Property({ type: 'uuid' })
  batchId: string;

  /** Staff's name for the batch ("Spring fair 2026"). */
  @Property({ type: 'text' })
  label: string;

  /** The one company that may use it (customers subgraph); null: every customer. */
  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  @Enum({ items: () => DiscountKind, type: 'text' })
  kind: DiscountKind;

  /** PERCENT: 0 < percent <= 100. */
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  percent: string | null = null;

  /** AMOUNT: the amount off, in `currency`. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount: string | null = null;

  /** The currency of `amount` and `minOrderValue`; orders in another currency cannot use the code (null for a PERCENT code without minimum). */
  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  /** The order value before tax (and before the discount) an order needs at least. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  minOrderValue: string | null = null;

  @Property({ type: 'integer' })
  maxUses: number;

  @Property({ type: 'integer', default: 0 })
  usedCount: number & Opt = 0;

  @Property({ type: 'timestamptz', nullable: true })
  validFrom: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;

  @Property({ type: 'uuid' })
  createdByUserId: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** One use of a code: the order it lowered, by whom, by how much (the usage register staff see). */
@Entity({ tableName: 'discount_code_use' })
@Index({ properties: ['codeId', 'usedAt'] })
export class DiscountCodeUseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  codeId: string;

  /** An order uses a code once. */
  @Property({ type: 'uuid', unique: true })
  orderId: string;

  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  usedAt: Date & Opt = new Date();
}

/** The code a user applied to the basket (shown with its discount, used when the basket is ordered). */
@Entity({ tableName: 'basket_discount_code' })
export class BasketDiscountCodeEntity {
  /** The basket is the user's. */
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid' })
  codeId: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  appliedAt: Date & Opt = new Date();
}
