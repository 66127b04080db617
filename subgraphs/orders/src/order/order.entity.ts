import { Collection, Entity, Enum, Index, OneToMany, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatus } from './order-status';

/** A customer order. Placed on the web (hub-owned) and then progressed by the ERP (ERP-owned status). */
@Entity({ tableName: 'customer_order' })
@Index({ properties: ['companyId', 'placedAt'] })
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

  /** Key of the owning company (customers subgraph). */
  @Property({ type: 'uuid' })
  companyId: string;

  /** Null for orders entered in the ERP (by phone, EDI, a sales rep). */
  @Property({ type: 'uuid', nullable: true })
  placedByUserId: string | null = null;

  /** The staff user who placed the order while signed in as `placedByUserId` ("sign in as"); null otherwise. */
  @Property({ type: 'uuid', nullable: true })
  placedByActorId: string | null = null;

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

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
