import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { OrdersContext } from '../context';
import { OrderObject } from '../order/order.object';

@Resolver(() => OrderObject)
export class OrderApprovalResolver {
  @Mutation(() => OrderObject, { description: "Approves a coworker's order AWAITING_APPROVAL (orders.approve; never your own): the hold rules judge it, then it goes to the ERP." })
  async approveOrder(@Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.approvals.approve(ctx.viewer, id, note));
  }

  @Mutation(() => OrderObject, { description: "Rejects a coworker's order AWAITING_APPROVAL (orders.approve; never your own), with a reason the placer sees." })
  async rejectOrder(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.approvals.reject(ctx.viewer, id, reason));
  }

  @Mutation(() => OrderObject, { description: 'Staff (staff.orders): releases an order ON_HOLD to the ERP.' })
  async releaseHeldOrder(@Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.approvals.release(ctx.viewer, id, note));
  }

  @Mutation(() => OrderObject, { description: 'Staff (staff.orders): rejects an order ON_HOLD, with a reason the customer sees.' })
  async rejectHeldOrder(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.approvals.rejectHeld(ctx.viewer, id, reason));
  }
}
