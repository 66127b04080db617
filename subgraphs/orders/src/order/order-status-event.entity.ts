import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { OrderEventSource, OrderStatus } from './order-status';

/** One line of a correction the ERP's operator made: an ordered line before and after (null: added or removed). */
export interface LineCorrection {
  lineNo: number;
  before: { sku: string; quantity: string; unitPrice: string } | null;
  after: { sku: string; quantity: string; unitPrice: string } | null;
}

/** Details of a timeline entry. */
export interface OrderEventDetails {
  holdReasons?: Array<{ kind: string; message: string; ruleId: string | null }>;
  corrections?: LineCorrection[];
}

/**
 * An order's timeline: every status change (placed, submitted, approved, held, released, confirmed,
 * each status the ERP reports, refused) and every operator correction, with its time and who or
 * what caused it. Written in the transaction that makes the change.
 */
@Entity({ tableName: 'order_status_event' })
@Index({ properties: ['orderId', 'at'] })
export class OrderStatusEventEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId: string;

  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  at: Date & Opt = new Date();

  /** The status after the change (unchanged for corrections). */
  @Enum({ items: () => OrderStatus, type: 'text' })
  status: OrderStatus;

  @Enum({ items: () => OrderStatus, type: 'text', nullable: true })
  previousStatus: OrderStatus | null = null;

  @Enum({ items: () => OrderEventSource, type: 'text' })
  source: OrderEventSource;

  /** The hub user who did it (null for the ERP and the hold rules). */
  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  /** The staff user acting as actorUserId ("sign in as"). */
  @Property({ type: 'uuid', nullable: true })
  onBehalfActorId: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  details: OrderEventDetails | null = null;
}
