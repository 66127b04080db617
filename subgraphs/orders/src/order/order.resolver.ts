import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isStaff } from '@hub/auth';
import { OrderFilterInput, PlaceOrderInput } from './order.inputs';
import { OrdersContext } from '../context';
import { CompanyReference, UserReference } from '../references/reference.objects';
import { OrderConnection, OrderEdge, OrderLineCorrectionObject, OrderLineObject, OrderObject, OrderStatusEventObject } from './order.object';
import { PageInfo } from '@hub/subgraph-kit';
import { OrderStatus, OrderEventSource } from './order-status';
import { OrderPage } from './order.repository';
import { ORDER_STATUS_LABELS, ORDER_STATUS_TEXTS } from './order-status-texts';

function connectionOf(page: OrderPage): OrderConnection {
  const edges = page.orders.map((o) => Object.assign(new OrderEdge(), { cursor: page.cursorOf(o), node: OrderObject.from(o) }));
  return Object.assign(new OrderConnection(), {
    edges,
    pageInfo: PageInfo.of(page.hasNextPage, edges),
    count: page.totalCount,
  });
}

@Resolver(() => OrderObject)
export class OrderResolver {
  @Query(() => OrderConnection, {
    nullable: true,
    description: "Your company's orders, newest first, a page after `after` (staff: any company's, or companyId's): by status, period, branch and openness (O5).",
  })
  async orders(
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter?: OrderFilterInput | null,
    @Arg('status', () => OrderStatus, { nullable: true, description: 'Shorthand for filter.statuses with one status.' }) status?: OrderStatus | null,
    @Arg('companyId', () => ID, { nullable: true, description: 'Staff only: one company.' }) companyId?: string | null,
  ): Promise<OrderConnection> {
    return connectionOf(await ctx.services.orders.page(ctx.viewer, { first, after, filter, status, companyId }));
  }

  @Query(() => OrderObject, { nullable: true, description: 'One of your orders.' })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.orders.get(ctx.viewer, id));
  }

  @Query(() => [OrderObject], {
    nullable: 'items',
    description:
      'Several of your orders by id (at most 100), in the order asked; null with a NOT_FOUND error at its index for one that is missing or not yours. ' +
      'The gateway resolves many orders\' subscription events with it in one call.',
  })
  async ordersByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: OrdersContext): Promise<Array<OrderObject | Error>> {
    return (await ctx.services.orders.getMany(ctx.viewer, ids)).map((order) => (order instanceof Error ? order : OrderObject.from(order)));
  }

  @Mutation(() => OrderObject, {
    description:
      'Places an order from `lines`, a quote or (with neither) your basket; it goes to the ERP in the background and is never lost. ' +
      'Without orders.place (with orders.submit) it is submitted for a coworker\'s approval; the hold rules may hold it for staff.',
  })
  async placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.placement.place(ctx.viewer, input));
  }

  @Mutation(() => OrderObject, { description: "After the 3-D Secure step of an order paid by PREPAID_CARD: authorised, it goes to the ERP (or is held); failed, it is REJECTED." })
  async confirmOrderPayment(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext): Promise<OrderObject> {
    return OrderObject.from(await ctx.services.placement.confirmPayment(ctx.viewer, orderId));
  }

  @FieldResolver(() => String, { description: "The status as the viewer reads it: in the user's language, else the company's default, else the deployment's (hub texts, kind ORDER_STATUS)." })
  statusLabel(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<string> {
    return ctx.services.texts.text(ORDER_STATUS_TEXTS, order.status, ORDER_STATUS_LABELS[order.status], order.status);
  }

  @FieldResolver(() => [OrderLineObject])
  async lines(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<OrderLineObject[]> {
    const lines = await ctx.loaders.linesByOrder.load(order.id);
    return lines.map((line) => OrderLineObject.from(line, order.currency));
  }

  @FieldResolver(() => [OrderStatusEventObject], { description: 'Every status change and ERP correction, oldest first, with its time and who or what caused it.' })
  async timeline(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<OrderStatusEventObject[]> {
    return (await ctx.loaders.timelineByOrder.load(order.id)).map((e) => OrderStatusEventObject.from(e, order.currency));
  }

  @FieldResolver(() => [OrderLineCorrectionObject], { description: "The ERP operator's corrections of the ordered lines, before and after, oldest first." })
  async corrections(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<OrderLineCorrectionObject[]> {
    const events = (await ctx.loaders.timelineByOrder.load(order.id)).filter((e) => e.source === OrderEventSource.ERP_CORRECTION);
    return events.flatMap((e) => OrderStatusEventObject.from(e, order.currency).corrections);
  }

  @FieldResolver(() => UserReference, {
    nullable: true,
    description: 'The staff user who placed the order while signed in as placedBy; staff only (null for everyone else and when placedOnBehalf is false).',
  })
  placedOnBehalfBy(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): UserReference | null {
    return isStaff(ctx.viewer) && order.placedByActorId ? UserReference.of(order.placedByActorId) : null;
  }
}

@Resolver(() => OrderConnection)
export class OrderConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many orders match, over all pages.' })
  totalCount(@Root() connection: OrderConnection): Promise<number> {
    return connection.count();
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

@Resolver(() => OrderStatusEventObject)
export class OrderStatusEventResolver {
  @FieldResolver(() => String, { description: 'The status after it, as the viewer reads it (as Order.statusLabel).' })
  statusLabel(@Root() event: OrderStatusEventObject, @Ctx() ctx: OrdersContext): Promise<string> {
    return ctx.services.texts.text(ORDER_STATUS_TEXTS, event.status, ORDER_STATUS_LABELS[event.status], event.status);
  }
}
