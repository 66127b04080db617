import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { OrdersContext } from '../context';
import { TotalsObject } from '../pricing/totals.object';
import { AddToBasketInput, BasketBulkLineInput, BasketDetailsInput, UpdateBasketLineInput } from './basket.inputs';
import { BasketAddedLineObject, BasketBulkAddResultObject, BasketLineObject, BasketObject, BasketRejectedLineObject } from './basket.object';

@Resolver(() => BasketObject)
export class BasketResolver {
  @Query(() => BasketObject, { nullable: true, description: 'Your current basket (needs orders.place or orders.submit).' })
  async basket(@Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.get(ctx.viewer));
  }

  @Mutation(() => BasketObject, { description: 'Adds a product by SKU or id (again: to its quantity). Unknown, not sold to your company or below its minimum: BAD_USER_INPUT.' })
  async addToBasket(@Arg('input', () => AddToBasketInput) input: AddToBasketInput, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.add(ctx.viewer, input));
  }

  @Mutation(() => BasketBulkAddResultObject, {
    description: 'Bulk entry of up to 500 lines by SKU: the lines that can be ordered go in, the others are reported line by line (malformed input: BAD_USER_INPUT, nothing added).',
  })
  async addManyToBasket(@Arg('lines', () => [BasketBulkLineInput]) lines: BasketBulkLineInput[], @Ctx() ctx: OrdersContext): Promise<BasketBulkAddResultObject> {
    const result = await ctx.services.baskets.addMany(ctx.viewer, lines);
    return Object.assign(new BasketBulkAddResultObject(), {
      basket: BasketObject.from(result.basket),
      added: result.added.map(BasketAddedLineObject.from),
      rejected: result.rejected.map(BasketRejectedLineObject.from),
    });
  }

  @Mutation(() => BasketObject, { description: "Sets a line's quantity." })
  async updateBasketLine(@Arg('input', () => UpdateBasketLineInput) input: UpdateBasketLineInput, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.updateLine(ctx.viewer, input));
  }

  @Mutation(() => BasketObject)
  async removeBasketLine(@Arg('productId', () => ID) productId: string, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.removeLine(ctx.viewer, productId));
  }

  @Mutation(() => BasketObject)
  async clearBasket(@Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.clear(ctx.viewer));
  }

  @Mutation(() => BasketObject, { description: "Delivery address and branch (the company's own), your reference and notes." })
  async setBasketDetails(@Arg('input', () => BasketDetailsInput) input: BasketDetailsInput, @Ctx() ctx: OrdersContext): Promise<BasketObject> {
    return BasketObject.from(await ctx.services.baskets.setDetails(ctx.viewer, input));
  }

  @FieldResolver(() => String, { nullable: true, description: "The company's currency (null while the basket is empty)." })
  async currency(@Root() basket: BasketObject, @Ctx() ctx: OrdersContext): Promise<string | null> {
    return (await ctx.services.baskets.priced(basket.entity)).currency;
  }

  @FieldResolver(() => TotalsObject, { nullable: true, description: 'Totals of the lines that can be priced; null while empty.' })
  async totals(@Root() basket: BasketObject, @Ctx() ctx: OrdersContext): Promise<TotalsObject | null> {
    const priced = await ctx.services.baskets.priced(basket.entity);
    return priced.totals && priced.currency ? TotalsObject.of(priced.totals, priced.currency, priced.taxRatePercent) : null;
  }
}

/** A line's live price: looked up with the whole basket's (one gateway request per request). */
@Resolver(() => BasketLineObject)
export class BasketLineResolver {
  private async priced(line: BasketLineObject, ctx: OrdersContext) {
    const basket = await ctx.services.baskets.priced(line.basket);
    return basket.lines.find((l) => l.line === line.line) ?? null;
  }

  @FieldResolver(() => MoneyObject, { nullable: true, description: "The company's unit price at this quantity; null without prices.view, or when the product can no longer be bought." })
  async unitPrice(@Root() line: BasketLineObject, @Ctx() ctx: OrdersContext): Promise<MoneyObject | null> {
    const priced = await this.priced(line, ctx);
    return priced?.unitPrice && priced.product?.currency ? MoneyObject.of(priced.unitPrice, priced.product.currency) : null;
  }

  @FieldResolver(() => MoneyObject, { nullable: true })
  async lineTotal(@Root() line: BasketLineObject, @Ctx() ctx: OrdersContext): Promise<MoneyObject | null> {
    const priced = await this.priced(line, ctx);
    return priced?.lineTotal && priced.product?.currency ? MoneyObject.of(priced.lineTotal, priced.product.currency) : null;
  }

  @FieldResolver(() => Boolean, { description: 'False when the product can no longer be bought (discontinued, or no longer in your assortment).' })
  async available(@Root() line: BasketLineObject, @Ctx() ctx: OrdersContext): Promise<boolean> {
    return !!(await this.priced(line, ctx))?.product;
  }
}
