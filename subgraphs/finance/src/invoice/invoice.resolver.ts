import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceObject } from './invoice.object';
import { InvoiceConnection } from './invoice-connection.object';
import { InvoiceFilterInput, InvoiceSortInput } from './invoice.inputs';
import { DEFAULT_PAGE_SIZE } from './invoice.service';
import { InvoiceStatus } from './invoice-status';
import { INVOICE_STATUS_TEXTS, invoiceStatusLabels } from './invoice-status-texts';

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

  @FieldResolver(() => String, { description: "The status as the viewer reads it: in the user's language, else the company's default, else the deployment's (hub texts, kind INVOICE_STATUS)." })
  statusLabel(@Root() invoice: InvoiceObject, @Ctx() ctx: FinanceContext): Promise<string> {
    return ctx.services.texts.text(INVOICE_STATUS_TEXTS, invoice.status, invoiceStatusLabels(invoice.status), invoice.status);
  }

  @Query(() => InvoiceConnection, {
    nullable: true,
    description: "Your company's invoices (staff: every company's, or one named in the filter), filtered, sorted (newest first by default) and paged by cursor. Needs invoices.view.",
  })
  async invoiceList(
    @Arg('filter', () => InvoiceFilterInput, { nullable: true }) filter: InvoiceFilterInput | null,
    @Arg('orderBy', () => InvoiceSortInput, { nullable: true }) orderBy: InvoiceSortInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'At most this many (1-200).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<InvoiceConnection> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return InvoiceConnection.from(await ctx.services.invoices.page(viewer, filter, orderBy, first, after));
  }

  @Query(() => InvoiceObject, { nullable: true, description: 'An invoice of your company (staff: any). Needs invoices.view.' })
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: FinanceContext): Promise<InvoiceObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return InvoiceObject.from(await ctx.services.invoices.getVisible(viewer, id));
  }
}

@Resolver(() => InvoiceConnection)
export class InvoiceConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many invoices match, over all pages.' })
  totalCount(@Root() connection: InvoiceConnection): Promise<number> {
    return connection.count();
  }
}
