import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

export const STOCK_DISPLAY_POLICIES = ['QUANTITY', 'HIDDEN', 'TRAFFIC_LIGHT'] as const;
export type StockDisplayPolicyValue = (typeof STOCK_DISPLAY_POLICIES)[number];
export const DEFAULT_STOCK_DISPLAY_POLICY: StockDisplayPolicyValue = 'TRAFFIC_LIGHT';

/** Hub-owned: how much of the stock a company's users see. Companies without a row get the default. */
@Entity({ tableName: 'stock_display_policy' })
export class StockDisplayPolicyEntity {
  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  policy: StockDisplayPolicyValue;

  @Property({ type: 'uuid', nullable: true })
  updatedBy: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
