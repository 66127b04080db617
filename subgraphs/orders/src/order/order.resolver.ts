import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isStaff } from '@hub/auth';
import { PlaceOrderInput } from './order.inputs';
import { OrdersContext } from '../context';
import { CompanyReference, UserReference } from '../references/reference.objects';
import { OrderLineObject, OrderObject } from './order.object';
import { OrderStatus } from './order-status';

@Resolver(() => OrderObject)
export class OrderResolver {
  @Query(() => [OrderObject], { nullable: true, description: "Your company's orders, newest first (staff: any company's)." })
  async orders(
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('status', () => OrderStatus, { nullable: true }) status?: OrderStatus | null,
    @Arg('companyId', () => ID, { nullable: true, description: 'Staff only: one company.' }) companyId?: string | null,
  ): Promise<OrderObject[]> {
    return (await ctx.services.orders.list(ctx.viewer, { first, status, companyId })).map(OrderObject.from);
  }

  @Query(() => OrderObject, { nullable: true, description: 'One of your orders.' })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.orders.get(ctx.viewer, id));
  }

  @Mutation(() => OrderObject, { description: 'Places an order; it is sent to the ERP in the background and never lost.' })
  async placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.orders.place(ctx.viewer, ctx.bearer, input));
  }

  @FieldResolver(() => [OrderLineObject])
  async lines(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<OrderLineObject[]> {
    const lines = await ctx.loaders.linesByOrder.load(order.id);
    return lines.map((line) => OrderLineObject.from(line, order.currency));
  }

  @FieldResolver(() => UserReference, {
    nullable: true,
    description: 'The staff user who placed the order while signed in as placedBy; staff only (null for everyone else and when placedOnBehalf is false).',
  })
  placedOnBehalfBy(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): UserReference | null {
    return isStaff(ctx.viewer) && order.placedByActorId ? UserReference.of(order.placedByActorId) : null;
  }
}

/** Nullable: a coworker without orders.view gets null here (and FORBIDDEN), the rest of the company stays. */
@Resolver(() => CompanyReference)
export class CompanyOrdersResolver {
  @FieldResolver(() => [OrderObject], { nullable: true, description: "The company's orders, newest first. Needs orders.view." })
  async orders(@Root() company: CompanyReference, @Ctx() ctx: OrdersContext, @Arg('first', () => Int, { defaultValue: 20 }) first = 20): Promise<OrderObject[]> {
    return (await ctx.services.orders.listForCompany(ctx.viewer, company.id, first)).map(OrderObject.from);
  }
}
