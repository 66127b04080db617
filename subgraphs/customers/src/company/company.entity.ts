import { Opt, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export type DocumentPreference = 'RECEIPT' | 'INVOICE';

/** A customer company: one ERP debtor account. Name, currency and country are ERP-owned. */
@Entity({ tableName: 'company' })
export class CompanyEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The customer number in the ERP. */
  @Property({ type: 'text', unique: true })
  erpNumber: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'character', length: 2 })
  country: string;

  /** ERP-owned: the price group the company buys in. */
  @Property({ type: 'text', nullable: true })
  customerGroup: string | null = null;

  /** ERP-owned financial state, enforced at order time. */
  @Property({ type: 'decimal', precision: 14, scale: 2, default: '0' })
  creditLimit: string & Opt = '0';

  @Property({ type: 'decimal', precision: 14, scale: 2, default: '0' })
  balance: string & Opt = '0';

  @Property({ type: 'boolean', default: false })
  blocked: boolean & Opt = false;

  @Property({ type: 'integer', default: 30 })
  paymentTermsDays: number & Opt = 30;

  /** ERP-owned addresses: { code, name, street, postalCode, city, country }. */
  @Property({ type: 'jsonb', nullable: true })
  invoiceAddress?: Record<string, string> | null;

  @Property({ type: 'jsonb', default: '[]' })
  deliveryAddresses: Array<Record<string, string>> & Opt = [];

  /** Hub-owned: whether the customer wants a receipt or an invoice with its orders. */
  @Property({ type: 'text', default: 'INVOICE' })
  documentPreference: DocumentPreference & Opt = 'INVOICE';

  /** False once the ERP deleted the customer account; its users can no longer act for it. */
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
