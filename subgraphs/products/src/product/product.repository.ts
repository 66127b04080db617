import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { badUserInput } from '@hub/errors';
import { pgTextArray } from '../sql/pg-text-array';
import { ProductEntity } from './product.entity';
import { PRODUCT_COLUMNS, productFromRow } from './product-row';

export type ProductSortField = 'RELEVANCE' | 'SKU' | 'NAME' | 'LIST_PRICE';
export type SortDirection = 'ASC' | 'DESC';

/** Filters as the service validated them (prices are decimal strings, never negative, min ≤ max). */
export interface CatalogueFilters {
  inStock: boolean | null;
  minListPrice: string | null;
  maxListPrice: string | null;
  skus: readonly string[] | null;
  specifications: ReadonlyArray<{ name: string; value: string }> | null;
}

export const NO_FILTERS: CatalogueFilters = { inStock: null, minListPrice: null, maxListPrice: null, skus: null, specifications: null };

/** One catalogue page as the service settled it: who is asking, what, in which order. */
export interface CatalogueQuery {
  /** Normalised search words (see searchTerms); every one must occur in the product's search text. */
  terms: readonly string[];
  /** The viewer's web-assortment audiences; null sees everything (staff). */
  audiences: readonly string[] | null;
  /** A category and all below it; null for the whole catalogue. */
  categoryCodes: readonly string[] | null;
  filters: CatalogueFilters;
  /** RELEVANCE without search words reads in SKU order (the cursor still names RELEVANCE). */
  sort: { field: ProductSortField; direction: SortDirection };
  first: number;
  /** The cursor of the last product seen (from `cursorOf`). */
  after: string | null;
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

/**
 * totalCount is cached per query shape and audience for a short while: counting a large category
 * costs far more than the page itself, and a count a few seconds old is good enough for "4,457 items".
 * Per process, shared by every request.
 */
export const COUNT_CACHE_MS = 30_000;
const countCache = new Map<string, { at: number; count: Promise<number> }>();

/** Forgets the counts (the catalogue cache calls it when a sync changed items or stock, so a cached page never keeps an old count). */
export function forgetProductCounts(): void {
  countCache.clear();
}

/**
 * The catalogue's SQL. One statement per page (plus a count when asked for), whatever the page size:
 * search, category subtree, web assortment, filters and keyset pagination are all in its WHERE.
 * Reads are prepared statements (see executePrepared): planning them costs as much as running them.
 */
export class ProductRepository {
  constructor(private readonly em: EntityManager) {}

