import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ReturnCondition } from './return-status';

/** What a return takes back of one delivery note line. */
@Entity({ tableName: 'return_line' })
@Index({ properties: ['returnId'] })
export class ReturnLineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  returnId: string;

  /** The delivery note line it returns goods of. */
  @Property({ type: 'integer' })
  deliveryLineNo: number;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;

  /** The units returned, for products tracked by serial number (null otherwise). */
  @Property({ type: 'jsonb', nullable: true })
  serialNumbers: string[] | null = null;

  @Enum({ items: () => ReturnCondition, type: 'text' })
  condition: ReturnCondition;
}
