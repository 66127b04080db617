import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { SupplierEntity } from './supplier.entity';

/** A product a supplier sells to us, on the supplier's terms. The product lives in the products subgraph. */
@Entity({ tableName: 'supplier_product' })
export class SupplierProductEntity {
  [PrimaryKeyProp]?: ['supplier', 'productId'];

  @ManyToOne({ entity: () => SupplierEntity, primary: true, deleteRule: 'cascade' })
  supplier: SupplierEntity;

  /** Key of the product (products subgraph); no cross-schema foreign key. */
  @Index()
  @PrimaryKey({ type: 'uuid' })
  productId: string;

  /** The supplier's own article number. */
  @Property({ type: 'text' })
  supplierSku: string;

  @Property({ type: 'integer' })
  leadTimeDays: number;

  /** Exact decimal as a string; purchase prices carry up to 4 decimals. */
  @Property({ type: 'decimal', precision: 14, scale: 4 })
  purchasePrice: string;

  @Property({ type: 'character', length: 3 })
  currency: string;
}
