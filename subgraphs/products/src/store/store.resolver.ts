import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ProductsContext } from '../context';
import { StoreObject } from './store.object';

@Resolver(() => StoreObject)
export class StoreResolver {
  @Query(() => [StoreObject], { description: 'The stores orders can be collected in and returns handed in at (anyone); with sku, each store\'s stock of that product.' })
  async stores(@Ctx() ctx: ProductsContext, @Arg('sku', () => String, { nullable: true }) sku?: string | null): Promise<StoreObject[]> {
    return (await ctx.services.stores.list(sku)).map(({ store, stock }) => StoreObject.from(store, stock));
  }
}
