import { Collection, Entity, Enum, Index, OneToMany, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatus } from './order-status';

/** A customer order. Placed on the web (hub-owned) and then progressed by the ERP (ERP-owned status). */
@Entity({ tableName: 'customer_order' })
@Index({ properties: ['companyId', 'placedAt'] })
export class OrderEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  number: string;

  /** Key of the owning company (customers subgraph). */
  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'uuid' })
  placedByUserId: string;

  @Enum({ items: () => OrderStatus, type: 'text' })
  status: OrderStatus;

  @Property({ type: 'timestamptz' })
  placedAt: Date;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string;

  @OneToMany(() => OrderLineEntity, (line) => line.order, { orderBy: { lineNo: 'asc' } })
  lines = new Collection<OrderLineEntity>(this);

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
