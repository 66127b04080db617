import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { productsSubgraph } from '../index';
import { CategoryEntity, ProductCategoryEntity } from '../category/category.entity';
import { StockLevelEntity } from '../stock/stock-level.entity';
import { ProductEntity } from './product.entity';
import { CatalogueQuery, COUNT_CACHE_MS, encodeCursor, NO_FILTERS, ProductRepository } from './product.repository';
import { productSearchText, searchTerms } from './product-search';

interface Fixture {
  sku: string;
  name: string;
  price: string;
  description?: string;
  assortment?: string[] | null;
  active?: boolean;
  categories?: string[];
  /** A stock level in warehouse W1 with this much available. */
  available?: number;
  specs?: Array<{ name: string; value: string }>;
}

const CATALOGUE: Fixture[] = [
  { sku: 'A-001', name: 'Hex bolt M8', price: '1.00', categories: ['BOLTS'], available: 10, specs: [{ name: 'Thread', value: 'M8' }] },
  { sku: 'A-002', name: 'Hex bolt M10', price: '1.00', categories: ['BOLTS', 'SALE'], available: 0, specs: [{ name: 'Thread', value: 'M10' }] },
  { sku: 'A-003', name: 'Washer', price: '1.00', categories: ['WASHERS', 'SALE'] },
  { sku: 'A-004', name: 'Washer', price: '2.50', description: 'Fits every bolt', categories: ['WASHERS'], assortment: ['WHOLESALE'], available: 3 },
  { sku: 'A-005', name: 'Nut M8', price: '0.50', assortment: [] },
  { sku: 'A-006', name: 'Nut M10', price: '0.50', assortment: ['CUSTOMERS'], categories: ['SALE'] },
  { sku: 'A-007', name: 'Old bolt', price: '0.10', active: false, categories: ['BOLTS'] },
  { sku: 'B-001', name: 'Anchor bolt', price: '5.00', assortment: ['PUBLIC'], categories: ['BOLTS', 'SALE'], available: 1 },
  { sku: 'B-002', name: 'Anchor', price: '5.00', categories: ['SALE'] },
];
const ACTIVE = ['A-001', 'A-002', 'A-003', 'A-004', 'A-005', 'A-006', 'B-001', 'B-002'];

async function insertCatalogue(em: EntityManager, fixtures: Fixture[]): Promise<void> {
  const categories = new Set(fixtures.flatMap((f) => f.categories ?? []));
  const known = new Set((await em.find(CategoryEntity, {})).map((c) => c.code));
  [...categories].filter((code) => !known.has(code)).forEach((code, position) => em.create(CategoryEntity, { id: randomUUID(), code, parentCode: null, name: code, position }));
  for (const f of fixtures) {
    const product = em.create(ProductEntity, {
      sku: f.sku, name: f.name, description: f.description ?? '', unit: 'piece', listPrice: f.price, currency: 'EUR',
      specifications: f.specs ?? [], webAssortment: f.assortment ?? null, active: f.active ?? true,
    });
    product.searchText = productSearchText(product);
    for (const code of f.categories ?? []) em.create(ProductCategoryEntity, { productId: product.id, categoryCode: code, sku: f.sku });
    if (f.available !== undefined) {
      em.create(StockLevelEntity, { key: `W1:${f.sku}`, warehouseCode: 'W1', warehouseName: 'Main', productId: product.id, onHand: String(f.available), reserved: '0', nextReceiptDate: null, nextReceiptQuantity: null });
    }
  }
  await em.flush();
}

const STAFF = null;
const VISITOR = ['PUBLIC'];
const WHOLESALE_CUSTOMER = ['PUBLIC', 'CUSTOMERS', 'WHOLESALE'];

