import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrdersContext } from '../context';
import { OrderObject } from '../order/order.object';
import { DrawDownBlanketOrderInput } from './blanket-order.inputs';
import { BlanketOrderObject } from './blanket-order.object';

const today = (): string => new Date().toISOString().slice(0, 10);

@Resolver(() => BlanketOrderObject)
export class BlanketOrderResolver {
  @Query(() => [BlanketOrderObject], { description: "Your company's blanket orders (orders.view) with what remains per line and shop; staff (staff.orders) name the company." })
  async blanketOrders(@Arg('companyId', () => ID, { nullable: true }) companyId: string | null, @Ctx() ctx: OrdersContext): Promise<BlanketOrderObject[]> {
    return (await ctx.services.blanketOrders.list(ctx.viewer, companyId)).map((b) => BlanketOrderObject.from(b.blanket, b.remaining, today()));
  }

  @Query(() => BlanketOrderObject, { description: "One blanket order; another company's is NOT_FOUND." })
  async blanketOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<BlanketOrderObject> {
    const b = await ctx.services.blanketOrders.get(ctx.viewer, id);
    return BlanketOrderObject.from(b.blanket, b.remaining, today());
  }

  @Mutation(() => OrderObject, { description: 'Orders against a blanket order (orders.place) at its agreed prices: more than remains (of the line, or the shop\'s share) is a CONFLICT; another company\'s blanket order NOT_FOUND. It goes to the ERP once, naming the blanket order.' })
  async drawDownBlanketOrder(@Arg('input', () => DrawDownBlanketOrderInput) input: DrawDownBlanketOrderInput, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.blanketOrders.drawDown(ctx.viewer, input));
  }
}

@Resolver(() => OrderObject)
export class OrderBlanketOrderResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The ERP number of the blanket order the order draws down; null: none.' })
  async blanketOrderNumber(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<string | null> {
    return (await ctx.loaders.orderById.load(order.id))?.blanketOrderNumber ?? null;
  }
}
