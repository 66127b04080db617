import { CarrierParcelStatus } from '@hub/carrier-contract';
import { ShipmentStatus } from './shipment-status';

/** The carrier's steps in the order a parcel takes them. */
const STEP: Record<Exclude<ShipmentStatus, ShipmentStatus.EXCEPTION>, number> = {
  [ShipmentStatus.PACKED]: 0,
  [ShipmentStatus.REGISTERED]: 1,
  [ShipmentStatus.PICKED_UP]: 2,
  [ShipmentStatus.IN_TRANSIT]: 3,
  [ShipmentStatus.OUT_FOR_DELIVERY]: 4,
  [ShipmentStatus.DELIVERED]: 5,
};

/** Only a packed shipment is registered with the carrier (once: its id is the carrier's idempotency key). */
export function needsParcel(status: ShipmentStatus): boolean {
  return status === ShipmentStatus.PACKED;
}

/**
 * The shipment's status after one of its carrier's tracking events. Every event goes into the
 * timeline, but the status only moves forward: an event older than one already applied (carriers
 * page out of order now and then) changes nothing, and a delivered parcel stays delivered. A lost
 * parcel is an EXCEPTION until the carrier reports it moving again (found), when it takes that step.
 */
export function statusAfterEvent(current: ShipmentStatus, event: CarrierParcelStatus): ShipmentStatus {
  if (current === ShipmentStatus.DELIVERED) return current;
  if (event === 'EXCEPTION') return ShipmentStatus.EXCEPTION;
  const next = ShipmentStatus[event];
  if (current === ShipmentStatus.EXCEPTION) return next;
  return STEP[next as keyof typeof STEP] > STEP[current] ? next : current;
}
