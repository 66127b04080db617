import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One price rule from the ERP: a customer-specific price (companyId set), a customer-group price
 * (customerGroup set) or a plain list-price rule, possibly from a minimum quantity (a quantity
 * break) or only between dates (a promotion). ERP-owned.
 */
@Entity({ tableName: 'price_rule' })
@Index({ properties: ['companyId', 'productId'] })
export class PriceRuleEntity {
  /** The ERP's key of the rule. */
  @PrimaryKey({ type: 'text' })
  key: string;

  @Index()
  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  /** Key of the company (customers subgraph) for a customer-specific price. */
  @Property({ type: 'uuid', nullable: true })
  companyId: string | null;

  @Property({ type: 'text', nullable: true })
  customerGroup: string | null;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  minQuantity: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  price: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'date', nullable: true })
  validFrom: string | null;

  @Property({ type: 'date', nullable: true })
  validTo: string | null;

  @Property({ type: 'boolean' })
  promotion: boolean;
}
