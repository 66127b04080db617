import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Decimal, MoneyObject } from '@hub/money';
import { OrderObject } from '../order/order.object';
import { OrdersContext } from '../context';
import { BasketObject } from '../basket/basket.object';
import { DiscountCodeFilterInput, GenerateDiscountCodesInput } from './discount-code.inputs';
import { BasketDiscountObject, DiscountCodeObject, DiscountCodeUseObject, OrderDiscountObject } from './discount-code.object';

@Resolver(() => DiscountCodeObject)
export class DiscountCodeResolver {
  @Mutation(() => [DiscountCodeObject], { description: 'Staff (staff.orders): generates a batch of random, unique discount codes with the same terms.' })
  async generateDiscountCodes(@Arg('input', () => GenerateDiscountCodesInput) input: GenerateDiscountCodesInput, @Ctx() ctx: OrdersContext): Promise<DiscountCodeObject[]> {
    return (await ctx.services.discountCodes.generate(ctx.viewer, input)).map(DiscountCodeObject.from);
  }

  @Query(() => [DiscountCodeObject], { description: 'Staff (staff.orders): discount codes, newest batch first, with their usage register (uses).' })
  async discountCodes(
    @Arg('filter', () => DiscountCodeFilterInput, { nullable: true }) filter: DiscountCodeFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<DiscountCodeObject[]> {
    return (await ctx.services.discountCodes.list(ctx.viewer, filter, first)).map(DiscountCodeObject.from);
  }

  @FieldResolver(() => [DiscountCodeUseObject], { description: 'The orders that used the code, oldest first.' })
  async uses(@Root() code: DiscountCodeObject, @Ctx() ctx: OrdersContext): Promise<DiscountCodeUseObject[]> {
    return (await ctx.loaders.discountCodeUses.load(code.id)).map(DiscountCodeUseObject.from);
  }
}

@Resolver(() => BasketObject)
export class BasketDiscountResolver {
  @Mutation(() => BasketObject, { description: 'Applies a discount code to your basket (replacing one applied before); placeOrder from the basket uses it. Unknown or another company\'s code: NOT_FOUND; expired: BAD_USER_INPUT; used up: CONFLICT.' })
  async applyDiscountCode(@Arg('code') code: string, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    await ctx.services.discountCodes.applyToBasket(ctx.viewer, code);
    return BasketObject.from(await ctx.services.baskets.get(ctx.viewer));
  }

  @Mutation(() => BasketObject, { description: 'Takes the discount code off your basket.' })
  async removeDiscountCode(@Ctx() ctx: OrdersContext): Promise<BasketObject> {
    await ctx.services.discountCodes.removeFromBasket(ctx.viewer);
    return BasketObject.from(await ctx.services.baskets.get(ctx.viewer));
  }

  @FieldResolver(() => BasketDiscountObject, { nullable: true, description: 'The discount code applied to the basket and what it takes off now; null: none applied.' })
  async discount(@Root() basket: BasketObject, @Ctx() ctx: OrdersContext): Promise<BasketDiscountObject | null> {
    const priced = await ctx.services.baskets.priced(basket.entity);
    return ctx.services.discountCodes.basketDiscount(ctx.viewer, basket.entity.userId, basket.entity.companyId, priced.totals ? new Decimal(priced.totals.net) : null, priced.currency);
  }
}

@Resolver(() => OrderObject)
export class OrderDiscountResolver {
  @FieldResolver(() => [OrderDiscountObject], { description: 'Discount lines (a discount code, a loyalty reward) taken off the lines\' value; total is after them.' })
  async discounts(@Root() order: OrderObject, @Ctx() ctx: OrdersContext): Promise<OrderDiscountObject[]> {
    const entity = await ctx.loaders.orderById.load(order.id);
    return (entity?.discounts ?? []).map((d) => Object.assign(new OrderDiscountObject(), { kind: d.kind, reference: d.reference, description: d.description, amount: MoneyObject.of(d.amount, order.currency) }));
  }
}
