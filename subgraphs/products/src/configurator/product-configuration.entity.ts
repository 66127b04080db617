import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ErpConfigurationOption, ErpProductConfigurationRecord } from '@hub/erp-contract';

export type ConfigurationOption = ErpConfigurationOption;
export type ConfigurationRule = ErpProductConfigurationRecord['rules'][number];

/**
 * A configurable product's options, allowed combinations and option prices, as the ERP has them
 * (ERP-owned, P7); one per configurable product. Written only by ingestProductConfigurations.
 */
@Entity({ tableName: 'product_configuration' })
export class ProductConfigurationEntity {
  /** The product's SKU: the ERP's key of the configuration. */
  @PrimaryKey({ type: 'text' })
  sku: string;

  /** The configurable product (the ERP item whose price rules give the base price). */
  @Unique()
  @Property({ type: 'uuid' })
  productId: string;

  /** The currency the option prices are in. */
  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'jsonb' })
  options: ConfigurationOption[];

  @Property({ type: 'jsonb' })
  rules: ConfigurationRule[];

  @Property({ type: 'jsonb', nullable: true })
  area: { width: string; height: string } | null;

  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  pricePerSquareMetre: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
