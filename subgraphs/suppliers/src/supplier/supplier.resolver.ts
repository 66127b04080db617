import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@hub/auth';
import { SuppliersContext } from '../context';
import { SupplierObject } from './supplier.object';
import { SupplierOfferObject } from './supplier-offer.object';
import { requireSupplierAccess } from './supplier.service';

/** `email` and `offers` are nullable: a buyer sees the supplier's name with them null (and FORBIDDEN), not a null product list. */
@Resolver(() => SupplierObject)
export class SupplierResolver {
  @Query(() => [SupplierObject], { nullable: true, description: 'All suppliers (staff only).' })
  async suppliers(@Ctx() ctx: SuppliersContext): Promise<SupplierObject[]> {
    return (await ctx.services.suppliers.listAll(requireViewer(ctx.viewer))).map(SupplierObject.from);
  }

  @Query(() => SupplierObject, { description: 'A supplier: any for staff, your own for supplier users.' })
  async supplier(@Arg('id', () => ID) id: string, @Ctx() ctx: SuppliersContext): Promise<SupplierObject> {
    const viewer = requireViewer(ctx.viewer);
    return SupplierObject.from(await ctx.services.suppliers.getVisible(viewer, id));
  }

  @FieldResolver(() => String, { nullable: true, description: "Order contact e-mail (staff and the supplier's own users)." })
  email(@Root() supplier: SupplierObject, @Ctx() ctx: SuppliersContext): string {
    requireSupplierAccess(ctx.viewer, supplier.id);
    return supplier.contactEmail;
  }

  @FieldResolver(() => [SupplierOfferObject], { nullable: true, description: "The products it sells us (staff and the supplier's own users)." })
  async offers(@Root() supplier: SupplierObject, @Ctx() ctx: SuppliersContext): Promise<SupplierOfferObject[]> {
    return (await ctx.services.suppliers.offersOf(ctx.viewer, supplier.id)).map(SupplierOfferObject.from);
  }
}
