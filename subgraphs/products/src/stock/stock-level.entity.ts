import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Stock of one product in one warehouse, with the next purchase receipt (ERP-owned). */
@Entity({ tableName: 'stock_level' })
export class StockLevelEntity {
  /** `${warehouseCode}:${sku}` as the ERP keys it. */
  @PrimaryKey({ type: 'text' })
  key: string;

  @Property({ type: 'text' })
  warehouseCode: string;

  @Property({ type: 'text' })
  warehouseName: string;

  @Index()
  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  onHand: string;

  @Property({ type: 'decimal', precision: 14, scale: 3 })
  reserved: string;

  @Property({ type: 'date', nullable: true })
  nextReceiptDate: string | null;

  @Property({ type: 'decimal', precision: 14, scale: 3, nullable: true })
  nextReceiptQuantity: string | null;
}
