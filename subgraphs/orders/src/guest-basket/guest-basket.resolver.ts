import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OrdersContext } from '../context';
import { BasketObject } from '../basket/basket.object';
import { GuestCheckoutInput } from './guest-basket.inputs';
import { GuestBasketObject, GuestOrderObject } from './guest-basket.object';

/** The public prepaid shop: thin resolvers over GuestBasketService. Anonymous callers welcome; the basket's signed token is the key. */
@Resolver(() => GuestBasketObject)
export class GuestBasketResolver {
  @Query(() => GuestBasketObject, { description: 'A public shop basket by its token, priced at the public prices.' })
  async guestBasket(@Arg('basketToken') basketToken: string, @Ctx() ctx: OrdersContext): Promise<GuestBasketObject> {
    return GuestBasketObject.from(await ctx.services.guestBaskets.basket(basketToken));
  }

  @Mutation(() => GuestBasketObject, { description: 'Adds a product of the public assortment to a public shop basket; without a token a new basket is started (keep the token it returns).' })
  async addToGuestBasket(
    @Arg('basketToken', () => String, { nullable: true }) basketToken: string | null,
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<GuestBasketObject> {
    return GuestBasketObject.from(await ctx.services.guestBaskets.add(basketToken, productId, quantity));
  }

  @Mutation(() => GuestBasketObject, { description: "Sets a line's quantity in a public shop basket (0 removes it)." })
  async setGuestBasketLine(@Arg('basketToken') basketToken: string, @Arg('productId', () => ID) productId: string, @Arg('quantity', () => Int) quantity: number, @Ctx() ctx: OrdersContext): Promise<GuestBasketObject> {
    return GuestBasketObject.from(await ctx.services.guestBaskets.setLine(basketToken, productId, quantity));
  }

  @Mutation(() => GuestOrderObject, {
    description:
      'Checks out a public shop basket as a guest: the card is authorised first (captured at delivery); a declined card is PAYMENT_DECLINED and no order is made. ' +
      'A card needing 3-D Secure gives an order AWAITING_PAYMENT with paymentRedirectUrl; after the step, call confirmGuestCheckout. Checking out a basket again returns its order.',
  })
  async checkoutGuestBasket(@Arg('basketToken') basketToken: string, @Arg('input', () => GuestCheckoutInput) input: GuestCheckoutInput, @Ctx() ctx: OrdersContext): Promise<GuestOrderObject> {
    return GuestOrderObject.from(await ctx.services.guestBaskets.checkout(basketToken, input));
  }

  @Mutation(() => GuestOrderObject, { description: "After the 3-D Secure step: the card authorised, the order goes to the ERP (or is held); the card failed, the order is REJECTED and the basket can be checked out again." })
  async confirmGuestCheckout(@Arg('basketToken') basketToken: string, @Ctx() ctx: OrdersContext): Promise<GuestOrderObject> {
    return GuestOrderObject.from(await ctx.services.guestBaskets.confirm(basketToken));
  }

  @Query(() => GuestOrderObject, { description: "The guest order of a basket, as it stands now." })
  async guestOrder(@Arg('basketToken') basketToken: string, @Ctx() ctx: OrdersContext): Promise<GuestOrderObject> {
    return GuestOrderObject.from(await ctx.services.guestBaskets.order(basketToken));
  }

  @Mutation(() => BasketObject, { description: "Signed up or in: the public shop basket becomes your basket (its lines added to it, once). Needs orders.place or orders.submit." })
  async claimGuestBasket(@Arg('basketToken') basketToken: string, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.guestBaskets.claim(basketToken));
  }
}
