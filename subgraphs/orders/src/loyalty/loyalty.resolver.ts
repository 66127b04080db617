import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OrdersContext } from '../context';
import { LoyaltyRewardInput, LoyaltyRuleInput } from './loyalty.inputs';
import { LoyaltyAccountObject, LoyaltyEntryObject, LoyaltyRedemptionObject, LoyaltyRewardObject, LoyaltyRuleObject } from './loyalty.object';

@Resolver(() => LoyaltyAccountObject)
export class LoyaltyResolver {
  @Query(() => [LoyaltyRuleObject], { description: 'Staff (staff.orders): the rules for earning points.' })
  async loyaltyRules(@Ctx() ctx: OrdersContext): Promise<LoyaltyRuleObject[]> {
    return (await ctx.services.loyalty.rules(ctx.viewer)).map(LoyaltyRuleObject.from);
  }

  @Mutation(() => LoyaltyRuleObject, { description: 'Staff (staff.orders): creates or changes a rule for earning points; invoices issued from then on earn by it.' })
  async setLoyaltyRule(@Arg('input', () => LoyaltyRuleInput) input: LoyaltyRuleInput, @Ctx() ctx: OrdersContext): Promise<LoyaltyRuleObject> {
    return LoyaltyRuleObject.from(await ctx.services.loyalty.setRule(ctx.viewer, input));
  }

  @Query(() => [LoyaltyRewardObject], { description: 'What points can be spent on (customers: the active rewards; staff: all).' })
  async loyaltyRewards(@Ctx() ctx: OrdersContext): Promise<LoyaltyRewardObject[]> {
    return (await ctx.services.loyalty.rewards(ctx.viewer)).map(LoyaltyRewardObject.from);
  }

  @Mutation(() => LoyaltyRewardObject, { description: 'Staff (staff.orders): creates or changes a reward.' })
  async setLoyaltyReward(@Arg('input', () => LoyaltyRewardInput) input: LoyaltyRewardInput, @Ctx() ctx: OrdersContext): Promise<LoyaltyRewardObject> {
    return LoyaltyRewardObject.from(await ctx.services.loyalty.setReward(ctx.viewer, input));
  }

  @Query(() => LoyaltyAccountObject, { description: "Your company's points (orders.view): balance, history newest first, discounts waiting for the next order; staff (staff.orders) name the company." })
  async loyaltyAccount(
    @Arg('companyId', () => ID, { nullable: true }) companyId: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'History entries (1 to 500).' }) first: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<LoyaltyAccountObject> {
    const account = await ctx.services.loyalty.account(ctx.viewer, companyId, first);
    return Object.assign(new LoyaltyAccountObject(), {
      companyId: account.companyId, balance: account.balance, history: account.history.map(LoyaltyEntryObject.from), openDiscounts: account.openDiscounts.map(LoyaltyRedemptionObject.from),
    });
  }

  @Mutation(() => LoyaltyRedemptionObject, { description: "Spends your company's points on a reward (orders.place): a product is ordered free of charge at once, a discount comes off your next order. Not enough points: CONFLICT." })
  async redeemLoyaltyReward(@Arg('rewardId', () => ID) rewardId: string, @Arg('idempotencyKey') idempotencyKey: string, @Ctx() ctx: OrdersContext): Promise<LoyaltyRedemptionObject> {
    return LoyaltyRedemptionObject.from(await ctx.services.loyalty.redeem(ctx.viewer, rewardId, idempotencyKey));
  }
}
