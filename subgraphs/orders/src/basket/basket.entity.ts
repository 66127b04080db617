import { Collection, Entity, Index, OneToMany, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { BasketLineEntity } from './basket-line.entity';

/** A user's current basket ("current order", O1): one per user, hub-owned, kept until ordered or cleared. */
@Entity({ tableName: 'basket' })
export class BasketEntity {
  /** The basket is the user's: its id is the user's id (customers subgraph). */
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  /** One of the company's ERP delivery addresses (its code); null: the company's default (or the branch's). */
  @Property({ type: 'text', nullable: true })
  deliveryAddressCode: string | null = null;

  /** One of the company's branches (customers subgraph). */
  @Property({ type: 'uuid', nullable: true })
  branchId: string | null = null;

  @Property({ type: 'text', nullable: true })
  customerReference: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @OneToMany(() => BasketLineEntity, (line) => line.basket, { orderBy: { position: 'asc' } })
  lines = new Collection<BasketLineEntity>(this);

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
