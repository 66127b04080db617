import DataLoader from 'dataloader';
import { badUserInput, notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { CategoryService } from '../category/category.service';
import { CustomerProfileService, isInAssortment } from '../customer/customer-profile.service';
import { ProductEntity } from './product.entity';
import { searchTerms } from './product-search';
import { CatalogueTrace } from '../catalogue-cache/catalogue-trace';
import { CatalogueFilters, NO_FILTERS, ProductPage, ProductRepository, ProductSortField, SortDirection } from './product.repository';

export const MAX_PAGE_SIZE = 100;
/** Lines per orderableProducts request: a full basket and a bulk entry into it (500 each). */
export const MAX_ORDERABLE_LINES = 1000;

/** Whether the viewer can order an item: AVAILABLE, NOT_SOLD_TO_YOU (outside its web assortment), DISCONTINUED, UNKNOWN, or INVALID_CONFIGURATION (a configured product's options break a rule). */
export type OrderableStatus = 'AVAILABLE' | 'NOT_SOLD_TO_YOU' | 'DISCONTINUED' | 'UNKNOWN' | 'INVALID_CONFIGURATION';

export interface OrderableLine {
  sku: string | null;
  productId: string | null;
  quantity: number;
}

export interface Orderable extends OrderableLine {
  status: OrderableStatus;
  /** Only when AVAILABLE. */
  product: ProductEntity | null;
}

const MAX_FILTER_VALUES = 100;

export interface ProductFilters {
  inStock?: boolean | null;
  minListPrice?: Decimal.Value | null;
  maxListPrice?: Decimal.Value | null;
  skus?: string[] | null;
  specifications?: Array<{ name: string; value: string }> | null;
}

export interface ProductPageArgs {
  search?: string | null;
  categoryId?: string | null;
  /** Category codes to restrict to (a category and its subtree), set by Category.products. */
  categoryCodes?: string[] | null;
  filters?: ProductFilters | null;
  sort?: { field: ProductSortField; direction: SortDirection } | null;
  first: number;
  after?: string | null;
}

export interface ProductLoaders {
  productById: DataLoader<string, ProductEntity | null>;
  /** Active products only. */
  productBySku: DataLoader<string, ProductEntity | null>;
}

/**
 * The catalogue's rules: page size and search limits, who sees what of the web assortment, the
 * category subtree, filter validation and the default order. The SQL is the repository's.
 *
 * Search: every word of the search (accents folded, see product-search.ts) must occur in the
 * product's search text (SKU, SKU without separators, name, description, specifications). Default
 * order: by relevance (words in the name first) when searching, else by SKU.
 */
export class ProductService {
  constructor(
    private readonly products: ProductRepository,
    private readonly profiles: CustomerProfileService,
    private readonly categories: CategoryService,
    private readonly loaders: ProductLoaders,
    /** What the answer shows, for the catalogue cache. */
    private readonly trace: CatalogueTrace = new CatalogueTrace(),
  ) {}

  async page(args: ProductPageArgs): Promise<ProductPage> {
    checkPageSize(args.first, { max: MAX_PAGE_SIZE });
    const search = args.search?.trim() ?? '';
    if (search.length > 200) throw badUserInput('Search text is too long.', 'search');
    const terms = search ? searchTerms(search) : [];
    const audiences = await this.profiles.audiences();
    let categoryCodes = args.categoryCodes ?? null;
    if (args.categoryId) categoryCodes = await this.categories.subtreeCodes(await this.categories.get(args.categoryId));
    const filters = validFilters(args.filters ?? null);

    const page = await this.products.page({
      terms,
      audiences,
      categoryCodes,
      filters,
      sort: { field: args.sort?.field ?? (terms.length > 0 ? 'RELEVANCE' : 'SKU'), direction: args.sort?.direction ?? 'ASC' },
      first: args.first,
      after: args.after ?? null,
    });
    for (const product of page.products) this.loaders.productById.prime(product.id, product);
    this.trace.sawPage(filters.inStock !== null);
    this.trace.sawProducts(page.products.map((p) => p.id));
    return page;
  }

  async get(args: { id?: string | null; sku?: string | null }): Promise<ProductEntity> {
    if ((args.id ? 1 : 0) + (args.sku ? 1 : 0) !== 1) throw badUserInput('Give exactly one of id or sku.');
    const audiences = await this.profiles.audiences();
    if (args.id) {
      if (!isUuid(args.id)) throw badUserInput('Product id must be a UUID.', 'id');
      const product = await this.loaders.productById.load(args.id);
      // An unknown id too: the ERP may send it later.
      this.trace.sawProducts([product?.id ?? args.id]);
      if (!product || !product.active || !isInAssortment(product.webAssortment, audiences)) throw notFound('Product', args.id);
      return product;
    }
    const product = await this.loaders.productBySku.load(args.sku!);
    if (!product || !isInAssortment(product.webAssortment, audiences)) throw notFound('Product', args.sku!);
    this.trace.sawProducts([product.id]);
    return product;
  }

  /**
   * For orders (the orders subgraph asks it through the gateway, as the customer): each line's
   * product by SKU or id, whether the viewer can order it (unlike product(sku|id), which answers
   * NOT_FOUND alike for an unknown item, one outside the viewer's assortment and a discontinued one),
   * in the order asked; two statements for any number of lines. Its price at the line's quantity is
   * OrderableProduct.unitPrice (batched like Product.price).
   */
  async orderable(lines: readonly OrderableLine[]): Promise<Orderable[]> {
    if (lines.length > MAX_ORDERABLE_LINES) throw badUserInput(`At most ${MAX_ORDERABLE_LINES} lines.`, 'lines');
    lines.forEach((line, i) => {
      if ((line.sku ? 1 : 0) + (line.productId ? 1 : 0) !== 1) throw badUserInput('Give exactly one of sku or productId.', `lines.${i}`);
      if (line.sku !== null && line.sku.length > 100) throw badUserInput('A SKU has at most 100 characters.', `lines.${i}.sku`);
      if (line.productId !== null && !isUuid(line.productId)) throw badUserInput('productId must be a UUID.', `lines.${i}.productId`);
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 100_000) throw badUserInput('quantity must be a whole number from 1 to 100,000.', `lines.${i}.quantity`);
    });
    const skus = [...new Set(lines.filter((l) => l.sku !== null).map((l) => l.sku!))];
    const ids = [...new Set(lines.filter((l) => l.productId !== null).map((l) => l.productId!))];
    const [audiences, bySku, byId] = await Promise.all([this.profiles.audiences(), this.products.anyBySkus(skus), this.products.anyByIds(ids)]);
    const products = new Map<string, ProductEntity>();
    for (const p of [...bySku, ...byId]) products.set(`sku:${p.sku}`, p).set(`id:${p.id}`, p);
    return lines.map((line): Orderable => {
      const product = products.get(line.sku !== null ? `sku:${line.sku}` : `id:${line.productId}`);
      if (!product) return { ...line, status: 'UNKNOWN', product: null };
      if (!product.active) return { ...line, status: 'DISCONTINUED', product: null };
      if (!isInAssortment(product.webAssortment, audiences)) return { ...line, status: 'NOT_SOLD_TO_YOU', product: null };
      this.loaders.productById.prime(product.id, product);
      return { ...line, status: 'AVAILABLE', product };
    });
  }

  async findById(id: string): Promise<ProductEntity | null> {
    if (!isUuid(id)) return null;
    return this.loaders.productById.load(id);
  }

  /** Related or substitute items the viewer may see, in the ERP's order; one query per tick for all. */
  async bySkus(skus: string[]): Promise<ProductEntity[]> {
    if (skus.length === 0) return [];
    const [audiences, products] = await Promise.all([this.profiles.audiences(), this.loaders.productBySku.loadMany(skus)]);
    // A related SKU the ERP has not sent (or retired) may come: any product change empties such answers (they are pages of a kind).
    if (products.some((p) => !p || p instanceof Error)) this.trace.sawPage(false);
    this.trace.sawProducts(products.filter((p): p is ProductEntity => !!p && !(p instanceof Error)).map((p) => p.id));
    return products.filter((p): p is ProductEntity => !!p && !(p instanceof Error) && isInAssortment(p.webAssortment, audiences));
  }
}

function validPrice(value: Decimal.Value | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return null;
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw badUserInput(`${name} must be a decimal number.`, name);
  }
  if (!d.isFinite() || d.isNegative()) throw badUserInput(`${name} must not be negative.`, name);
  return d.toString();
}

function validFilters(filters: ProductFilters | null): CatalogueFilters {
  if (!filters) return NO_FILTERS;
  const min = validPrice(filters.minListPrice, 'minListPrice');
  const max = validPrice(filters.maxListPrice, 'maxListPrice');
  if (min !== null && max !== null && new Decimal(min).gt(max)) throw badUserInput('minListPrice is above maxListPrice.', 'minListPrice');
  if (filters.skus && filters.skus.length > MAX_FILTER_VALUES) throw badUserInput(`At most ${MAX_FILTER_VALUES} SKUs.`, 'skus');
  if (filters.specifications && filters.specifications.length > 20) throw badUserInput('At most 20 specification filters.', 'specifications');
  return {
    inStock: filters.inStock === true || filters.inStock === false ? filters.inStock : null,
    minListPrice: min,
    maxListPrice: max,
    skus: filters.skus ?? null,
    specifications: filters.specifications ?? null,
  };
}
