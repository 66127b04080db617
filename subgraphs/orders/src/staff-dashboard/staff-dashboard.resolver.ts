import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { OrdersContext } from '../context';
import { OrderChannelFiguresObject, StaffDashboardObject, OfferFiguresObject } from './staff-dashboard.object';

@Resolver(() => StaffDashboardObject)
export class StaffDashboardResolver {
  @Query(() => StaffDashboardObject, { nullable: true, description: "Staff: the day's key figures (default today, UTC); cheap enough to poll every few seconds." })
  staffDashboard(@Ctx() ctx: OrdersContext, @Arg('day', () => String, { nullable: true, description: 'YYYY-MM-DD (UTC).' }) day?: string | null): StaffDashboardObject {
    return StaffDashboardObject.of(ctx.services.dashboard.open(day).day);
  }

  @FieldResolver(() => [OrderChannelFiguresObject], { nullable: true, description: 'Orders placed on the day and their sales, per channel (staff.orders).' })
  async ordersByChannel(@Root() dashboard: StaffDashboardObject, @Ctx() ctx: OrdersContext): Promise<OrderChannelFiguresObject[]> {
    return (await ctx.services.dashboard.ordersByChannel(dashboard.day)).map((f) =>
      Object.assign(new OrderChannelFiguresObject(), { channel: f.channel, orders: f.orders, sales: f.sales.map((s) => MoneyObject.of(s.amount, s.currency)) }),
    );
  }

  @FieldResolver(() => OfferFiguresObject, { nullable: true, description: 'Commercial offers sent and decided on the day (staff.sales or staff.orders).' })
  async offers(@Root() dashboard: StaffDashboardObject, @Ctx() ctx: OrdersContext): Promise<OfferFiguresObject> {
    return Object.assign(new OfferFiguresObject(), await ctx.services.dashboard.offers(dashboard.day));
  }

  @FieldResolver(() => Int, { nullable: true, description: "Orders waiting for a coworker's approval now (staff.orders)." })
  async ordersAwaitingApproval(@Ctx() ctx: OrdersContext): Promise<number> {
    return (await ctx.services.dashboard.waiting()).awaitingApproval;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Orders held for staff review now (staff.orders).' })
  async ordersOnHold(@Ctx() ctx: OrdersContext): Promise<number> {
    return (await ctx.services.dashboard.waiting()).onHold;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Orders the ERP refused, waiting for staff now (staff.orders).' })
  async ordersRefusedByErp(@Ctx() ctx: OrdersContext): Promise<number> {
    return (await ctx.services.dashboard.waiting()).erpRefused;
  }
}
