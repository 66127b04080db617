import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProductsContext } from '../context';
import { validateQuantity } from '../price/price-rules';
import { StockDisplayPolicyValue } from './stock-display-policy.entity';
import { ProductStockObject, StockDisplayPolicyEnum, StockDisplayPolicySettingObject } from './stock.object';
import { availableFrom } from './stock-view';

@Resolver(() => ProductStockObject)
export class StockResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The availability promise (YYYY-MM-DD): today when stock covers the quantity, else the receipt (a warehouse's next receipt or an open purchase-order line) from which it does; null when unknown.",
  })
  availableFrom(@Root() stock: ProductStockObject, @Arg('quantity', () => Int, { defaultValue: 1 }) quantity = 1): string | null {
    validateQuantity(quantity);
    return availableFrom(stock.result.levels, quantity, stock.result.today, stock.result.incoming);
  }

  @Mutation(() => StockDisplayPolicySettingObject, { description: "Staff: what a company's users see of stock." })
  async setStockDisplayPolicy(
    @Ctx() ctx: ProductsContext,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('policy', () => StockDisplayPolicyEnum) policy: StockDisplayPolicyValue,
  ): Promise<StockDisplayPolicySettingObject> {
    const saved = await ctx.services.stock.setPolicy(companyId, policy);
    return Object.assign(new StockDisplayPolicySettingObject(), { companyId: saved.companyId, policy: saved.policy });
  }

  @Query(() => StockDisplayPolicySettingObject, { description: "The stock display policy of the viewer's company (staff: of the company named)." })
  async stockDisplayPolicy(@Ctx() ctx: ProductsContext, @Arg('companyId', () => ID, { nullable: true }) companyId?: string | null): Promise<StockDisplayPolicySettingObject> {
    return Object.assign(new StockDisplayPolicySettingObject(), await ctx.services.stock.policyOf(companyId));
  }
}
