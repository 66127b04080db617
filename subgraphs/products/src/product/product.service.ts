import { badUserInput, notFound } from '@hub/errors';
import { executePrepared } from '@hub/database';
import { Decimal } from '@hub/money';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { ProductsContext } from '../context';
import { isInAssortment } from '../customer/customer-profile.service';
import { ProductEntity } from './product.entity';
import { searchTerms } from './product-search';
import { PRODUCT_COLUMNS, productFromRow } from './product-row';
import { pgTextArray } from '../sql/pg-text-array';

export const MAX_PAGE_SIZE = 100;
const MAX_FILTER_VALUES = 100;

export type ProductSortField = 'RELEVANCE' | 'SKU' | 'NAME' | 'LIST_PRICE';
export type SortDirection = 'ASC' | 'DESC';

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

export interface ProductPage {
  products: ProductEntity[];
  hasNextPage: boolean;
  /** Counted only when asked for (a separate statement, cached for a few seconds). */
  totalCount: () => Promise<number>;
  cursorOf: (product: ProductEntity) => string;
}

interface CursorData {
  f: ProductSortField;
  d: SortDirection;
  v: string | number | null;
  s: string;
}

/** Cursors are opaque to clients: base64url of the sort, the last sort value and SKU seen. */
export function encodeCursor(data: CursorData): string {
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: ProductSortField, direction: SortDirection): CursorData {
  let data: CursorData;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput('Invalid cursor.', 'after');
  }
  if (!data || typeof data !== 'object' || typeof data.s !== 'string' || data.f !== field || data.d !== direction) {
    throw badUserInput('Invalid cursor (or one from a differently sorted list).', 'after');
  }
  return data;
}

export { pgTextArray };

/**
 * totalCount is cached per query shape and audience for a short while: counting a large category
 * costs far more than the page itself, and a count a few seconds old is good enough for "4,457 items".
 */
const COUNT_CACHE_MS = 30_000;
const countCache = new Map<string, { at: number; count: Promise<number> }>();

/**
 * The catalogue. One statement per page (plus a count when asked for), whatever the page size:
 * search, category subtree, web assortment, filters and keyset pagination are all in its WHERE.
 *
 * Search: every word of the search (accents folded, see product-search.ts) must occur in the
 * product's search text (SKU, SKU without separators, name, description, specifications); a
 * trigram index serves the substring matches. Default order: by relevance (words in the name
 * first) when searching, else by SKU.
 */
export class ProductService {
  constructor(private readonly ctx: ProductsContext) {}

