import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { ProductsContext } from '../context';
import { PageInfo, ProductConnection, ProductEdge } from './product-connection.object';
import { ProductObject } from './product.object';
import { encodeCursor } from './product.service';

@Resolver(() => ProductObject)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'The catalogue, ordered by SKU; search matches name, SKU and description.' })
  async products(
    @Ctx() ctx: ProductsContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('categoryId', () => ID, { nullable: true, description: 'Reserved for web categories.' }) _categoryId?: string | null,
    @Arg('first', () => Int, { defaultValue: 24 }) first = 24,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ProductConnection> {
    const page = await ctx.services.products.page(ctx.viewer, { search, first, after });
    const edges = page.products.map((p) => Object.assign(new ProductEdge(), { cursor: encodeCursor(p.sku), node: ProductObject.from(p) }));
    return Object.assign(new ProductConnection(), {
      edges,
      totalCount: page.totalCount,
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }),
    });
  }

  @Query(() => ProductObject, { description: 'One product by id or by SKU.' })
  async product(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('sku', () => String, { nullable: true }) sku?: string | null,
  ): Promise<ProductObject> {
    return ProductObject.from(await ctx.services.products.get({ id, sku }));
  }

  @FieldResolver(() => MoneyObject, {
    nullable: true,
    description: 'The unit price for the signed-in company at this quantity; null without the prices.view permission.',
  })
  price(@Root() product: ProductObject, @Ctx() ctx: ProductsContext, @Arg('quantity', () => Int, { defaultValue: 1 }) quantity = 1): Promise<MoneyObject | null> {
    return ctx.services.prices.priceFor(product.entity, quantity);
  }
}
