import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SuppliersContext } from '../context';
import { SupplierObject } from '../supplier/supplier.object';
import { ProductReference } from './product-reference.object';

/** Nullable: the catalogue is public, and an anonymous visitor's UNAUTHENTICATED here must not null it. */
@Resolver(() => ProductReference)
export class ProductSuppliersResolver {
  @FieldResolver(() => [SupplierObject], { nullable: true, description: 'Who supplies this product (any signed-in user; null for visitors of the public shop).' })
  async suppliers(@Root() product: ProductReference, @Ctx() ctx: SuppliersContext): Promise<SupplierObject[]> {
    return (await ctx.services.suppliers.suppliersOfProduct(ctx.viewer, product.id)).map(SupplierObject.from);
  }
}
