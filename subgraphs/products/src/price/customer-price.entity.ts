import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { ProductEntity } from '../product/product.entity';

/** A price agreed with one customer company for one product (ERP-owned). */
@Entity({ tableName: 'customer_price' })
export class CustomerPriceEntity {
  /** Key of the company in the customers subgraph; no cross-schema foreign key. */
  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => ProductEntity, { primary: true, deleteRule: 'cascade' })
  product: ProductEntity;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  price: string;

  @Property({ type: 'character', length: 3 })
  currency: string;
}
