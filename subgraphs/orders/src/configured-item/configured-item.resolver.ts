import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { OrdersContext } from '../context';
import { BasketObject } from '../basket/basket.object';
import { AddConfiguredToBasketInput } from './configured-item.inputs';

@Resolver()
export class ConfiguredItemResolver {
  @Mutation(() => BasketObject, {
    description:
      'Adds a configurable product built to your options (P7), priced with them; the same options again add to its quantity. Options that break a rule: BAD_USER_INPUT naming the rule ' +
      '(every broken rule in extensions.brokenRules); the product already in the basket with other options: CONFLICT.',
  })
  async addConfiguredToBasket(@Arg('input', () => AddConfiguredToBasketInput) input: AddConfiguredToBasketInput, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.addConfigured(ctx.viewer, input));
  }
}
