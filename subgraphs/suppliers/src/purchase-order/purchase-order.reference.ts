import { SuppliersContext } from '../context';
import { PurchaseOrderObject } from './purchase-order.object';

/** `_entities` for PurchaseOrder: the same check as `purchaseOrder(id)`; another supplier's order answers NOT_FOUND. */
export async function resolvePurchaseOrderReference(reference: { id: string }, ctx: SuppliersContext): Promise<PurchaseOrderObject> {
  return PurchaseOrderObject.from(await ctx.services.purchaseOrders.reference(reference.id));
}
