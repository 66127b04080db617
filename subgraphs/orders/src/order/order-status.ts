import { registerEnumType } from 'type-graphql';

/** The order's life in the ERP, in the order it normally moves. */
export enum OrderStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  PICKED = 'PICKED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  INVOICED = 'INVOICED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'PENDING: placed on the web, not yet accepted by the ERP; then as the ERP reports it.',
});
