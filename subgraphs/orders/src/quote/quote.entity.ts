import { Collection, Entity, Enum, Index, OneToMany, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { QuoteLineEntity } from './quote-line.entity';

export enum QuoteStatus {
  /** Can be changed, re-priced and ordered. */
  OPEN = 'OPEN',
  /** Turned into an order (see order). */
  ORDERED = 'ORDERED',
}

registerEnumType(QuoteStatus, { name: 'QuoteStatus', description: 'OPEN (change, re-price or order it) or ORDERED.' });

/**
 * A quote ("trial order", O2): lines priced exactly, with the prices kept, valid until a date. Ordered
 * while valid, the order gets the quoted prices; after that, today's (and the customer is told which changed).
 */
@Entity({ tableName: 'quote' })
@Index({ properties: ['companyId', 'createdAt'] })
export class QuoteEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** "Q-…", for the customer's own reference. */
  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'uuid' })
  createdByUserId: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Enum({ items: () => QuoteStatus, type: 'text' })
  status: QuoteStatus & Opt = QuoteStatus.OPEN;

  /** The last day the quoted prices hold (YYYY-MM-DD, UTC). */
  @Property({ type: 'date' })
  validUntil: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** Before tax. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  taxTotal: string | null = null;

  @Property({ type: 'text', nullable: true })
  deliveryAddressCode: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  branchId: string | null = null;

  @Property({ type: 'text', nullable: true })
  customerReference: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /** When the lines were last priced. */
  @Property({ type: 'timestamptz' })
  pricedAt: Date;

  /** The order placed from it. */
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @OneToMany(() => QuoteLineEntity, (line) => line.quote, { orderBy: { lineNo: 'asc' } })
  lines = new Collection<QuoteLineEntity>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
