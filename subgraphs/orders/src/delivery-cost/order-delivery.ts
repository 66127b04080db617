import { badUserInput } from '@hub/errors';
import { OrderDelivery } from '../order/order.entity';
import { DeliveryFacts } from './delivery-cost.repository';
import { DeliveryCostService, DeliveryLine } from './delivery-cost.service';

/**
 * An order's delivery as placed (O12): the quote for its lines to its delivery address, by the
 * method asked for (one no rule delivers by: BAD_USER_INPUT) or the cheapest. Without a matching
 * rule the order carries no delivery charge (the distributor quotes transport), only surcharges.
 */
export async function orderDeliveryOf(
  deliveryCosts: DeliveryCostService,
  /** companyId null: a public shop guest's order, to `country`. */
  order: { lines: DeliveryLine[]; currency: string; deliveryAddressCode: string | null; method: string | null; companyId: string | null; country?: string | null },
  /** The facts for the lines' products and the company, when already read (see DeliveryCostService.quote). */
  known?: DeliveryFacts,
): Promise<OrderDelivery | null> {
  const quote = await deliveryCosts.quote({ lines: order.lines, currency: order.currency, country: order.country ?? null, deliveryAddressCode: order.deliveryAddressCode, method: order.method, companyId: order.companyId }, known);
  if (order.method !== null && !quote.chosen) throw badUserInput(quote.problem ?? `No ${order.method} delivery for this order.`, 'deliveryMethod');
  if (!quote.chosen && quote.surcharges.length === 0) return null;
  return {
    method: quote.chosen?.method ?? null,
    country: quote.country,
    parcels: quote.packing.parcels,
    pallets: quote.packing.pallets,
    cost: quote.chosen ? quote.chosen.cost.toFixed(2) : null,
    surcharges: quote.surcharges.map((s) => ({ kind: s.kind, sku: s.sku, amount: s.amount.toFixed(2), text: s.text })),
    total: quote.total.toFixed(2),
  };
}
