import { FinanceContext } from '../context';
import { InvoiceObject } from './invoice.object';

/** `_entities` for Invoice: the same permission and tenant rule as the `invoice` query, without the error. */
export async function resolveInvoiceReference(reference: { id: string }, ctx: FinanceContext): Promise<InvoiceObject | null> {
  const invoice = await ctx.services.invoices.findVisible(ctx.viewer, reference.id);
  return invoice ? InvoiceObject.from(invoice) : null;
}
