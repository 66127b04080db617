import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { ProductsContext } from '../context';
import { CategoryObject } from '../category/category.object';
import { PriceObject } from '../price/price.object';
import { ProductStockObject } from '../stock/stock.object';
import { ProductConnection } from './product-connection.object';
import { ProductFilterInput, ProductSortInput } from './product.inputs';
import { ProductObject } from './product.object';
import { localisedText } from './product-language';
import { OrderableLineInput, OrderableProductObject } from './orderable-product.object';
import { validChosenOptions } from '../configurator/configurator.service';

@Resolver(() => ProductObject)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description:
      'The catalogue the viewer may see (web assortment). search: every word must occur in SKU, name, description or specifications, ' +
      'accents ignored, SKU fragments allowed. categoryId: a web category and everything below it.',
  })
  async products(
    @Ctx() ctx: ProductsContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId?: string | null,
    @Arg('filters', () => ProductFilterInput, { nullable: true }) filters?: ProductFilterInput | null,
    @Arg('sort', () => ProductSortInput, { nullable: true }) sort?: ProductSortInput | null,
    @Arg('first', () => Int, { defaultValue: 24 }) first = 24,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ProductConnection> {
    return ProductConnection.from(await ctx.services.products.page({ search, categoryId, filters, sort, first, after }));
  }

  @Query(() => ProductObject, { description: 'One product by id or by SKU.' })
  async product(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('sku', () => String, { nullable: true }) sku?: string | null,
  ): Promise<ProductObject> {
    return ProductObject.from(await ctx.services.products.get({ id, sku }));
  }

  @Query(() => [OrderableProductObject], {
    description:
      'For order entry: each line\'s product (by sku or productId) if you can order it, else why not (unknown, outside your assortment, ' +
      'discontinued), with your price at its quantity; in the order asked, at most 1,000 lines. Anonymous visitors (the public shop) get the public assortment at public prices.',
  })
  async orderableProducts(@Ctx() ctx: ProductsContext, @Arg('lines', () => [OrderableLineInput]) lines: OrderableLineInput[]): Promise<OrderableProductObject[]> {
    const options = lines.map((l, i) => (l.options ? validChosenOptions(l.options, `lines.${i}.options`) : null));
    const orderable = await ctx.services.products.orderable(lines.map((l) => ({ sku: l.sku ?? null, productId: l.productId ?? null, quantity: l.quantity })));
    return (await ctx.services.configurator.judge(orderable, options)).map(OrderableProductObject.from);
  }

  @FieldResolver(() => String, { description: "In the caller's language (the user's own, else the company's default, else Accept-Language, else the deployment's) where the ERP has it, else the base text." })
  async name(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<string> {
    return (await this.localised(product, ctx)).name;
  }

  @FieldResolver(() => String, { description: 'In the same language as name.' })
  async description(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<string> {
    return (await this.localised(product, ctx)).description;
  }

  @FieldResolver(() => String, { description: 'The ISO 639-1 code of the language name and description are in ("en" for the base texts).' })
  async textLanguage(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<string> {
    return (await this.localised(product, ctx)).language;
  }

  private async localised(product: ProductObject, ctx: ProductsContext) {
    return localisedText(product, product.entity.translations, await ctx.services.texts.languages());
  }

  @FieldResolver(() => MoneyObject, {
    nullable: true,
    description:
      'The unit price for the signed-in company at this quantity, in its currency; null without the prices.view permission. ' +
      'Customer-specific before customer-group before list price, the highest quantity break, a valid promotion when lower.',
  })
  price(@Root() product: ProductObject, @Ctx() ctx: ProductsContext, @Arg('quantity', () => Int, { defaultValue: 1 }) quantity = 1): Promise<MoneyObject | null> {
    return ctx.services.prices.priceFor(product.entity, quantity);
  }

  @FieldResolver(() => PriceObject, { nullable: true, description: 'The price with its source, list price and exchange rate; null without prices.view.' })
  async priceDetail(@Root() product: ProductObject, @Ctx() ctx: ProductsContext, @Arg('quantity', () => Int, { defaultValue: 1 }) quantity = 1): Promise<PriceObject | null> {
    const detail = await ctx.services.prices.detailFor(product.entity, quantity);
    return detail ? PriceObject.from(quantity, detail) : null;
  }

  @FieldResolver(() => ProductStockObject, { nullable: true, description: "Stock as the company's display policy allows; null when the policy hides it." })
  async stock(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<ProductStockObject | null> {
    const stock = await ctx.services.stock.stockFor(product.entity);
    return stock ? ProductStockObject.from(stock) : null;
  }

  @FieldResolver(() => [CategoryObject], { description: 'The web categories the product sits in.' })
  async categories(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<CategoryObject[]> {
    return (await ctx.services.categories.ofProductId(product.id)).map(CategoryObject.from);
  }

  @FieldResolver(() => [ProductObject], { description: 'Items sold together with this one (those the viewer may see).' })
  async related(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<ProductObject[]> {
    return (await ctx.services.products.bySkus(product.entity.relatedSkus ?? [])).map(ProductObject.from);
  }

  @FieldResolver(() => [ProductObject], { description: 'Items that can replace this one (those the viewer may see).' })
  async substitutes(@Root() product: ProductObject, @Ctx() ctx: ProductsContext): Promise<ProductObject[]> {
    return (await ctx.services.products.bySkus(product.entity.substituteSkus ?? [])).map(ProductObject.from);
  }
}

@Resolver(() => ProductConnection)
export class ProductConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many products match, over all pages.' })
  totalCount(@Root() connection: ProductConnection): Promise<number> {
    return connection.count();
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Prices and stock as of: when the last sync that changed the catalogue (items, prices or stock) committed; this answer includes every change up to then. Null before the first such sync.',
  })
  async pricesAsOf(@Ctx() ctx: ProductsContext): Promise<Date | null> {
    // The catalogue cache has read it already where it answered; otherwise one index probe.
    if (ctx.catalogue.pricesAsOf === undefined) ctx.catalogue.pricesAsOf = await ctx.services.catalogueChanges.latestChangeAt();
    return ctx.catalogue.pricesAsOf;
  }
}

@Resolver(() => OrderableProductObject)
export class OrderableProductResolver {
  @FieldResolver(() => MoneyObject, { nullable: true, description: 'Your unit price at the quantity (see Product.price); null when not AVAILABLE or without prices.view.' })
  unitPrice(@Root() line: OrderableProductObject, @Ctx() ctx: ProductsContext): Promise<MoneyObject | null> | MoneyObject | null {
    if (line.status !== 'AVAILABLE' || !line.entity) return null;
    // A configured product: its price with the options chosen (already priced with the judgement).
    if (line.configured) return line.configuration?.unitPrice ?? null;
    return ctx.services.prices.priceFor(line.entity, line.quantity);
  }
}
