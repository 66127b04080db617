import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceFilterInput, InvoiceSortInput } from '../invoice/invoice.inputs';
import { ExportFormat } from '../export/export-format';
import { ExportLinkObject } from '../export/export-link.object';

@Resolver(() => ExportLinkObject)
export class InvoiceExportResolver {
  @Query(() => ExportLinkObject, {
    nullable: true,
    description: 'The invoice list (the same filter and order as invoiceList) as a PDF or XLSX file, behind a short-lived link for you alone; headings in `language`. Needs invoices.view.',
  })
  async invoicesExport(
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true }) filter: InvoiceFilterInput | null,
    @Arg('orderBy', () => InvoiceSortInput, { nullable: true }) orderBy: InvoiceSortInput | null,
    @Arg('language', () => String, { nullable: true, description: "en, es, pl or sv; a tag such as es-ES is fine. Default: your language (your own, your company's, Accept-Language), else en." }) language: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<ExportLinkObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return Object.assign(new ExportLinkObject(), await ctx.services.invoiceExports.issue(viewer, filter, orderBy, format, language));
  }
}
