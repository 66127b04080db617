import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What the orders subgraph keeps of each ERP item for delivery costs (O12): weight and volume of
 * one sales unit and the expected packing. ERP-owned: only ingestProductLogistics writes it, as the
 * orders subgraph's own ingest of the `products` kind (it never reads the products subgraph's tables).
 */
@Entity({ tableName: 'product_logistics' })
export class ProductLogisticsEntity {
  @PrimaryKey({ type: 'uuid' })
  productId: string;

  @Property({ type: 'text' })
  sku: string;

  @Property({ type: 'decimal', precision: 12, scale: 3, nullable: true })
  weightKg: string | null;

  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  volumeM3: string | null;

  @Property({ type: 'integer', nullable: true })
  unitsPerParcel: number | null;

  @Property({ type: 'integer', nullable: true })
  unitsPerPallet: number | null;
}
