import { isUuid } from '@hub/subgraph-kit';
import { OrdersContext } from '../context';
import { OfferObject } from './offer.object';

/**
 * Offer as other subgraphs point to it (e.g. a task made from an e-mail): loaded in one batch per
 * request, then the same check as `offer(id)` (the rep's customers, the customer's own sent
 * offers), so someone else's offer is null.
 */
export async function resolveOfferReference(reference: { id: string }, ctx: OrdersContext): Promise<OfferObject | null> {
  if (!isUuid(reference.id)) return null;
  const offer = await ctx.offerById.load(reference.id);
  return offer && (await ctx.services.offers.mayView(ctx.viewer, offer)) ? OfferObject.from(offer) : null;
}
