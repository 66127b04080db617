import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { OrdersContext } from '../context';
import { OrderObject } from '../order/order.object';
import { OrderStatus } from '../order/order-status';
import { OrderPickupObject } from './pickup.object';
import { StoreReference } from '../references/reference.objects';

@Resolver(() => OrderObject)
export class PickupResolver {
  @FieldResolver(() => OrderPickupObject, { nullable: true, description: 'Collected in a store: where, the pick-up code, the handover; null for a delivered order.' })
  pickup(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): OrderPickupObject | null {
    if (!order.pickupStoreCode) return null;
    // The code is the customer's proof at the counter: staff (also signed in as the customer) must be shown it, never read it here.
    const own = ctx.viewer?.kind === 'CUSTOMER' && !ctx.viewer.actorId && ctx.viewer.companyId === order.company.id;
    return Object.assign(new OrderPickupObject(), {
      storeCode: order.pickupStoreCode,
      store: StoreReference.of(order.pickupStoreCode),
      pickupCode: own && order.status === OrderStatus.READY_FOR_PICKUP ? order.pickupCode : null,
      handedOverAt: order.handedOverAt,
    });
  }

  @Mutation(() => OrderObject, { description: 'Store staff (staff.stores): hand an order collected in their store to the customer, who shows its pick-up code.' })
  async handOverOrder(
    @Ctx() ctx: OrdersContext,
    @Arg('orderNumber') orderNumber: string,
    @Arg('storeCode') storeCode: string,
    @Arg('pickupCode') pickupCode: string,
  ): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.pickups.handOver(ctx.viewer, orderNumber, storeCode, pickupCode));
  }
}
