/** Where a parcel goes: what a carrier needs on the label. */
export interface CarrierConsignee {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string;
}

export interface CarrierParcelRegistration {
  /** The hub's own reference (the shipment's id); the same reference twice registers one parcel. */
  reference: string;
  consignee: CarrierConsignee;
  weightGrams: number;
  /** Cash to collect on delivery, in minor units; 0 or absent: none. */
  codAmountMinor?: number;
  currency?: string;
}

export interface CarrierParcel {
  parcelNumber: string;
  reference: string;
  /** Where a person follows the parcel on the carrier's site. */
  trackingUrl: string;
}

/** A parcel's life at the carrier; EXCEPTION is a parcel the carrier lost or could not deliver. */
export type CarrierParcelStatus = 'REGISTERED' | 'PICKED_UP' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'EXCEPTION';
export const CARRIER_PARCEL_STATUSES: readonly CarrierParcelStatus[] = ['REGISTERED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION'];

export interface CarrierTrackingEvent {
  /** Increases across all of the carrier's events: the hub's polling cursor. */
  sequence: number;
  parcelNumber: string;
  status: CarrierParcelStatus;
  /** ISO timestamp. */
  occurredAt: string;
  location: string;
  description: string;
  /** On DELIVERED: who signed for it. */
  signedBy?: string;
}

export interface CarrierCodCollection {
  sequence: number;
  parcelNumber: string;
  amountMinor: number;
  currency: string;
  collectedAt: string;
}

export interface CarrierPage<T> {
  items: T[];
  /** Pass as `after` for the next page; equal to the `after` given when nothing is new. */
  nextAfter: number;
  hasMore: boolean;
}
