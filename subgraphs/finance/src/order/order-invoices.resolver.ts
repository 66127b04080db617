import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceObject } from '../invoice/invoice.object';
import { OrderReference } from './order-reference.object';

/** Nullable: without invoices.view the FORBIDDEN error nulls the invoices only, not the order. */
@Resolver(() => OrderReference)
export class OrderInvoicesResolver {
  @FieldResolver(() => [InvoiceObject], { nullable: true, description: "The order's invoices, newest first. Needs invoices.view." })
  async invoices(@Root() order: OrderReference, @Ctx() ctx: FinanceContext): Promise<InvoiceObject[]> {
    requirePermission(ctx.viewer, 'invoices.view');
    return (await ctx.services.invoices.listForOrder(order.id)).map(InvoiceObject.from);
  }
}