  async page(args: ProductPageArgs): Promise<ProductPage> {
    checkPageSize(args.first, { max: MAX_PAGE_SIZE });
    const search = args.search?.trim() ?? '';
    if (search.length > 200) throw badUserInput('Search text is too long.', 'search');
    const terms = search ? searchTerms(search) : [];

    const where: string[] = ['p.active'];
    const params: unknown[] = [];
    for (const term of terms) {
      where.push('p.search_text like ?');
      params.push(`%${term}%`);
    }

    const audiences = await this.ctx.services.profiles.audiences();
    if (audiences) {
      where.push('(p.web_assortment is null or p.web_assortment && ?::text[])');
      params.push(pgTextArray(audiences));
    }

    let codes = args.categoryCodes ?? null;
    if (args.categoryId) codes = await this.ctx.services.categories.subtreeCodes(await this.ctx.services.categories.get(args.categoryId));
    // The category condition for counting and for pages not in SKU order (those in SKU order read
    // each category's (category_code, sku) index instead, see below).
    const categoryWhere = codes ? 'exists (select 1 from products.product_category pc where pc.product_id = p.id and pc.category_code = any(?::text[]))' : null;

    this.applyFilters(args.filters ?? null, where, params);

    const field: ProductSortField = args.sort?.field ?? (terms.length > 0 ? 'RELEVANCE' : 'SKU');
    const direction: SortDirection = args.sort?.direction ?? 'ASC';
    const effective: ProductSortField = field === 'RELEVANCE' && terms.length === 0 ? 'SKU' : field;
    const sortExpr: Record<ProductSortField, { sql: string; cast: string; params: unknown[] }> = {
      SKU: { sql: '', cast: '', params: [] },
      NAME: { sql: 'p.name', cast: '::text', params: [] },
      LIST_PRICE: { sql: 'p.list_price', cast: '::numeric', params: [] },
      RELEVANCE: { sql: '(case when lower(p.name) like all(?::text[]) then 0 else 1 end)', cast: '::int', params: [pgTextArray(terms.map((t) => `%${t}%`))] },
    };
    const sort = sortExpr[effective];

    const countWhere = [...where, ...(categoryWhere ? [categoryWhere] : [])];
    const countParams = [...params, ...(codes ? [pgTextArray(codes)] : [])];
    // SKU order within categories: SKUs follow the ERP's item groups, so walking the product SKU
    // index and probing each product's categories would read most of the catalogue for a small
    // category. Instead one branch per category reads its (category_code, sku) index in order.
    const byCategoryIndex = !!codes && effective === 'SKU';
    if (codes && !byCategoryIndex) {
      where.push(categoryWhere!);
      params.push(pgTextArray(codes));
    }
    const cmp = direction === 'ASC' ? '>' : '<';
    if (args.after) {
      const cursor = decodeCursor(args.after, field, direction);
      if (sort.sql) {
        const valid =
          effective === 'NAME' ? typeof cursor.v === 'string' : effective === 'RELEVANCE' ? Number.isInteger(cursor.v) : typeof cursor.v === 'string' && /^-?\d+(\.\d+)?$/.test(cursor.v);
        if (!valid) throw badUserInput('Invalid cursor.', 'after');
        where.push(`(${sort.sql}, p.sku) ${cmp} (?${sort.cast}, ?)`);
        params.push(...sort.params, cursor.v, cursor.s);
      } else {
        where.push(`${byCategoryIndex ? 'pc' : 'p'}.sku ${cmp} ?`);
        params.push(cursor.s);
      }
    }

    const dir = direction === 'ASC' ? 'asc' : 'desc';
    const orderBy = sort.sql ? `${sort.sql} ${dir}, p.sku ${dir}` : `p.sku ${dir}`;
    const select = sort.sql ? `, ${sort.sql} as sort_value` : '';
    let rows: Array<Record<string, unknown>>;
    if (byCategoryIndex) {
      const branch = `(select ${PRODUCT_COLUMNS} from products.product_category pc join products.product p on p.id = pc.product_id
                        where pc.category_code = ? and ${where.join(' and ')} order by pc.sku ${dir} limit ?)`;
      const sql = `select distinct on (u.sku) u.* from (${codes!.map(() => branch).join(' union all ')}) u order by u.sku ${dir} limit ?`;
      rows = await executePrepared(this.ctx.em, sql, [...codes!.flatMap((code) => [code, ...params, args.first + 1]), args.first + 1]);
    } else {
      const sql = `select ${PRODUCT_COLUMNS}${select} from products.product p where ${where.join(' and ')} order by ${orderBy} limit ?`;
      rows = await executePrepared(this.ctx.em, sql, [...sort.params, ...params, ...sort.params, args.first + 1]);
    }
    const page = rows.slice(0, args.first);
    const sortValues = new Map<string, string | number | null>();
    const products = page.map((row) => {
      const product = productFromRow(row);
      sortValues.set(product.id, sort.sql ? (row.sort_value as string | number | null) : null);
      return product;
    });
    for (const product of products) this.ctx.loaders.productById.prime(product.id, product);

    return {
      products,
      hasNextPage: rows.length > args.first,
      totalCount: () => this.count(countWhere, countParams),
      cursorOf: (product) => encodeCursor({ f: field, d: direction, v: sortValues.get(product.id) ?? null, s: product.sku }),
    };
  }

