import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A logistic minimum staff keep (O12, hub-owned): per customer (companyId; neither id: every
 * customer without its own) an order value, per product a quantity per line, below which a
 * surcharge is added to the delivery (not a refusal: a small order still ships, it pays for its handling).
 */
@Entity({ tableName: 'logistic_minimum' })
@Unique({ properties: ['scope'] })
export class LogisticMinimumEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** DEFAULT, COMPANY:<id> or PRODUCT:<id>: one minimum per scope. */
  @Property({ type: 'text' })
  scope: string;

  @Property({ type: 'uuid', nullable: true })
  companyId: string | null;

  @Property({ type: 'uuid', nullable: true })
  productId: string | null;

  /** For a customer (or the default): the order value (net) below which the surcharge applies. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  minOrderValue: string | null;

  /** For a product: the line quantity below which the surcharge applies. */
  @Property({ type: 'decimal', precision: 14, scale: 3, nullable: true })
  minQuantity: string | null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  surcharge: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'uuid' })
  updatedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
