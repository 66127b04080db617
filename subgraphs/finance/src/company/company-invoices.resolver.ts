import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceObject } from '../invoice/invoice.object';
import { DEFAULT_PAGE_SIZE } from '../invoice/invoice.service';
import { CompanyReference } from './company-reference.object';

/** Nullable: without invoices.view the FORBIDDEN error nulls the invoices only, not the company. */
@Resolver(() => CompanyReference)
export class CompanyInvoicesResolver {
  @FieldResolver(() => [InvoiceObject], { nullable: true, description: "The company's invoices, newest first. Needs invoices.view." })
  async invoices(
    @Root() company: CompanyReference,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'At most this many (1-200).' }) first: number | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<InvoiceObject[]> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return (await ctx.services.invoices.listForCompany(viewer, company.id, first)).map(InvoiceObject.from);
  }
}
