import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { OutboxMessageBase } from '@hub/outbox';

/** A notice the ERP publishes to one customer company (ERP-owned), which its users acknowledge (hub-owned). */
@Entity({ tableName: 'memo' })
export class MemoEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  /** The memo's key in the ERP. */
  @Property({ type: 'text', unique: true })
  erpKey: string;

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'timestamptz' })
  publishedAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null = null;

  /** The ERP's document number for the acknowledgement, once delivered. */
  @Property({ type: 'text', nullable: true })
  erpAcknowledgement: string | null = null;
}

/** Acknowledgements waiting to be (or already) delivered to the ERP. */
@Entity({ tableName: 'outbox_message' })
export class MemosOutboxMessageEntity extends OutboxMessageBase {}
