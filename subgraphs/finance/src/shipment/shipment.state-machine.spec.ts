import { ShipmentStatus } from './shipment-status';
import { needsParcel, statusAfterEvent } from './shipment.state-machine';

describe('shipment state machine', () => {
  it('moves forward through the carrier steps', () => {
    let status = ShipmentStatus.PACKED;
    for (const event of ['REGISTERED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const) {
      status = statusAfterEvent(status, event);
      expect(status).toBe(ShipmentStatus[event]);
    }
  });

  it('never moves back for an older event, and a delivered parcel stays delivered', () => {
    expect(statusAfterEvent(ShipmentStatus.IN_TRANSIT, 'PICKED_UP')).toBe(ShipmentStatus.IN_TRANSIT);
    expect(statusAfterEvent(ShipmentStatus.DELIVERED, 'OUT_FOR_DELIVERY')).toBe(ShipmentStatus.DELIVERED);
    expect(statusAfterEvent(ShipmentStatus.DELIVERED, 'EXCEPTION')).toBe(ShipmentStatus.DELIVERED);
  });

  it('a lost parcel is an exception until the carrier moves it again', () => {
    expect(statusAfterEvent(ShipmentStatus.IN_TRANSIT, 'EXCEPTION')).toBe(ShipmentStatus.EXCEPTION);
    expect(statusAfterEvent(ShipmentStatus.EXCEPTION, 'OUT_FOR_DELIVERY')).toBe(ShipmentStatus.OUT_FOR_DELIVERY);
  });

  it('registers only packed shipments', () => {
    expect(Object.values(ShipmentStatus).filter(needsParcel)).toEqual([ShipmentStatus.PACKED]);
  });
});
