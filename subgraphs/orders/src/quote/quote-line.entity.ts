import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { QuoteEntity } from './quote.entity';

/** A quoted line, with the price quoted. */
@Entity({ tableName: 'quote_line' })
@Unique({ properties: ['quote', 'lineNo'] })
export class QuoteLineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'QuoteEntity', deleteRule: 'cascade' })
  quote: QuoteEntity;

  @Property({ type: 'integer' })
  lineNo: number;

  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  unitPrice: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  lineTotal: string;
}
