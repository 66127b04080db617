import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { OrderEntity } from './order.entity';

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
}
