import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A web category: the shop's own tree, independent of the ERP's item groups. */
@Entity({ tableName: 'category' })
export class CategoryEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  code: string;

  @Index()
  @Property({ type: 'text', nullable: true })
  parentCode: string | null;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'integer' })
  position: number;
}

/**
 * A product sits in any number of web categories. The product's SKU is repeated here so that a
 * category's products can be read in SKU order straight from the (category_code, sku) index.
 */
@Entity({ tableName: 'product_category' })
@Index({ properties: ['categoryCode', 'sku'] })
export class ProductCategoryEntity {
  @PrimaryKey({ type: 'uuid' })
  productId: string;

  @PrimaryKey({ type: 'text' })
  categoryCode: string;

  @Property({ type: 'text', default: '' })
  sku: string & Opt = '';
}
