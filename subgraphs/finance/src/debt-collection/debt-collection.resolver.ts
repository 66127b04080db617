import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { FinanceContext } from '../context';
import { CollectableInvoiceObject, DebtCollectionCaseObject, DebtCollectionExportLinkObject } from './debt-collection.object';

@Resolver()
export class DebtCollectionResolver {
  @Query(() => [CollectableInvoiceObject], { description: 'Open invoices dunned at the last level and not handed over yet (staff with staff.users).' })
  async collectableInvoices(@Ctx() ctx: FinanceContext, @Arg('companyId', () => ID, { nullable: true }) companyId?: string | null): Promise<CollectableInvoiceObject[]> {
    return (await ctx.services.debtCollection.collectable(ctx.viewer, companyId)).map(CollectableInvoiceObject.from);
  }

  @Query(() => [DebtCollectionCaseObject], { description: 'Cases handed to debt-collection agencies, newest first, with who downloaded them (staff with staff.users).' })
  debtCollectionCases(@Ctx() ctx: FinanceContext, @Arg('companyId', () => ID, { nullable: true }) companyId?: string | null): Promise<DebtCollectionCaseObject[]> {
    return ctx.services.debtCollection.cases(ctx.viewer, companyId);
  }

  @Mutation(() => DebtCollectionCaseObject, { description: "Hand a company's invoices past the last dunning level to a debt-collection agency; they are not dunned any more." })
  handOverToDebtCollection(@Ctx() ctx: FinanceContext, @Arg('companyId', () => ID) companyId: string, @Arg('agency') agency: string): Promise<DebtCollectionCaseObject> {
    return ctx.services.debtCollection.handOver(ctx.viewer, companyId, agency);
  }

  @Query(() => DebtCollectionExportLinkObject, { description: "A signed link to the case's export for the agency (JSON; see the README)." })
  debtCollectionExport(@Ctx() ctx: FinanceContext, @Arg('caseId', () => ID) caseId: string): Promise<DebtCollectionExportLinkObject> {
    return ctx.services.debtCollection.exportLink(ctx.viewer, caseId);
  }
}
