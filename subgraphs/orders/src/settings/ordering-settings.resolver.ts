import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { OrdersContext } from '../context';
import { OrderingSettingsInput } from './ordering-settings.inputs';
import { OrderingSettingsObject } from './ordering-settings.object';

@Resolver(() => OrderingSettingsObject)
export class OrderingSettingsResolver {
  @Query(() => OrderingSettingsObject, { nullable: true, description: "Your company's ordering settings (staff: the company named)." })
  async orderingSettings(@Arg('companyId', () => ID, { nullable: true }) companyId: string | null, @Ctx() ctx: OrdersContext): Promise<OrderingSettingsObject> {
    const { companyId: id, settings } = await ctx.services.settings.get(ctx.viewer, companyId);
    return OrderingSettingsObject.from(id, settings);
  }

  @Mutation(() => OrderingSettingsObject, { description: 'Customer admins (users.manage) for their company, staff (staff.orders) for any.' })
  async setOrderingSettings(@Arg('input', () => OrderingSettingsInput) input: OrderingSettingsInput, @Ctx() ctx: OrdersContext): Promise<OrderingSettingsObject> {
    const { companyId, settings } = await ctx.services.settings.set(ctx.viewer, input);
    return OrderingSettingsObject.from(companyId, settings);
  }
}
