import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceObject } from './invoice.object';
import { DEFAULT_PAGE_SIZE } from './invoice.service';
import { InvoiceStatus } from './invoice-status';

@Resolver(() => InvoiceObject)
export class InvoiceResolver {
  @Query(() => [InvoiceObject], { nullable: true, description: "Your company's invoices, newest first (staff: all companies). Needs invoices.view." })
  async invoices(
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'At most this many (1-200).' }) first: number | null,
    @Arg('status', () => InvoiceStatus, { nullable: true }) status: InvoiceStatus | null | undefined,
    @Ctx() ctx: FinanceContext,
  ): Promise<InvoiceObject[]> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return (await ctx.services.invoices.list(viewer, first, status)).map(InvoiceObject.from);
  }

  @Query(() => InvoiceObject, { nullable: true, description: 'An invoice of your company (staff: any). Needs invoices.view.' })
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<InvoiceObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return InvoiceObject.from(await ctx.services.invoices.getVisible(viewer, id));
  }
}
