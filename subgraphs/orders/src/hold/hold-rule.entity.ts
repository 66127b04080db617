import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';

/** What a hold rule checks before an order goes to the ERP (O4, F6). */
export enum HoldRuleKind {
  /** The ERP blocked the company's account. */
  ACCOUNT_BLOCKED = 'ACCOUNT_BLOCKED',
  /** The ERP balance plus the orders not yet invoiced plus this order exceed the ERP credit limit. */
  CREDIT_LIMIT = 'CREDIT_LIMIT',
  /** The order's value (before tax) is above the rule's amount (orders in the rule's currency). */
  ORDER_VALUE = 'ORDER_VALUE',
  /** The order goes to one of the delivery addresses the rule lists (a company's ERP address codes). */
  DELIVERY_ADDRESS = 'DELIVERY_ADDRESS',
  /** The company placed more than the rule's number of orders today (UTC). */
  DAILY_ORDER_COUNT = 'DAILY_ORDER_COUNT',
}

registerEnumType(HoldRuleKind, { name: 'HoldRuleKind', description: 'What a hold rule checks before an order goes to the ERP.' });

/**
 * A staff-configured rule that holds orders for review. A rule applies to every company (companyId
 * null) or to one; a company's own rule of a kind replaces the rule for every company of that kind
 * (e.g. a higher order value limit, or the rule switched off, for one customer).
 */
@Entity({ tableName: 'hold_rule' })
@Index({ name: 'hold_rule_kind_company_unique', expression: `create unique index "hold_rule_kind_company_unique" on "orders"."hold_rule" ("kind", coalesce("company_id", '00000000-0000-0000-0000-000000000000'::uuid))` })
export class HoldRuleEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => HoldRuleKind, type: 'text' })
  kind: HoldRuleKind;

  /** Null: every company. */
  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  @Property({ type: 'boolean' })
  enabled: boolean;

  /** ORDER_VALUE: orders above this amount (before tax), in `currency`. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  limitAmount: string | null = null;

  @Property({ type: 'character', length: 3, nullable: true })
  currency: string | null = null;

  /** DAILY_ORDER_COUNT: more orders than this in a day are held. */
  @Property({ type: 'integer', nullable: true })
  maxOrdersPerDay: number | null = null;

  /** DELIVERY_ADDRESS: the company's ERP delivery address codes whose orders are held. */
  @Property({ type: 'text[]', nullable: true })
  deliveryAddressCodes: string[] | null = null;

  @Property({ type: 'uuid', nullable: true })
  updatedByUserId: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
