import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { InvoiceStatus } from './invoice-status';

/** An invoice issued in the ERP. Company and order live in other subgraphs: plain uuids, no foreign keys. */
@Entity({ tableName: 'invoice' })
// The list's default order (newest first) and the statement's and yearly totals' periods, per company.
@Index({ properties: ['companyId', 'issuedAt', 'id'] })
export class InvoiceEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The invoice number in the ERP. */
  @Property({ type: 'text', unique: true })
  number: string;

  /** The customer company (customers subgraph) the invoice is addressed to. */
  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  /** The order (orders subgraph) the invoice bills, if any. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'timestamptz' })
  issuedAt: Date;

  @Property({ type: 'timestamptz' })
  dueAt: Date;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** Exact decimal as a string; never a JS number. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string;

  @Enum({ items: () => InvoiceStatus, type: 'text' })
  status: InvoiceStatus;

  /** The ERP order number the invoice bills, as printed. */
  @Property({ type: 'text', nullable: true })
  orderNumber: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  netTotal: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  taxTotal: string | null = null;

  /** What is still to be paid; 0 once paid. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  openAmount: string | null = null;

  /** Digitally signed invoices are originals; others print stamped "DUPLICATE". */
  @Property({ type: 'boolean', default: false })
  digitallySigned: boolean & Opt = false;
}
