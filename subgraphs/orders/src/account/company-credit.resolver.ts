import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrdersContext } from '../context';
import { CompanyReference } from '../references/reference.objects';
import { CompanyCreditObject } from './company-credit.object';

/** Nullable: without invoices.view the FORBIDDEN error nulls the credit only, not the company. */
@Resolver(() => CompanyReference)
export class CompanyCreditResolver {
  @FieldResolver(() => CompanyCreditObject, { nullable: true, description: "The company's credit limit, balance, orders not yet invoiced, what is available, and whether new orders are held for credit. Needs invoices.view." })
  async credit(@Root() company: CompanyReference, @Ctx() ctx: OrdersContext): Promise<CompanyCreditObject | null> {
    const credit = await ctx.services.credit.creditOf(ctx.viewer, company.id);
    return credit ? CompanyCreditObject.from(credit) : null;
  }
}
