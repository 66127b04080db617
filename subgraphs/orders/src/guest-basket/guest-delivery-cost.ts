import { Decimal } from '@hub/money';

/** How a public shop order reaches the guest. */
export enum GuestDeliveryMethod {
  /** By parcel from the main warehouse to the guest's address. */
  DELIVERY = 'DELIVERY',
  /** Collected in one of the distributor's stores. */
  STORE_PICKUP = 'STORE_PICKUP',
}

/**
 * The delivery cost of a guest order. Zero for now: delivery costs (O12: weight and volume rules,
 * parcels and pallets, free-delivery thresholds) are built in orders/src/delivery-cost/ and wired here.
 */
export function guestDeliveryCost(_method: GuestDeliveryMethod, _lines: ReadonlyArray<{ sku: string; quantity: number }>, _net: Decimal, currency: string): { amount: Decimal; currency: string } {
  return { amount: new Decimal(0), currency };
}
