import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrdersContext } from '../context';
import { BasketObject } from '../basket/basket.object';
import { DeliveryRateInput, LogisticMinimumInput } from './delivery-cost.inputs';
import { DeliveryObject, DeliveryRateObject, LogisticMinimumObject, OrderDeliveryObject } from './delivery-cost.object';
import { OrderObject } from '../order/order.object';

@Resolver(() => BasketObject)
export class BasketDeliveryResolver {
  @FieldResolver(() => DeliveryObject, {
    nullable: true,
    description:
      "Delivery costs for the basket (O12) to its delivery address's country (else the company's): packing estimate, the method asked for (default: the cheapest), " +
      'its cost (free from its threshold), logistic-minimum surcharges and every method that delivers; null while empty or unpriced. Placing the order adds the same.',
  })
  async delivery(@Root() basket: BasketObject, @Ctx() ctx: OrdersContext, @Arg('method', () => String, { nullable: true }) method?: string | null): Promise<DeliveryObject | null> {
    const quote = await ctx.services.deliveryCosts.forBasket(basket.entity, method ?? null);
    return quote ? DeliveryObject.from(quote) : null;
  }
}

@Resolver(() => DeliveryRateObject)
export class DeliveryCostResolver {
  @Query(() => [DeliveryRateObject], { nullable: true, description: 'Staff (staff.orders): the transport rules, by method, country and band.' })
  async deliveryRates(@Ctx() ctx: OrdersContext): Promise<DeliveryRateObject[]> {
    return (await ctx.services.deliveryCosts.rates(ctx.viewer)).map(DeliveryRateObject.from);
  }

  @Mutation(() => DeliveryRateObject, {
    description: 'Staff (staff.orders): sets the transport rule of a band (method, country, weight and volume limits); with id, changes that rule. Bad values: BAD_USER_INPUT; a band another rule holds: CONFLICT.',
  })
  async setDeliveryRate(@Arg('input', () => DeliveryRateInput) input: DeliveryRateInput, @Ctx() ctx: OrdersContext, @Arg('id', () => ID, { nullable: true }) id?: string | null): Promise<DeliveryRateObject> {
    return DeliveryRateObject.from(await ctx.services.deliveryCosts.setRate(ctx.viewer, id ?? null, input));
  }

  @Mutation(() => Boolean, { description: 'Staff (staff.orders): removes a transport rule.' })
  async removeDeliveryRate(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<boolean> {
    return ctx.services.deliveryCosts.removeRate(ctx.viewer, id);
  }

  @Query(() => [LogisticMinimumObject], { nullable: true, description: 'Staff (staff.orders): the logistic minimums (default, per customer, per product).' })
  async logisticMinimums(@Ctx() ctx: OrdersContext): Promise<LogisticMinimumObject[]> {
    return (await ctx.services.deliveryCosts.minimums(ctx.viewer)).map(LogisticMinimumObject.from);
  }

  @Mutation(() => LogisticMinimumObject, { description: "Staff (staff.orders): sets the default, a customer's or a product's logistic minimum and its surcharge." })
  async setLogisticMinimum(@Arg('input', () => LogisticMinimumInput) input: LogisticMinimumInput, @Ctx() ctx: OrdersContext): Promise<LogisticMinimumObject> {
    return LogisticMinimumObject.from(await ctx.services.deliveryCosts.setMinimum(ctx.viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Staff (staff.orders): removes a logistic minimum.' })
  async removeLogisticMinimum(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<boolean> {
    return ctx.services.deliveryCosts.removeMinimum(ctx.viewer, id);
  }
}

@Resolver(() => OrderObject)
export class OrderDeliveryResolver {
  @FieldResolver(() => OrderDeliveryObject, { nullable: true, description: 'Delivery as charged when placed (O12), included in total; null: collected in a store, or nothing charged.' })
  delivery(@Root() order: OrderObject): OrderDeliveryObject | null {
    return OrderDeliveryObject.of(order.delivery, order.currency);
  }
}
