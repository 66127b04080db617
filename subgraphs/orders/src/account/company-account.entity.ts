import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The orders subgraph's own copy of each company's ERP account: credit limit, balance and block
 * for the hold rules (F6), the tax rate for totals with tax, the ERP customer number orders go
 * under, and the codes of its delivery addresses an order may go to. Ingested from the ERP's
 * customers (the customers subgraph keeps its own copy; no subgraph reads another's tables);
 * ERP-owned: only the ingest writes it.
 */
@Entity({ tableName: 'company_account' })
export class CompanyAccountEntity {
  /** The company's hub id (derived from the ERP customer number). */
  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  customerNumber: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  creditLimit: string;

  /** What the customer owes (open invoices), as the ERP reports it. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  balance: string;

  @Property({ type: 'boolean' })
  blocked: boolean;

  /** The tax rate the ERP charges the company, in percent; null when the ERP gives none. */
  @Property({ type: 'decimal', precision: 6, scale: 3, nullable: true })
  taxRatePercent: string | null = null;

  /** The codes of the company's ERP delivery addresses. */
  @Property({ type: 'text[]', default: '{}' })
  deliveryAddressCodes: string[] & Opt = [];
}
