import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A line of a guest basket: the product and how many (priced live at the public prices). */
export interface GuestBasketLine {
  productId: string;
  sku: string;
  quantity: number;
}

/**
 * An anonymous visitor's basket in the public shop, kept by a signed token the client holds. It
 * becomes an order at checkout (one order per basket) or a signed-in user's basket after sign-up.
 */
@Entity({ tableName: 'guest_basket' })
export class GuestBasketEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'jsonb' })
  lines: GuestBasketLine[] & Opt = [];

  /** The order checked out from it. */
  @Property({ type: 'uuid', nullable: true, unique: true })
  orderId: string | null = null;

  /** Checkouts whose card was declined; the next checkout is a new order. */
  @Property({ type: 'integer' })
  checkoutAttempts: number & Opt = 0;

  /** The user whose basket it became after signing up or in. */
  @Property({ type: 'uuid', nullable: true })
  claimedByUserId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
