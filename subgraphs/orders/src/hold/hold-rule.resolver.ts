import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { OrdersContext } from '../context';
import { HoldRuleInput } from './hold-rule.inputs';
import { HoldRuleObject } from './hold-rule.object';

@Resolver(() => HoldRuleObject)
export class HoldRuleResolver {
  @Query(() => [HoldRuleObject], { nullable: true, description: 'Staff (staff.orders): the stored hold rules, those for every company first. Held orders: orders(filter: { statuses: [ON_HOLD] }).' })
  async holdRules(@Ctx() ctx: OrdersContext): Promise<HoldRuleObject[]> {
    return (await ctx.services.holdRules.list(ctx.viewer)).map(HoldRuleObject.from);
  }

  @Mutation(() => HoldRuleObject, { description: 'Staff (staff.orders): sets the rule of a kind for every company or for one.' })
  async setHoldRule(@Arg('input', () => HoldRuleInput) input: HoldRuleInput, @Ctx() ctx: OrdersContext): Promise<HoldRuleObject> {
    return HoldRuleObject.from(await ctx.services.holdRules.set(ctx.viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Staff (staff.orders): removes a rule (its kind falls back to the rule for every company, or the default).' })
  async removeHoldRule(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<boolean> {
    return ctx.services.holdRules.remove(ctx.viewer, id);
  }
}
