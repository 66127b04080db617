import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ProductsContext } from '../context';
import { ProductConnection } from '../product/product-connection.object';
import { ProductFilterInput, ProductSortInput } from '../product/product.inputs';
import { CategoryObject } from './category.object';
import { CATEGORY_TEXTS } from './category-texts';

@Resolver(() => CategoryObject)
export class CategoryResolver {
  @Query(() => [CategoryObject], { description: 'The top of the web category tree, in display order.' })
  async categories(@Ctx() ctx: ProductsContext): Promise<CategoryObject[]> {
    return (await ctx.services.categories.roots()).map(CategoryObject.from);
  }

  @Query(() => CategoryObject)
  async category(@Ctx() ctx: ProductsContext, @Arg('id', () => ID) id: string): Promise<CategoryObject> {
    return CategoryObject.from(await ctx.services.categories.get(id));
  }

  @FieldResolver(() => String, { description: "In the viewer's language (the user's own, the company's default, Accept-Language, the deployment's): staff's text (hub texts, kind CATEGORY), else the ERP's name." })
  async name(@Root() category: CategoryObject, @Ctx() ctx: ProductsContext): Promise<string> {
    return ctx.services.texts.text(CATEGORY_TEXTS, category.code, undefined, category.name);
  }

  @FieldResolver(() => CategoryObject, { nullable: true })
  async parent(@Root() category: CategoryObject, @Ctx() ctx: ProductsContext): Promise<CategoryObject | null> {
    const parent = await ctx.services.categories.parent(category.entity);
    return parent ? CategoryObject.from(parent) : null;
  }

  @FieldResolver(() => [CategoryObject])
  async children(@Root() category: CategoryObject, @Ctx() ctx: ProductsContext): Promise<CategoryObject[]> {
    return (await ctx.services.categories.children(category.entity)).map(CategoryObject.from);
  }

  @FieldResolver(() => ProductConnection, { description: 'Products in this category and the categories below it.' })
  async products(
    @Root() category: CategoryObject,
    @Ctx() ctx: ProductsContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('filters', () => ProductFilterInput, { nullable: true }) filters?: ProductFilterInput | null,
    @Arg('sort', () => ProductSortInput, { nullable: true }) sort?: ProductSortInput | null,
    @Arg('first', () => Int, { defaultValue: 24 }) first = 24,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ProductConnection> {
    const categoryCodes = await ctx.services.categories.subtreeCodes(category.entity);
    return ProductConnection.from(await ctx.services.products.page({ search, categoryCodes, filters, sort, first, after }));
  }
}
