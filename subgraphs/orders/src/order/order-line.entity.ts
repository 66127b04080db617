import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { OrderEntity } from './order.entity';
import type { LineConfiguration } from '../pricing/order-pricing.client';

/**
 * An order line as placed, or as the ERP holds it: the ERP may split an ordered line by warehouse
 * or into an available and a back-ordered part, each a line of its own naming the ordered line.
 */
@Entity({ tableName: 'order_line' })
@Unique({ properties: ['order', 'lineNo'] })
export class OrderLineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne({ entity: 'OrderEntity', deleteRule: 'cascade' })
  order: OrderEntity;

  @Property({ type: 'integer' })
  lineNo: number;

  /** Key of the product (products subgraph); the SKU is kept as ordered, for documents. */
  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  unitPrice: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  lineTotal: string;

  /** The line of the order as placed that this line (or part of it) fulfils; null for lines the ERP's operator added. */
  @Property({ type: 'integer', nullable: true })
  orderedLineNo: number | null = null;

  /** The warehouse the ERP ships it from. */
  @Property({ type: 'text', nullable: true })
  warehouseCode: string | null = null;

  /** The part the ERP back-ordered (waiting for stock). */
  @Property({ type: 'boolean', default: false })
  backOrdered: boolean & Opt = false;

  /** The delivery date the ERP promises for it (YYYY-MM-DD). */
  @Property({ type: 'date', nullable: true })
  deliveryDate: string | null = null;

  /** A configured product's options as ordered and priced (P7), with their summary; null for other products. */
  @Property({ type: 'jsonb', nullable: true })
  configuration: LineConfiguration | null = null;
}
