import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { RfqStatus } from './rfq-status';

/** A buyer's request for quotation: items, quantities and a delivery date, sent to several suppliers with a deadline. */
@Entity({ tableName: 'rfq' })
export class RfqEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'text' })
  title: string;

  /** The day the goods are wanted (YYYY-MM-DD). */
  @Property({ type: 'date' })
  deliveryDate: string;

  /** Answers are taken until then. */
  @Property({ type: 'timestamptz' })
  deadline: Date;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Enum({ items: () => RfqStatus, type: 'text' })
  status: RfqStatus;

  @Property({ type: 'uuid' })
  createdByUserId: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** One item asked for. */
@Entity({ tableName: 'rfq_line' })
@Unique({ properties: ['rfqId', 'lineNo'] })
export class RfqLineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  rfqId: string;

  @Property({ type: 'integer' })
  lineNo: number;

  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;
}

/** A supplier asked to quote; its users see the request and their own answers, never another supplier's. */
@Entity({ tableName: 'rfq_invitation' })
@Unique({ properties: ['rfqId', 'supplierId'] })
@Index({ properties: ['supplierId'] })
export class RfqInvitationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  rfqId: string;

  @Property({ type: 'uuid' })
  supplierId: string;
}

/** A supplier's answer to one line: its price, lead time and conditions. Changed until the deadline. */
@Entity({ tableName: 'rfq_answer' })
@Unique({ properties: ['rfqId', 'supplierId', 'lineNo'] })
export class RfqAnswerEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  rfqId: string;

  @Property({ type: 'uuid' })
  supplierId: string;

  @Property({ type: 'integer' })
  lineNo: number;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  unitPrice: string;

  @Property({ type: 'integer' })
  leadTimeDays: number;

  @Property({ type: 'text', nullable: true })
  conditions: string | null = null;

  @Property({ type: 'uuid' })
  answeredByUserId: string;

  @Property({ type: 'timestamptz' })
  answeredAt: Date & Opt = new Date();
}
