import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One agreed line as the ERP holds it (ErpBlanketOrderLine): quantities drawn are the ERP's count. */
export interface BlanketOrderLineData {
  lineNo: number;
  sku: string;
  quantity: string;
  unitPrice: string;
  drawnQuantity: string;
  shops: Array<{ deliveryAddressCode: string; quantity: string; drawnQuantity: string }> | null;
}

/**
 * The orders subgraph's copy of an ERP blanket (indent) order (ERP-owned, merged by the
 * blanketOrders sync). The hub's own drawdowns that the ERP has not counted yet are the orders
 * with this blanket_order_id whose ids are not in `countedHubOrderIds`.
 */
@Entity({ tableName: 'blanket_order' })
@Index({ properties: ['companyId'] })
export class BlanketOrderEntity {
  /** erpEntityId('blanketOrder', number). */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  customerNumber: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'date' })
  validFrom: string;

  @Property({ type: 'date' })
  validTo: string;

  /** OPEN or CLOSED. */
  @Property({ type: 'text' })
  status: string;

  @Property({ type: 'jsonb' })
  lines: BlanketOrderLineData[];

  /** The hub orders the ERP has counted in the lines' drawn quantities. */
  @Property({ type: 'text[]' })
  countedHubOrderIds: string[];
}
