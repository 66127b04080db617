import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What prices need to know about a customer company, ingested from the ERP's customers (the
 * customers subgraph keeps its own copy; products never reads another subgraph's tables).
 */
@Entity({ tableName: 'customer_price_profile' })
export class CustomerPriceProfileEntity {
  /** The company's hub id (derived from the ERP customer number). */
  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  @Index()
  @Property({ type: 'text' })
  customerNumber: string;

  @Property({ type: 'text', nullable: true })
  customerGroup: string | null;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** The company's country (ISO 3166-1 alpha-2) from the ERP: it picks the company's default language for product texts. */
  @Property({ type: 'character', length: 2, nullable: true })
  country?: string | null = null;
}
