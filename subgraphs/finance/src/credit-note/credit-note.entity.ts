import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A credit note the ERP issued; positive amounts that reduce what the customer owes. Synced. */
@Entity({ tableName: 'credit_note' })
@Index({ properties: ['companyId', 'issuedAt'] })
export class CreditNoteEntity {
  @PrimaryKey({ type: 'text' })
  number: string;

  @Property({ type: 'uuid' })
  companyId: string;

  /** The invoice it corrects (ERP number), if any. */
  @Property({ type: 'text', nullable: true })
  invoiceNumber: string | null = null;

  @Property({ type: 'timestamptz' })
  issuedAt: Date;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  netTotal: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  taxTotal: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string;
}
