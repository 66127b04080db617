import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The ERP's web categories (alsoIngests 'categories'): the product groups drop-shipping is assigned by. */
@Entity({ tableName: 'product_group' })
export class ProductGroupEntity {
  @PrimaryKey({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;
}
