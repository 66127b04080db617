import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A sellable item. Everything here is ERP-owned and synchronised in. */
@Entity({ tableName: 'product' })
export class ProductEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  sku: string;

  @Index()
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  description: string;

  /** The sales unit ("box of 100", "piece"). */
  @Property({ type: 'text' })
  unit: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  listPrice: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** Below this the traffic-light stock display turns amber. */
  @Property({ type: 'decimal', precision: 14, scale: 3, default: '0' })
  minStock: string & Opt = '0';

  /** False once the ERP deleted the item: kept for order history, hidden from the catalogue. */
  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
