import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { SuppliersContext } from '../context';
import { SupplierObject } from '../supplier/supplier.object';
import { CreatePurchaseOrderInput, PurchaseOrderChangeInput } from './purchase-order.inputs';
import { PurchaseOrderEventObject, PurchaseOrderLineObject, PurchaseOrderObject } from './purchase-order.object';
import { PurchaseOrderStatus } from './purchase-order-status';

/** Purchase orders: thin resolvers over PurchaseOrderService, which holds the rules and who may do what. */
@Resolver(() => PurchaseOrderObject)
export class PurchaseOrderResolver {
  @Query(() => [PurchaseOrderObject], { description: "Purchase orders, newest first: all for buyers (staff.purchasing); your supplier's for supplier users." })
  async purchaseOrders(
    @Arg('status', () => PurchaseOrderStatus, { nullable: true }) status: PurchaseOrderStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Ctx() ctx: SuppliersContext,
  ): Promise<PurchaseOrderObject[]> {
    return (await ctx.services.purchaseOrders.list(status, first)).map(PurchaseOrderObject.from);
  }

  @Query(() => PurchaseOrderObject, { description: "A purchase order (buyers: any; supplier users: their supplier's; else NOT_FOUND)." })
  async purchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: SuppliersContext): Promise<PurchaseOrderObject> {
    return PurchaseOrderObject.from(await ctx.services.purchaseOrders.get(id));
  }

  @Query(() => [PurchaseOrderObject], { nullable: 'items', description: 'Purchase orders by id, in the order asked; null where one is not yours.' })
  async purchaseOrdersByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: SuppliersContext): Promise<Array<PurchaseOrderObject | null>> {
    return (await ctx.services.purchaseOrders.byIds(ids)).map((o) => (o ? PurchaseOrderObject.from(o) : null));
  }

  @Subscription(() => PurchaseOrderObject, {
    description: "Sends the purchase order each time it is placed, reaches the ERP, a line is confirmed, changed, accepted or rejected, or the ERP reports on it (buyers: any; supplier users: their supplier's).",
    subscribe: servedByTheGateway,
  })
  purchaseOrderChanged(@Arg('purchaseOrderId', () => ID) _purchaseOrderId: string): PurchaseOrderObject {
    return servedByTheGateway();
  }

  @FieldResolver(() => SupplierObject)
  async supplier(@Root() po: PurchaseOrderObject, @Ctx() ctx: SuppliersContext): Promise<SupplierObject> {
    return SupplierObject.from((await ctx.loaders.supplierById.load(po.supplierId))!);
  }

  @FieldResolver(() => [PurchaseOrderLineObject])
  async lines(@Root() po: PurchaseOrderObject, @Ctx() ctx: SuppliersContext): Promise<PurchaseOrderLineObject[]> {
    return (await ctx.services.purchaseOrders.lines(po.id)).map((l) => PurchaseOrderLineObject.from(l, po.currency));
  }

  @FieldResolver(() => [PurchaseOrderEventObject], { description: 'What happened, oldest first, as both sides see it.' })
  async timeline(@Root() po: PurchaseOrderObject, @Ctx() ctx: SuppliersContext): Promise<PurchaseOrderEventObject[]> {
    return (await ctx.services.purchaseOrders.timeline(po.id)).map(PurchaseOrderEventObject.from);
  }

  @Mutation(() => PurchaseOrderObject, { description: 'Buyers (staff.purchasing): a purchase order placed directly with one supplier; it reaches the ERP exactly once.' })
  async createPurchaseOrder(@Arg('input', () => CreatePurchaseOrderInput) input: CreatePurchaseOrderInput, @Ctx() ctx: SuppliersContext): Promise<PurchaseOrderObject> {
    return PurchaseOrderObject.from(await ctx.services.purchaseOrders.createDirect(input.supplierId, input.currency, input.note, input.lines));
  }

  @Mutation(() => PurchaseOrderObject, { description: "Supplier users: confirm lines as ordered (all still open when none are named)." })
  async confirmPurchaseOrderLines(
    @Arg('purchaseOrderId', () => ID) purchaseOrderId: string,
    @Arg('lineNos', () => [Int], { nullable: true }) lineNos: number[] | null,
    @Ctx() ctx: SuppliersContext,
  ): Promise<PurchaseOrderObject> {
    return PurchaseOrderObject.from(await ctx.services.purchaseOrders.confirmLines(purchaseOrderId, lineNos));
  }

  @Mutation(() => PurchaseOrderObject, { description: 'Supplier users: propose another quantity, price or delivery date for a line.' })
  async proposePurchaseOrderChange(
    @Arg('purchaseOrderId', () => ID) purchaseOrderId: string,
    @Arg('lineNo', () => Int) lineNo: number,
    @Arg('change', () => PurchaseOrderChangeInput) change: PurchaseOrderChangeInput,
    @Ctx() ctx: SuppliersContext,
  ): Promise<PurchaseOrderObject> {
    return PurchaseOrderObject.from(await ctx.services.purchaseOrders.proposeChange(purchaseOrderId, lineNo, change));
  }

  @Mutation(() => PurchaseOrderObject, { description: "Buyers: accept the supplier's proposal for a line (it takes the proposed values) or reject it (the line stands as ordered)." })
  async decidePurchaseOrderChange(
    @Arg('purchaseOrderId', () => ID) purchaseOrderId: string,
    @Arg('lineNo', () => Int) lineNo: number,
    @Arg('accept') accept: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: SuppliersContext,
  ): Promise<PurchaseOrderObject> {
    return PurchaseOrderObject.from(await ctx.services.purchaseOrders.decideProposal(purchaseOrderId, lineNo, accept, reason));
  }
}
