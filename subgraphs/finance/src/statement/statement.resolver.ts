import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { StatementObject } from './statement.object';
import { ExportFormat } from '../export/export-format';
import { ExportLinkObject } from '../export/export-link.object';

@Resolver(() => StatementObject)
export class StatementResolver {
  @Query(() => StatementObject, {
    nullable: true,
    description: "Your company's account statement (staff: name the company): opening balance, every invoice, credit note and payment with the running balance, closing balance. Needs invoices.view.",
  })
  async statement(
    @Arg('from', () => String, { description: 'First day (YYYY-MM-DD, UTC).' }) from: string,
    @Arg('to', () => String, { description: 'Last day, included (YYYY-MM-DD, UTC).' }) to: string,
    @Arg('companyId', () => ID, { nullable: true, description: 'Staff: the company.' }) companyId: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<StatementObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return StatementObject.from(await ctx.services.statements.statement(viewer, from, to, companyId));
  }

  @Query(() => ExportLinkObject, {
    nullable: true,
    description: 'The statement(from, to) as a PDF or XLSX file behind a short-lived link for you alone (as invoicesExport); headings in `language`. Needs invoices.view.',
  })
  async statementExport(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('language', () => String, { nullable: true, description: "en, es, pl or sv. Default: your language (your own, your company's, Accept-Language), else en." }) language: string | null,
    @Arg('companyId', () => ID, { nullable: true, description: 'Staff: the company.' }) companyId: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<ExportLinkObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return Object.assign(new ExportLinkObject(), await ctx.services.statementExports.issue(viewer, from, to, companyId, format, language));
  }
}