describe('ProductRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new ProductRepository(db.em());
  const query = (overrides: Partial<CatalogueQuery>): CatalogueQuery => ({
    terms: [], audiences: STAFF, categoryCodes: null, filters: NO_FILTERS, sort: { field: 'SKU', direction: 'ASC' }, first: 24, after: null, ...overrides,
  });

  /** Every page of a query, following the cursors; the SKUs in the order read. */
  async function walk(overrides: Partial<CatalogueQuery>, first: number): Promise<string[]> {
    const skus: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page = await repository().page(query({ ...overrides, first, after }));
      skus.push(...page.products.map((p) => p.sku));
      if (!page.hasNextPage) return skus;
      after = page.cursorOf(page.products.at(-1)!);
    }
    throw new Error('the cursor does not move on');
  }

  const skusOf = async (overrides: Partial<CatalogueQuery>) => (await repository().page(query(overrides))).products.map((p) => p.sku);

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
    await insertCatalogue(db.em(), CATALOGUE);
  });
  afterAll(() => db?.drop());

  it('pages the catalogue in SKU order, both ways, leaving out retired products', async () => {
    expect(await walk({}, 3)).toEqual(ACTIVE);
    expect(await walk({ sort: { field: 'SKU', direction: 'DESC' } }, 3)).toEqual([...ACTIVE].reverse());
    const first = await repository().page(query({ first: 8 }));
    expect(first.hasNextPage).toBe(false);
    expect(first.products[0]).toMatchObject({ sku: 'A-001', name: 'Hex bolt M8', listPrice: '1.0000', currency: 'EUR', specifications: [{ name: 'Thread', value: 'M8' }], webAssortment: null });
  });

  it('pages across equal sort values without losing or repeating a product (ties by SKU)', async () => {
    const byName = ['B-002', 'B-001', 'A-002', 'A-001', 'A-006', 'A-005', 'A-003', 'A-004'];
    expect(await walk({ sort: { field: 'NAME', direction: 'ASC' } }, 1)).toEqual(byName);
    expect(await walk({ sort: { field: 'NAME', direction: 'DESC' } }, 1)).toEqual([...byName].reverse());
    // Pages of two split the three products at 1.00.
    expect(await walk({ sort: { field: 'LIST_PRICE', direction: 'ASC' } }, 2)).toEqual(['A-005', 'A-006', 'A-001', 'A-002', 'A-003', 'A-004', 'B-001', 'B-002']);
    expect(await walk({ sort: { field: 'LIST_PRICE', direction: 'DESC' } }, 2)).toEqual(['B-002', 'B-001', 'A-004', 'A-003', 'A-002', 'A-001', 'A-006', 'A-005']);
  });

  it('reads several categories in SKU order, each product once, page after page', async () => {
    const inBoltsOrSale = ['A-001', 'A-002', 'A-003', 'A-006', 'B-001', 'B-002'];
    expect(await walk({ categoryCodes: ['BOLTS', 'SALE'] }, 2)).toEqual(inBoltsOrSale);
    expect(await walk({ categoryCodes: ['SALE', 'BOLTS'] }, 4)).toEqual(inBoltsOrSale);
    expect(await walk({ categoryCodes: ['BOLTS', 'SALE'], sort: { field: 'SKU', direction: 'DESC' } }, 2)).toEqual([...inBoltsOrSale].reverse());
    expect(await walk({ categoryCodes: ['BOLTS', 'SALE'], audiences: VISITOR }, 2)).toEqual(['A-001', 'A-002', 'A-003', 'B-001', 'B-002']);
    // Other orders take the category as a condition; same products.
    expect(await walk({ categoryCodes: ['BOLTS', 'SALE'], sort: { field: 'NAME', direction: 'ASC' } }, 4)).toEqual(['B-002', 'B-001', 'A-002', 'A-001', 'A-006', 'A-003']);
    expect(await skusOf({ categoryCodes: ['NOTHING'] })).toEqual([]);
  });

  it('shows each audience its web assortment (null: everyone, []: nobody but staff)', async () => {
    expect(await skusOf({ audiences: VISITOR })).toEqual(['A-001', 'A-002', 'A-003', 'B-001', 'B-002']);
    expect(await skusOf({ audiences: ['PUBLIC', 'CUSTOMERS'] })).toEqual(['A-001', 'A-002', 'A-003', 'A-006', 'B-001', 'B-002']);
    expect(await skusOf({ audiences: WHOLESALE_CUSTOMER })).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-006', 'B-001', 'B-002']);
    expect(await skusOf({ audiences: STAFF })).toEqual(ACTIVE);
  });

  it('searches every word, SKUs without separators too; relevance puts words in the name first', async () => {
    const relevance = { field: 'RELEVANCE', direction: 'ASC' } as const;
    expect(await walk({ terms: searchTerms('bolt'), sort: relevance }, 1)).toEqual(['A-001', 'A-002', 'B-001', 'A-004']);
    expect(await skusOf({ terms: searchTerms('hex m8') })).toEqual(['A-001']);
    expect(await skusOf({ terms: searchTerms('A001') })).toEqual(['A-001']);
    // Without words relevance means SKU order; its cursors still belong to a RELEVANCE list.
    expect(await walk({ sort: relevance }, 5)).toEqual(ACTIVE);
  });

  it('filters by stock, list price range, SKUs and specifications', async () => {
    expect(await skusOf({ filters: { ...NO_FILTERS, inStock: true } })).toEqual(['A-001', 'A-004', 'B-001']);
    expect(await skusOf({ filters: { ...NO_FILTERS, inStock: false } })).toEqual(['A-002', 'A-003', 'A-005', 'A-006', 'B-002']);
    expect(await skusOf({ filters: { ...NO_FILTERS, minListPrice: '1', maxListPrice: '2.5' } })).toEqual(['A-001', 'A-002', 'A-003', 'A-004']);
    expect(await skusOf({ filters: { ...NO_FILTERS, skus: ['B-002', 'A-005', 'A-007', 'ZZZ'] } })).toEqual(['A-005', 'B-002']);
    expect(await skusOf({ filters: { ...NO_FILTERS, specifications: [{ name: 'Thread', value: 'M8' }] } })).toEqual(['A-001']);
    expect(await skusOf({ filters: { ...NO_FILTERS, inStock: true, specifications: [{ name: 'Thread', value: 'M10' }] } })).toEqual([]);
  });

  it('refuses cursors that are not its own or belong to another order', async () => {
    const code = (promise: Promise<unknown>) => promise.then(() => 'passed', (error) => error.extensions?.code);
    const byName = await repository().page(query({ first: 1, sort: { field: 'NAME', direction: 'ASC' } }));
    const nameCursor = byName.cursorOf(byName.products[0]);
    expect(await code(repository().page(query({ after: nameCursor, sort: { field: 'NAME', direction: 'ASC' } })))).toBe('passed');
    expect(await code(repository().page(query({ after: nameCursor, sort: { field: 'NAME', direction: 'DESC' } })))).toBe('BAD_USER_INPUT');
    expect(await code(repository().page(query({ after: nameCursor, sort: { field: 'LIST_PRICE', direction: 'ASC' } })))).toBe('BAD_USER_INPUT');
    expect(await code(repository().page(query({ after: 'not a cursor' })))).toBe('BAD_USER_INPUT');
    const tampered = encodeCursor({ f: 'LIST_PRICE', d: 'ASC', v: '1; drop table x', s: 'A-001' });
    expect(await code(repository().page(query({ after: tampered, sort: { field: 'LIST_PRICE', direction: 'ASC' } })))).toBe('BAD_USER_INPUT');
  });

  it('finds active products by SKU only', async () => {
    const found = await repository().activeBySkus(['B-002', 'A-007', 'NOPE', 'A-001']);
    expect(found.map((p) => p.sku).sort()).toEqual(['A-001', 'B-002']);
    expect(await repository().activeBySkus([])).toEqual([]);
  });

  it('finds products by SKU whether active or not, with their order minimum', async () => {
    const found = await repository().anyBySkus(['B-002', 'A-007', 'NOPE']);
    expect(found.map((p) => [p.sku, p.active, p.minOrderQuantity]).sort()).toEqual([['A-007', false, '1.000'], ['B-002', true, '1.000']]);
    expect(await repository().anyBySkus([])).toEqual([]);
    expect((await repository().anyByIds([found[0].id, randomUUID()])).map((p) => p.sku)).toEqual([found[0].sku]);
    expect(await repository().anyByIds([])).toEqual([]);
  });

  it('counts over all pages, and keeps the count for a while per query and audience', async () => {
    const own = await createSpecDatabase([productsSubgraph]);
    const now = jest.spyOn(Date, 'now');
    try {
      await insertCatalogue(own.em(), [
        { sku: 'C-001', name: 'One', price: '1', categories: ['COUNTED'] },
        { sku: 'C-002', name: 'Two', price: '1', categories: ['COUNTED'], assortment: ['CUSTOMERS'] },
        { sku: 'C-003', name: 'Three', price: '1', categories: ['COUNTED'] },
      ]);
      const counted = (audiences: string[] | null, after: string | null = null) =>
        new ProductRepository(own.em()).page(query({ categoryCodes: ['COUNTED'], audiences, first: 1, after })).then((page) => ({ page, count: page.totalCount() }));
      const start = Date.now();
      now.mockReturnValue(start);
      const first = await counted(STAFF);
      expect(await first.count).toBe(3);
      // The next page counts the same list (the cursor is not part of it).
      expect(await (await counted(STAFF, first.page.cursorOf(first.page.products[0]))).count).toBe(3);

      await insertCatalogue(own.em(), [{ sku: 'C-004', name: 'Four', price: '1', categories: ['COUNTED'], assortment: ['CUSTOMERS'] }]);
      now.mockReturnValue(start + COUNT_CACHE_MS - 1);
      expect(await (await counted(STAFF)).count).toBe(3);
      expect(await (await counted(VISITOR)).count).toBe(2);
      now.mockReturnValue(start + COUNT_CACHE_MS);
      expect(await (await counted(STAFF)).count).toBe(4);
    } finally {
      now.mockRestore();
      await own.drop();
    }
  });
});
