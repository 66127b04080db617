import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ProductsContext } from '../context';
import { ProductObject } from '../product/product.object';
import { ConfigurationOptionInput } from './configurator.inputs';
import { ConfiguredProductObject, ProductConfiguratorObject } from './configurator.object';

@Resolver(() => ProductObject)
export class ConfiguratorResolver {
  @Query(() => ConfiguredProductObject, {
    description:
      'Judges a configuration of a configurable product against the ERP\'s rules and prices it for your company (your price of the product plus what the options add, ' +
      'in your currency): every broken rule with its code and text, or the price. A product you may not see: NOT_FOUND; one that is not configurable: BAD_USER_INPUT.',
  })
  configureProduct(
    @Ctx() ctx: ProductsContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('options', () => [ConfigurationOptionInput]) options: ConfigurationOptionInput[],
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity = 1,
  ): Promise<ConfiguredProductObject> {
    return ctx.services.configurator.configure(productId, options, quantity).then(ConfiguredProductObject.from);
  }

  @FieldResolver(() => ProductConfiguratorObject, { nullable: true, description: 'For a configurable product (built to your options): its options and allowed combinations; null for other products.' })
  async configurator(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<ProductConfiguratorObject | null> {
    const configuration = await ctx.services.configurator.configurationOf(product.id);
    return configuration ? ProductConfiguratorObject.from(configuration) : null;
  }
}
