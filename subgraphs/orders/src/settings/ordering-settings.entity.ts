import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How a customer company orders (hub-owned; its customer admin or the distributor's staff set it).
 * No row: the defaults (no approval needed).
 */
@Entity({ tableName: 'ordering_settings' })
export class OrderingSettingsEntity {
  /** The company (customers subgraph). */
  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  /** Users without orders.place (holding orders.submit) may submit orders for a coworker's approval. */
  @Property({ type: 'boolean', default: false })
  requiresApproval: boolean & Opt = false;

  /** Orders above this value (before tax) need a coworker's approval even from users with orders.place. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  approvalLimit: string | null = null;

  @Property({ type: 'character', length: 3, nullable: true })
  approvalLimitCurrency: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  updatedByUserId: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
