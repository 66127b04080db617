import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrdersContext } from '../context';
import { OrderObject, QuotePriceChangeObject } from '../order/order.object';
import { QuoteStatus } from './quote.entity';
import { SaveQuoteInput, UpdateQuoteInput } from './quote.inputs';
import { QuoteObject } from './quote.object';

@Resolver(() => QuoteObject)
export class QuoteResolver {
  @Query(() => [QuoteObject], { nullable: true, description: "Your company's quotes, newest first (orders.view)." })
  async quotes(
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('status', () => QuoteStatus, { nullable: true }) status?: QuoteStatus | null,
  ): Promise<QuoteObject[]> {
    return (await ctx.services.quotes.list(ctx.viewer, { first, status })).map(QuoteObject.from);
  }

  @Query(() => QuoteObject, { nullable: true })
  async quote(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<QuoteObject> {
    return QuoteObject.from(await ctx.services.quotes.get(ctx.viewer, id));
  }

  @Mutation(() => QuoteObject, { description: 'Saves your basket as a quote with exact prices and a validity date.' })
  async saveBasketAsQuote(@Arg('input', () => SaveQuoteInput, { nullable: true }) input: SaveQuoteInput | null, @Ctx() ctx: OrdersContext): Promise<QuoteObject> {
    return QuoteObject.from(await ctx.services.quotes.saveBasket(ctx.viewer, input ?? {}));
  }

  @Mutation(() => QuoteObject, { description: 'Changes an open quote (lines, validity, delivery, references).' })
  async updateQuote(@Arg('input', () => UpdateQuoteInput) input: UpdateQuoteInput, @Ctx() ctx: OrdersContext): Promise<QuoteObject> {
    return QuoteObject.from(await ctx.services.quotes.update(ctx.viewer, input));
  }

  @Mutation(() => QuoteObject, { description: "Prices an open quote anew at today's prices." })
  async repriceQuote(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<QuoteObject> {
    return QuoteObject.from(await ctx.services.quotes.reprice(ctx.viewer, id));
  }

  @FieldResolver(() => [QuotePriceChangeObject], { description: 'The lines whose price today differs from the quoted one (asked live).' })
  async priceChanges(@Root() quote: QuoteObject, @Ctx() ctx: OrdersContext): Promise<QuotePriceChangeObject[]> {
    return (await ctx.services.quotes.priceChanges(quote.entity)).map((c) => QuotePriceChangeObject.from(c, quote.entity.currency));
  }

  @FieldResolver(() => OrderObject, { nullable: true, description: 'The order placed from it.' })
  async order(@Root() quote: QuoteObject, @Ctx() ctx: OrdersContext): Promise<OrderObject | null> {
    if (!quote.orderId) return null;
    const order = await ctx.services.orders.findVisible(ctx.viewer, quote.orderId);
    return order ? OrderObject.from(order) : null;
  }
}
