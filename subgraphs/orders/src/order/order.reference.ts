import { canSeeCompany } from '@hub/auth';
import { isUuid } from '@hub/subgraph-kit';
import { OrdersContext } from '../context';
import { CompanyReference } from '../references/reference.objects';
import { OrderObject } from './order.object';

export async function resolveOrderReference(reference: { id: string }, ctx: OrdersContext): Promise<OrderObject | null> {
  const order = await ctx.services.orders.findVisible(ctx.viewer, reference.id);
  return order ? OrderObject.from(order) : null;
}

/** Company as extended by this subgraph: visible only to its own users and staff. */
export function resolveCompanyReference(reference: { id: string }, ctx: OrdersContext): CompanyReference | null {
  return isUuid(reference.id) && canSeeCompany(ctx.viewer, reference.id) ? CompanyReference.of(reference.id) : null;
}
