import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { YearlyTotalsObject } from './yearly-totals.object';

@Resolver(() => YearlyTotalsObject)
export class YearlyTotalsResolver {
  @Query(() => YearlyTotalsObject, {
    nullable: true,
    description: "The year's total of operations and its quarters per company, above the declaration threshold (Spain's form 347): your company's (staff: every company's, or the one named). Needs invoices.view.",
  })
  async yearlyTotals(
    @Arg('year', () => Int) year: number,
    @Arg('companyId', () => ID, { nullable: true, description: 'Staff: one company.' }) companyId: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<YearlyTotalsObject> {
    const viewer = requirePermission(ctx.viewer, 'invoices.view');
    return YearlyTotalsObject.from(await ctx.services.yearlyTotals.yearlyTotals(viewer, year, companyId));
  }
}
