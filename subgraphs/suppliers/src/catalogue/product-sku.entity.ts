import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The part of the ERP's items the suppliers subgraph keeps (alsoIngests 'products'): which SKU and
 * name a product id stands for, so purchase orders can name the item to the ERP and the supplier.
 */
@Entity({ tableName: 'product_sku' })
export class ProductSkuEntity {
  @PrimaryKey({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text', unique: true })
  sku: string;

  @Property({ type: 'text' })
  name: string;
}