  async page(query: CatalogueQuery): Promise<ProductPage> {
    const { terms, first } = query;
    const { field, direction } = query.sort;
    const where: string[] = ['p.active'];
    const params: unknown[] = [];
    // Substring matches, served by the trigram index on search_text.
    for (const term of terms) {
      where.push('p.search_text like ?');
      params.push(`%${term}%`);
    }
    if (query.audiences) {
      where.push('(p.web_assortment is null or p.web_assortment && ?::text[])');
      params.push(pgTextArray(query.audiences));
    }

    const codes = query.categoryCodes;
    // The category condition for counting and for pages not in SKU order (those in SKU order read
    // each category's (category_code, sku) index instead, see below).
    const categoryWhere = codes ? 'exists (select 1 from products.product_category pc where pc.product_id = p.id and pc.category_code = any(?::text[]))' : null;

    filterConditions(query.filters, where, params);

    const effective: ProductSortField = field === 'RELEVANCE' && terms.length === 0 ? 'SKU' : field;
    // Relevance: products with every word in the name first.
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
    if (query.after) {
      const cursor = decodeCursor(query.after, field, direction);
      if (sort.sql) {
        const valid =
          effective === 'NAME' ? typeof cursor.v === 'string' : effective === 'RELEVANCE' ? Number.isInteger(cursor.v) : typeof cursor.v === 'string' && /^-?\d+(\.\d+)?$/.test(cursor.v);
        if (!valid) throw badUserInput('Invalid cursor.', 'after');
        // Keyset on (sort value, SKU): equal sort values are ordered, and paged, by SKU.
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
    // One row more than the page tells whether there is a next page.
    let rows: Array<Record<string, unknown>>;
    if (byCategoryIndex) {
      const branch = `(select ${PRODUCT_COLUMNS} from products.product_category pc join products.product p on p.id = pc.product_id
                        where pc.category_code = ? and ${where.join(' and ')} order by pc.sku ${dir} limit ?)`;
      // A product in several of the categories comes once.
      const sql = `select distinct on (u.sku) u.* from (${codes!.map(() => branch).join(' union all ')}) u order by u.sku ${dir} limit ?`;
      rows = await executePrepared(this.em, sql, [...codes!.flatMap((code) => [code, ...params, first + 1]), first + 1]);
    } else {
      const sql = `select ${PRODUCT_COLUMNS}${select} from products.product p where ${where.join(' and ')} order by ${orderBy} limit ?`;
      rows = await executePrepared(this.em, sql, [...sort.params, ...params, ...sort.params, first + 1]);
    }
    const sortValues = new Map<string, string | number | null>();
    const products = rows.slice(0, first).map((row) => {
      const product = productFromRow(row);
      sortValues.set(product.id, sort.sql ? (row.sort_value as string | number | null) : null);
      return product;
    });

    return {
      products,
      hasNextPage: rows.length > first,
      totalCount: () => this.count(countWhere, countParams),
      cursorOf: (product) => encodeCursor({ f: field, d: direction, v: sortValues.get(product.id) ?? null, s: product.sku }),
    };
  }

  /** Active products by SKU (product(sku), related and substitute items); unknown and retired SKUs are left out. */
  /** Products with these ids, active or not, in one statement. */
  async anyByIds(ids: readonly string[]): Promise<ProductEntity[]> {
    if (ids.length === 0) return [];
    const rows = await executePrepared<Record<string, unknown>>(this.em, `select ${PRODUCT_COLUMNS} from products.product p where p.id = any(?::uuid[])`, [pgTextArray(ids)]);
    return rows.map(productFromRow);
  }

  /** Products with these SKUs, active or not, in one statement (what a bulk order entry reports on). */
  async anyBySkus(skus: readonly string[]): Promise<ProductEntity[]> {
    if (skus.length === 0) return [];
    const rows = await executePrepared<Record<string, unknown>>(this.em, `select ${PRODUCT_COLUMNS} from products.product p where p.sku = any(?::text[])`, [pgTextArray(skus)]);
    return rows.map(productFromRow);
  }

  async activeBySkus(skus: readonly string[]): Promise<ProductEntity[]> {
    const rows = await executePrepared<Record<string, unknown>>(this.em, `select ${PRODUCT_COLUMNS} from products.product p where p.sku = any(?::text[]) and p.active`, [
      pgTextArray(skus),
    ]);
    return rows.map(productFromRow);
  }

  private count(where: string[], params: unknown[]): Promise<number> {
    const sql = `select count(*)::int as n from products.product p where ${where.join(' and ')}`;
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const now = Date.now();
    const hit = countCache.get(key);
    if (hit && now - hit.at < COUNT_CACHE_MS) return hit.count;
    if (countCache.size > 1000) countCache.clear();
    const count = executePrepared<{ n: number }>(this.em, sql, params).then((rows) => Number(rows[0].n));
    countCache.set(key, { at: now, count });
    // A failed count is not kept: the next request counts again.
    count.catch(() => countCache.delete(key));
    return count;
  }
}

function filterConditions(filters: CatalogueFilters, where: string[], params: unknown[]): void {
  if (filters.inStock !== null) {
    where.push(`${filters.inStock ? '' : 'not '}exists (select 1 from products.stock_level s where s.product_id = p.id and s.on_hand - s.reserved > 0)`);
  }
  if (filters.minListPrice !== null) {
    where.push('p.list_price >= ?::numeric');
    params.push(filters.minListPrice);
  }
  if (filters.maxListPrice !== null) {
    where.push('p.list_price <= ?::numeric');
    params.push(filters.maxListPrice);
  }
  if (filters.skus) {
    where.push('p.sku = any(?::text[])');
    params.push(pgTextArray(filters.skus));
  }
  for (const spec of filters.specifications ?? []) {
    where.push('p.specifications @> ?::jsonb');
    params.push(JSON.stringify([{ name: spec.name, value: spec.value }]));
  }
}