  private applyFilters(filters: ProductFilters | null, where: string[], params: unknown[]): void {
    if (!filters) return;
    if (filters.inStock === true || filters.inStock === false) {
      where.push(`${filters.inStock ? '' : 'not '}exists (select 1 from products.stock_level s where s.product_id = p.id and s.on_hand - s.reserved > 0)`);
    }
    const price = (value: Decimal.Value | null | undefined, name: string): string | null => {
      if (value === null || value === undefined) return null;
      let d: Decimal;
      try {
        d = new Decimal(value);
      } catch {
        throw badUserInput(`${name} must be a decimal number.`, name);
      }
      if (!d.isFinite() || d.isNegative()) throw badUserInput(`${name} must not be negative.`, name);
      return d.toString();
    };
    const min = price(filters.minListPrice, 'minListPrice');
    const max = price(filters.maxListPrice, 'maxListPrice');
    if (min !== null && max !== null && new Decimal(min).gt(max)) throw badUserInput('minListPrice is above maxListPrice.', 'minListPrice');
    if (min !== null) {
      where.push('p.list_price >= ?::numeric');
      params.push(min);
    }
    if (max !== null) {
      where.push('p.list_price <= ?::numeric');
      params.push(max);
    }
    if (filters.skus) {
      if (filters.skus.length > MAX_FILTER_VALUES) throw badUserInput(`At most ${MAX_FILTER_VALUES} SKUs.`, 'skus');
      where.push('p.sku = any(?::text[])');
      params.push(pgTextArray(filters.skus));
    }
    if (filters.specifications) {
      if (filters.specifications.length > 20) throw badUserInput('At most 20 specification filters.', 'specifications');
      for (const spec of filters.specifications) {
        where.push('p.specifications @> ?::jsonb');
        params.push(JSON.stringify([{ name: spec.name, value: spec.value }]));
      }
    }
  }

  private count(where: string[], params: unknown[]): Promise<number> {
    const sql = `select count(*)::int as n from products.product p where ${where.join(' and ')}`;
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const now = Date.now();
    const hit = countCache.get(key);
    if (hit && now - hit.at < COUNT_CACHE_MS) return hit.count;
    if (countCache.size > 1000) countCache.clear();
    const count = executePrepared(this.ctx.em, sql, params).then((rows) => Number((rows[0] as { n: number }).n));
    countCache.set(key, { at: now, count });
    count.catch(() => countCache.delete(key));
    return count;
  }

  async get(args: { id?: string | null; sku?: string | null }): Promise<ProductEntity> {
    if ((args.id ? 1 : 0) + (args.sku ? 1 : 0) !== 1) throw badUserInput('Give exactly one of id or sku.');
    const audiences = await this.ctx.services.profiles.audiences();
    if (args.id) {
      if (!isUuid(args.id)) throw badUserInput('Product id must be a UUID.', 'id');
      const product = await this.ctx.loaders.productById.load(args.id);
      if (!product || !product.active || !isInAssortment(product.webAssortment, audiences)) throw notFound('Product', args.id);
      return product;
    }
    const product = await this.ctx.loaders.productBySku.load(args.sku!);
    if (!product || !isInAssortment(product.webAssortment, audiences)) throw notFound('Product', args.sku!);
    return product;
  }

  async findById(id: string): Promise<ProductEntity | null> {
    if (!isUuid(id)) return null;
    return this.ctx.loaders.productById.load(id);
  }

  /** Related or substitute items the viewer may see, in the ERP's order; one query per tick for all. */
  async bySkus(skus: string[]): Promise<ProductEntity[]> {
    if (skus.length === 0) return [];
    const [audiences, products] = await Promise.all([this.ctx.services.profiles.audiences(), this.ctx.loaders.productBySku.loadMany(skus)]);
    return products.filter((p): p is ProductEntity => !!p && !(p instanceof Error) && isInAssortment(p.webAssortment, audiences));
  }
}
