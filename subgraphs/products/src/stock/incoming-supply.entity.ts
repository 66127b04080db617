import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An open line of one of the ERP's purchase orders (alsoIngests 'purchaseOrders', owned by the
 * suppliers subgraph): goods still to come, and when. The availability promise counts them.
 */
@Entity({ tableName: 'incoming_supply' })
export class IncomingSupplyEntity {
  @PrimaryKey({ type: 'text' })
  purchaseOrderNumber: string;

  @PrimaryKey({ type: 'integer' })
  lineNo: number;

  @Index()
  @Property({ type: 'uuid' })
  productId: string;

  /** Ordered minus received. */
  @Property({ type: 'decimal', precision: 14, scale: 3 })
  quantity: string;

  @Property({ type: 'date' })
  expectedDate: string;
}
