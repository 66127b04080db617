import { CarrierCodCollection, CarrierPage, CarrierParcel, CarrierParcelRegistration, CarrierTrackingEvent } from './carrier-records';

/** The hub's side of a parcel carrier; every method fails with a CarrierError. */
export interface CarrierAdapter {
  /** The carrier's name as shown to customers (e.g. "Demo Parcel"). */
  readonly carrierName: string;
  registerParcel(registration: CarrierParcelRegistration): Promise<CarrierParcel>;
  /** Tracking events of all parcels after a sequence number, oldest first. */
  trackingEvents(after: number, limit?: number): Promise<CarrierPage<CarrierTrackingEvent>>;
  /** Cash collected on delivery, after a sequence number, oldest first. */
  codCollections(after: number, limit?: number): Promise<CarrierPage<CarrierCodCollection>>;
  health(): Promise<void>;
}
