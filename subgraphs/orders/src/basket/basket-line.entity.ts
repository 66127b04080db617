import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { BasketEntity } from './basket.entity';
import type { LineConfiguration } from '../pricing/order-pricing.client';

/** One product in a basket (one line per product, a configured product with its options; adding it again adds to the quantity). Priced live, never stored with a price. */
@Entity({ tableName: 'basket_line' })
@Unique({ properties: ['basket', 'productId'] })
export class BasketLineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'BasketEntity', deleteRule: 'cascade' })
  basket: BasketEntity;

  /** Key of the product (products subgraph). */
  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;

  /** A configurable product's chosen options and their summary (P7); null for other products. */
  @Property({ type: 'jsonb', nullable: true })
  configuration: LineConfiguration | null = null;

  /** Display order: lines stay in the order they were first added. */
  @Property({ type: 'integer' })
  position: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  addedAt: Date & Opt = new Date();
}
