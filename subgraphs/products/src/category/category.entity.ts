import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

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

/** A product sits in any number of web categories. */
@Entity({ tableName: 'product_category' })
export class ProductCategoryEntity {
  @PrimaryKey({ type: 'uuid' })
  productId: string;

  @PrimaryKey({ type: 'text' })
  categoryCode: string;
}
