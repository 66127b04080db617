import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SuppliersContext } from '../context';
import { SupplierObject } from '../supplier/supplier.object';
import { DropShipAssignmentObject, DropShipOrderObject } from './drop-ship.object';

/** Drop-shipping: thin resolvers over DropShipService. */
@Resolver(() => DropShipAssignmentObject)
export class DropShipAssignmentResolver {
  @Query(() => [DropShipAssignmentObject], { description: 'Buyers (staff.purchasing): which supplier ships which product group.' })
  async dropShipAssignments(@Ctx() ctx: SuppliersContext): Promise<DropShipAssignmentObject[]> {
    const service = ctx.services.dropShip;
    return Promise.all((await service.assignments()).map(async (a) => DropShipAssignmentObject.from(a, (await service.productGroup(a.productGroup))?.name ?? null)));
  }

  @FieldResolver(() => SupplierObject, { nullable: true })
  async supplier(@Root() a: DropShipAssignmentObject, @Ctx() ctx: SuppliersContext): Promise<SupplierObject | null> {
    const s = a.supplierId ? await ctx.loaders.supplierById.load(a.supplierId) : null;
    return s ? SupplierObject.from(s) : null;
  }

  @Mutation(() => DropShipAssignmentObject, { description: "Buyers: the supplier that ships a product group's products straight to customers (null: nobody, the ERP ships them again). The ERP is told exactly once." })
  async assignDropShipSupplier(
    @Arg('productGroup') productGroup: string,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | null,
    @Ctx() ctx: SuppliersContext,
  ): Promise<DropShipAssignmentObject> {
    const a = await ctx.services.dropShip.assign(productGroup, supplierId);
    return DropShipAssignmentObject.from(a, (await ctx.services.dropShip.productGroup(a.productGroup))?.name ?? null);
  }
}

@Resolver(() => DropShipOrderObject)
export class DropShipOrderResolver {
  @Query(() => [DropShipOrderObject], { description: "Drop-ship orders, newest first: your supplier's (supplier users); all (buyers)." })
  async dropShipOrders(@Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null, @Ctx() ctx: SuppliersContext): Promise<DropShipOrderObject[]> {
    return (await ctx.services.dropShip.list(first)).map(DropShipOrderObject.from);
  }

  @Query(() => DropShipOrderObject, { description: "A drop-ship order (supplier users: their supplier's; buyers: any; else NOT_FOUND)." })
  async dropShipOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: SuppliersContext): Promise<DropShipOrderObject> {
    return DropShipOrderObject.from(await ctx.services.dropShip.get(id));
  }

  @FieldResolver(() => SupplierObject)
  async supplier(@Root() o: DropShipOrderObject, @Ctx() ctx: SuppliersContext): Promise<SupplierObject> {
    return SupplierObject.from((await ctx.loaders.supplierById.load(o.supplierId))!);
  }

  @Mutation(() => DropShipOrderObject, { description: 'Supplier users: you will ship this order.' })
  async confirmDropShipOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: SuppliersContext): Promise<DropShipOrderObject> {
    return DropShipOrderObject.from(await ctx.services.dropShip.confirm(id));
  }

  @Mutation(() => DropShipOrderObject, { description: "Supplier users: you shipped a confirmed order; its parcel goes to the ERP exactly once and reaches the customer's order as a delivery note." })
  async reportDropShipment(
    @Arg('id', () => ID) id: string,
    @Arg('carrier') carrier: string,
    @Arg('parcelNumber') parcelNumber: string,
    @Ctx() ctx: SuppliersContext,
  ): Promise<DropShipOrderObject> {
    return DropShipOrderObject.from(await ctx.services.dropShip.reportShipment(id, carrier, parcelNumber));
  }
}
