import { isUuid } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { OrderReference } from './order-reference.object';

/**
 * `_entities` for Order. Finance does not know which company an order belongs to, so any signed-in
 * viewer gets the stub; the tenant rule is applied to the invoice rows in `Order.invoices` instead.
 */
export function resolveOrderReference(reference: { id: string; erpNumber?: string | null; company?: { id: string } }, ctx: FinanceContext): OrderReference | null {
  // The fields `confirmationPdfUrl` requires come along in the representation, from the orders subgraph.
  return ctx.viewer && isUuid(reference.id) ? OrderReference.of(reference.id, reference) : null;
}
