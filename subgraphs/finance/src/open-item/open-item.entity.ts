import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** An unpaid item of a customer's account (an invoice, a credit note, a payment on account). */
@Entity({ tableName: 'open_item' })
export class OpenItemEntity {
  @PrimaryKey({ type: 'text' })
  documentNumber: string;

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  documentType: string;

  @Property({ type: 'date' })
  dueDate: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  openAmount: string;

  @Property({ type: 'character', length: 3 })
  currency: string;
}
