import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceObject } from '../invoice/invoice.object';
import { OpenItemObject, OpenItemsObject } from './open-item.object';

@Resolver(() => OpenItemsObject)
export class OpenItemsResolver {
  @Query(() => OpenItemsObject, {
    nullable: true,
    description: "Your company's open items (staff: name the company): what is still to be paid per invoice, due dates, days overdue, and totals due, overdue and not yet due per currency. Needs invoices.view.",
  })
  async openItems(@Arg('companyId', () => ID, { nullable: true, description: 'Staff: the company.' }) companyId: string | null, @Ctx() ctx: FinanceContext): Promise<OpenItemsObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return OpenItemsObject.from(await ctx.services.openItems.openItems(viewer, companyId));
  }
}

@Resolver(() => OpenItemObject)
export class OpenItemInvoiceResolver {
  @FieldResolver(() => InvoiceObject, { nullable: true, description: 'The invoice, for INVOICE items (null until the invoice itself is synced).' })
  async invoice(@Root() item: OpenItemObject, @Ctx() ctx: FinanceContext): Promise<InvoiceObject | null> {
    if (!item.invoiceId) return null;
    const invoice = await ctx.services.invoices.findVisible(ctx.viewer, item.invoiceId);
    return invoice ? InvoiceObject.from(invoice) : null;
  }
}
