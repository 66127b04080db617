import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SuppliersContext } from '../context';
import { SupplierObject } from '../supplier/supplier.object';
import { ProductReference } from './product-reference.object';

@Resolver(() => ProductReference)
export class ProductSuppliersResolver {
  @FieldResolver(() => [SupplierObject], { description: 'Who supplies this product (any signed-in user).' })
  async suppliers(@Root() product: ProductReference, @Ctx() ctx: SuppliersContext): Promise<SupplierObject[]> {
    return (await ctx.services.suppliers.suppliersOfProduct(ctx.viewer, product.id)).map(SupplierObject.from);
  }
}
