import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { currentTraceparent } from '@hub/observability';

export type OutboxStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

/**
 * A message to the ERP, written in the same transaction as the change it announces (an order
 * placed, a customer approved, a return filed), so nothing is lost between the two. Each subgraph
 * that sends something declares its own table from this base (`outbox_message` in its schema).
 */
@Entity({ abstract: true })
@Index({ properties: ['status', 'nextAttemptAt'] })
export abstract class OutboxMessageBase {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** What to do with it, e.g. 'order.placed'. */
  @Property({ type: 'text' })
  topic: string;

  /** Idempotency key sent to the ERP; messages with the same key are delivered in order, one at a time. */
  @Property({ type: 'text', unique: true })
  key: string;

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Property({ type: 'text' })
  status: OutboxStatus & Opt = 'PENDING';

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date & Opt = new Date();

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** What the ERP answered, e.g. its order number. */
  @Property({ type: 'jsonb', nullable: true })
  result?: Record<string, unknown> | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  /**
   * W3C traceparent of the request that wrote the message (taken when the entity is created, inside
   * that request), so the dispatcher's delivery span links to it: a delivered order's trace leads
   * back to the request that placed it. Null for messages written outside a request.
   */
  @Property({ type: 'text', nullable: true })
  traceparent: string | null = currentTraceparent();
}
