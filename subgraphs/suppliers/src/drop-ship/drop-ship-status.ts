import { registerEnumType } from 'type-graphql';

/** Where a drop-ship order stands; the moves between them are in drop-ship.state-machine.ts. */
export enum DropShipOrderStatus {
  /** Routed to the supplier by the ERP; the supplier has not answered. */
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  /** The supplier reported the parcel. */
  SHIPPED = 'SHIPPED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(DropShipOrderStatus, { name: 'DropShipOrderStatus', description: 'OPEN (routed to the supplier), CONFIRMED, SHIPPED (parcel reported) or CANCELLED.' });
