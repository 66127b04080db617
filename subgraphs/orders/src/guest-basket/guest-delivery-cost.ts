import { Decimal } from '@hub/money';
import { DeliveryCostService } from '../delivery-cost/delivery-cost.service';
import { orderDeliveryOf } from '../delivery-cost/order-delivery';
import { OrderDelivery } from '../order/order.entity';

/** How a public shop order reaches the guest. */
export enum GuestDeliveryMethod {
  /** By parcel from the main warehouse to the guest's address. */
  DELIVERY = 'DELIVERY',
  /** Collected in one of the distributor's stores. */
  STORE_PICKUP = 'STORE_PICKUP',
}

/**
 * The delivery of a guest order (O12) by the same staff rules as a company's, for the public shop
 * (no company: no customer minimums): the cheapest method that delivers to the guest's country,
 * its parcels, pallets, cost or free-delivery threshold, and the products' logistic minimums.
 * None for an order collected in a store, or where no rule covers the shipment (the distributor
 * quotes transport).
 */
export function guestDeliveryOf(
  deliveryCosts: DeliveryCostService,
  method: GuestDeliveryMethod,
  lines: ReadonlyArray<{ productId: string; sku: string; quantity: number; lineTotal: Decimal }>,
  currency: string,
  country: string | null,
): Promise<OrderDelivery | null> {
  if (method === GuestDeliveryMethod.STORE_PICKUP) return Promise.resolve(null);
  return orderDeliveryOf(deliveryCosts, { lines: [...lines], currency, deliveryAddressCode: null, method: null, companyId: null, country });
}

/** What the guest pays for delivery. */
export const deliveryChargeOf = (delivery: OrderDelivery | null): Decimal => new Decimal(delivery?.total ?? 0);
