import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { CategoryEntity } from '../category/category.entity';
import { CategoryRepository } from '../category/category.repository';
import { CategoryService } from '../category/category.service';
import { CustomerProfileService } from '../customer/customer-profile.service';
import { ProductEntity } from './product.entity';
import { CatalogueQuery, ProductRepository } from './product.repository';
import { MAX_PAGE_SIZE, ProductService } from './product.service';

const product = (sku: string, overrides: Partial<ProductEntity> = {}): ProductEntity =>
  ({ id: randomUUID(), sku, name: `Product ${sku}`, active: true, webAssortment: null, listPrice: '10.00', currency: 'EUR', ...overrides }) as ProductEntity;

const OPEN = product('HB-1');
const TRADE_ONLY = product('HB-2', { webAssortment: ['TRADE'] });
const RETIRED = product('HB-3', { active: false });
const SHOP = product('HB-4', { webAssortment: ['PUBLIC', 'TRADE'] });
const ALL = [OPEN, TRADE_ONLY, RETIRED, SHOP];

const TOOLS = { id: randomUUID(), code: 'TOOLS', parentCode: null, name: 'Tools', position: 0 } as CategoryEntity;
const SAWS = { id: randomUUID(), code: 'SAWS', parentCode: 'TOOLS', name: 'Saws', position: 0 } as CategoryEntity;

/** The service with its real rules and a recording repository; `audiences` is what the viewer's profile allows (null: staff). */
function catalogue(audiences: string[] | null = ['PUBLIC']) {
  const queries: CatalogueQuery[] = [];
  const repository = {
    page: async (query: CatalogueQuery) => {
      queries.push(query);
      return { products: [OPEN, SHOP], hasNextPage: false };
    },
  } as unknown as ProductRepository;
  const productById = new DataLoader<string, ProductEntity | null>(async (ids) => ids.map((id) => ALL.find((p) => p.id === id) ?? null));
  const productBySku = new DataLoader<string, ProductEntity | null>(async (skus) => skus.map((sku) => ALL.find((p) => p.sku === sku && p.active) ?? null));
  const categories = new CategoryService({ all: async () => [TOOLS, SAWS], ofProducts: async () => [] } as unknown as CategoryRepository);
  const profiles = { audiences: async () => audiences } as unknown as CustomerProfileService;
  return { service: new ProductService(repository, profiles, categories, { productById, productBySku }), queries, productById };
}

const refusal = (message: string, field?: string) => expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', ...(field ? { field } : {}) }) });

