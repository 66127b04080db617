import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ReturnDisposition, ReturnStatus } from './return-status';

/** A return (RMA) a customer filed against one delivery note. The hub is its master until the ERP credits or exchanges it. */
@Entity({ tableName: 'return_request' })
@Index({ properties: ['companyId', 'createdAt'] })
// The staff dashboard's returns waiting for a decision.
@Index({ properties: ['status'] })
export class ReturnEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  /** The RMA number: on the label, in its barcode, and what staff search by. */
  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'uuid' })
  companyId: string;

  @Index()
  @Property({ type: 'uuid' })
  deliveryNoteId: string;

  @Property({ type: 'text' })
  deliveryNoteNumber: string;

  /** The ERP customer number the return goes to the ERP under (from the delivery note). */
  @Property({ type: 'text' })
  customerNumber: string;

  @Property({ type: 'uuid' })
  filedByUserId: string;

  /** Staff acting as the customer user when it was filed. */
  @Property({ type: 'uuid', nullable: true })
  filedByActorId: string | null = null;

  @Property({ type: 'text' })
  reasonCode: string;

  /** The reason as the filer read it (the dictionary may change later). */
  @Property({ type: 'text' })
  reasonLabel: string;

  @Property({ type: 'text' })
  reasonLanguage: string;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Enum({ items: () => ReturnStatus, type: 'text' })
  status: ReturnStatus;

  /** Why it was rejected, or what stopped it on the way to the ERP. */
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  waybillNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  waybillCarrier: string | null = null;

  /** The store the goods were handed in at (an ERP warehouse code); null: received at the warehouse, or not yet. */
  @Property({ type: 'text', nullable: true })
  receivedAtStoreCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  assessment: string | null = null;

  @Enum({ items: () => ReturnDisposition, type: 'text', nullable: true })
  disposition: ReturnDisposition | null = null;

  @Property({ type: 'text', nullable: true })
  erpReturnNumber: string | null = null;

  /** The ERP's credit note for a CREDIT disposition; the note itself arrives with the creditNotes sync (finance.credit_note). */
  @Property({ type: 'text', nullable: true })
  creditNoteNumber: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
