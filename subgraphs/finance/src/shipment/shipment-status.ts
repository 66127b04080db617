import { registerEnumType } from 'type-graphql';

/**
 * Where a parcel shipment is: PACKED (the ERP issued the delivery note and the goods are packed;
 * picking before that shows on the order's own status), then the carrier's steps. EXCEPTION: the
 * carrier lost it, could not deliver it, or refused to take it (see `problem`).
 */
export enum ShipmentStatus {
  PACKED = 'PACKED',
  REGISTERED = 'REGISTERED',
  PICKED_UP = 'PICKED_UP',
  IN_TRANSIT = 'IN_TRANSIT',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
  EXCEPTION = 'EXCEPTION',
}

registerEnumType(ShipmentStatus, { name: 'ShipmentStatus', description: "A parcel shipment's step: packed, handed to the carrier and on its way, delivered, or an exception." });