describe('ProductService.page', () => {
  it('asks for the page in SKU order without a search, by relevance with one, for the viewer\'s audiences', async () => {
    const { service, queries, productById } = catalogue(['PUBLIC']);
    const page = await service.page({ first: 24 });
    expect(page.products).toEqual([OPEN, SHOP]);
    await service.page({ first: 10, search: '  Sägé  blade sägé ', after: 'cursor-1' });
    await service.page({ first: 10, search: 'saw', sort: { field: 'NAME', direction: 'DESC' } });
    await service.page({ first: 10, search: '   ' });
    expect(queries.map((q) => ({ terms: q.terms, sort: q.sort, after: q.after, audiences: q.audiences }))).toEqual([
      { terms: [], sort: { field: 'SKU', direction: 'ASC' }, after: null, audiences: ['PUBLIC'] },
      { terms: ['sage', 'blade'], sort: { field: 'RELEVANCE', direction: 'ASC' }, after: 'cursor-1', audiences: ['PUBLIC'] },
      { terms: ['saw'], sort: { field: 'NAME', direction: 'DESC' }, after: null, audiences: ['PUBLIC'] },
      { terms: [], sort: { field: 'SKU', direction: 'ASC' }, after: null, audiences: ['PUBLIC'] },
    ]);
    // The page's products are primed: reading one by id afterwards needs no query.
    const load = jest.spyOn(productById, 'load');
    expect(await service.findById(OPEN.id)).toBe(OPEN);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('takes 1 to 100 products a page and search text up to 200 characters', async () => {
    const { service } = catalogue();
    expect(MAX_PAGE_SIZE).toBe(100);
    await expect(service.page({ first: 100 })).resolves.toBeDefined();
    await expect(service.page({ first: 101 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service.page({ first: 0 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service.page({ first: 10, search: 'x'.repeat(200) })).resolves.toBeDefined();
    await expect(service.page({ first: 10, search: 'x'.repeat(201) })).rejects.toThrow(refusal('Search text is too long.', 'search'));
  });

  it('browses a category with its whole subtree; categoryCodes as given otherwise', async () => {
    const { service, queries } = catalogue();
    await service.page({ first: 10, categoryId: TOOLS.id });
    await service.page({ first: 10, categoryCodes: ['SAWS'] });
    await service.page({ first: 10 });
    expect(queries.map((q) => q.categoryCodes && [...q.categoryCodes].sort())).toEqual([['SAWS', 'TOOLS'], ['SAWS'], null]);
    await expect(service.page({ first: 10, categoryId: randomUUID() })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('validates filters: decimal, non-negative prices with min ≤ max, at most 100 SKUs and 20 specifications', async () => {
    const { service, queries } = catalogue();
    await service.page({ first: 10, filters: { inStock: true, minListPrice: '1.50', maxListPrice: 2, skus: ['HB-1'], specifications: [{ name: 'Colour', value: 'red' }] } });
    await service.page({ first: 10, filters: { minListPrice: '2', maxListPrice: '2' } });
    await service.page({ first: 10, filters: {} });
    await service.page({ first: 10, filters: null });
    expect(queries.map((q) => q.filters)).toEqual([
      { inStock: true, minListPrice: '1.5', maxListPrice: '2', skus: ['HB-1'], specifications: [{ name: 'Colour', value: 'red' }] },
      { inStock: null, minListPrice: '2', maxListPrice: '2', skus: null, specifications: null },
      { inStock: null, minListPrice: null, maxListPrice: null, skus: null, specifications: null },
      { inStock: null, minListPrice: null, maxListPrice: null, skus: null, specifications: null },
    ]);
    const page = (filters: object) => service.page({ first: 10, filters });
    await expect(page({ inStock: false })).resolves.toBeDefined();
    expect(queries[queries.length - 1].filters.inStock).toBe(false);
    await expect(page({ minListPrice: 'ten' })).rejects.toThrow(refusal('minListPrice must be a decimal number.', 'minListPrice'));
    await expect(page({ maxListPrice: '-0.01' })).rejects.toThrow(refusal('maxListPrice must not be negative.', 'maxListPrice'));
    await expect(page({ minListPrice: 'Infinity' })).rejects.toThrow(refusal('minListPrice must not be negative.', 'minListPrice'));
    await expect(page({ minListPrice: '3', maxListPrice: '2.99' })).rejects.toThrow(refusal('minListPrice is above maxListPrice.', 'minListPrice'));
    await expect(page({ skus: Array.from({ length: 100 }, (_, i) => `S${i}`) })).resolves.toBeDefined();
    await expect(page({ skus: Array.from({ length: 101 }, (_, i) => `S${i}`) })).rejects.toThrow(refusal('At most 100 SKUs.', 'skus'));
    const specs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `N${i}`, value: 'v' }));
    await expect(page({ specifications: specs(20) })).resolves.toBeDefined();
    await expect(page({ specifications: specs(21) })).rejects.toThrow(refusal('At most 20 specification filters.', 'specifications'));
  });
});

describe('ProductService.get / findById / bySkus', () => {
  it('needs exactly one of id or sku', async () => {
    const { service } = catalogue();
    for (const args of [{}, { id: OPEN.id, sku: OPEN.sku }, { id: '', sku: '' }]) await expect(service.get(args)).rejects.toThrow(refusal('Give exactly one of id or sku.'));
    await expect(service.get({ id: 'HB-1' })).rejects.toThrow(refusal('Product id must be a UUID.', 'id'));
  });

  it('finds an active product in the viewer\'s assortment, and answers NOT_FOUND for anything else alike', async () => {
    const { service } = catalogue(['PUBLIC']);
    expect(await service.get({ id: OPEN.id })).toBe(OPEN);
    expect(await service.get({ sku: 'HB-4' })).toBe(SHOP);
    await expect(service.get({ id: TRADE_ONLY.id })).rejects.toMatchObject({ message: `Product ${TRADE_ONLY.id} was not found.`, extensions: { code: 'NOT_FOUND' } });
    await expect(service.get({ sku: 'HB-2' })).rejects.toMatchObject({ message: 'Product HB-2 was not found.' });
    await expect(service.get({ id: RETIRED.id })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(service.get({ sku: 'HB-3' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(service.get({ id: randomUUID() })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    // Staff (no audience restriction) see the trade-only item.
    expect(await catalogue(null).service.get({ id: TRADE_ONLY.id })).toBe(TRADE_ONLY);
  });

  it('findById answers null for a non-UUID and leaves the assortment to the caller', async () => {
    const { service } = catalogue(['PUBLIC']);
    expect(await service.findById('HB-1')).toBeNull();
    expect(await service.findById(TRADE_ONLY.id)).toBe(TRADE_ONLY);
    expect(await service.findById(randomUUID())).toBeNull();
  });

  it('bySkus keeps the given order and drops unknown, retired and other-assortment items', async () => {
    const { service } = catalogue(['PUBLIC']);
    expect(await service.bySkus(['HB-4', 'HB-2', 'NOPE', 'HB-3', 'HB-1'])).toEqual([SHOP, OPEN]);
    expect(await service.bySkus([])).toEqual([]);
    expect(await catalogue(['TRADE']).service.bySkus(['HB-1', 'HB-2'])).toEqual([OPEN, TRADE_ONLY]);
  });
});
