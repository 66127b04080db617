import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requirePermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { StatementObject } from './statement.object';

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
}
