import { as, client, demo, demoUser, failure } from './support/hub-client';
import { PAGED_SEARCH } from './support/paged-search';

/** The catalogue through the gateway, on the small demo ERP synchronised at start. */
describe('catalogue, prices and stock', () => {
  const companyA = demo.companies[0]; // WHOLESALE in the demo ERP
  const companyB = demo.companies[1]; // RETAIL
  const buyerA = demoUser(0, 'buyer');
  const buyerB = demoUser(1, 'buyer');
  const priceA = new Map(demo.customerPrices.filter((p) => p.companyId === companyA.id).map((p) => [p.productId, p]));
  const priceB = new Map(demo.customerPrices.filter((p) => p.companyId === companyB.id).map((p) => [p.productId, p]));
  const shared = demo.products.find((p) => priceA.has(p.id) && priceB.has(p.id) && priceA.get(p.id)!.price !== priceB.get(p.id)!.price)!;

  const PRODUCT = `query($sku: String!) { product(sku: $sku) {
    sku price { amount currency } priceDetail { source listPrice { amount } unitPrice { amount currency } }
    stock { policy status quantity warehouses { code status quantity } availableFrom }
  } }`;

  it('two companies see their own prices for the same product; anonymous visitors the list price', async () => {
    const a = (await (await as(buyerA.email)).request<any>(PRODUCT, { sku: shared.sku })).product;
    const b = (await (await as(buyerB.email)).request<any>(PRODUCT, { sku: shared.sku })).product;
    const anon = (await client().request<any>(PRODUCT, { sku: shared.sku })).product;
    expect(Number(a.price.amount)).toBeCloseTo(Number(priceA.get(shared.id)!.price), 4);
    expect(Number(b.price.amount)).toBeCloseTo(Number(priceB.get(shared.id)!.price), 4);
    expect(a.price.amount).not.toBe(b.price.amount);
    expect(a.priceDetail.source).toBe('CUSTOMER');
    expect(b.priceDetail.source).toBe('CUSTOMER');
    expect(anon.priceDetail.source).toMatch(/LIST|PROMOTION/);
    expect(Number(a.priceDetail.listPrice.amount)).toBeCloseTo(Number(shared.listPrice), 4);
  });

  it("no company sees another's own prices: where only B has a price of its own, A gets its group or list price", async () => {
    const onlyB = demo.customerPrices.filter((p) => p.companyId === companyB.id && !priceA.has(p.productId)).slice(0, 10);
    expect(onlyB.length).toBeGreaterThan(0);
    const skus = onlyB.map((p) => demo.products.find((product) => product.id === p.productId)!.sku);
    const query = `query($skus: [String!]) { products(first: 100, filters: { skus: $skus }) { edges { node { id priceDetail { source unitPrice { amount } } } } } }`;
    const seen = async (email: string) =>
      new Map(((await (await as(email)).request<any>(query, { skus })).products.edges as Array<{ node: { id: string; priceDetail: any } }>).map((e) => [e.node.id, e.node.priceDetail]));
    const [a, b] = [await seen(buyerA.email), await seen(buyerB.email)];
    for (const own of onlyB) {
      expect(b.get(own.productId)).toEqual({ source: 'CUSTOMER', unitPrice: { amount: own.price } });
      expect(a.get(own.productId)!.source).not.toBe('CUSTOMER');
    }
  });

  it('stock follows each company policy, which only staff may set', async () => {
    const staff = await as('admin@hub.example');
    const set = 'mutation($c: ID!, $p: StockDisplayPolicy!) { setStockDisplayPolicy(companyId: $c, policy: $p) { companyId policy } }';
    expect((await staff.request<any>(set, { c: companyA.id, p: 'QUANTITY' })).setStockDisplayPolicy).toEqual({ companyId: companyA.id, policy: 'QUANTITY' });
    await staff.request(set, { c: companyB.id, p: 'HIDDEN' });
    expect((await failure((await as(buyerA.email)).request(set, { c: companyA.id, p: 'QUANTITY' }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(client().request(set, { c: companyA.id, p: 'QUANTITY' }))).codes).toEqual(['UNAUTHENTICATED']);
    expect((await failure(staff.request(set, { c: 'not-a-uuid', p: 'QUANTITY' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(staff.request(set, { c: '00000000-0000-4000-8000-000000000000', p: 'QUANTITY' }))).codes).toEqual(['NOT_FOUND']);

    const a = (await (await as(buyerA.email)).request<any>(PRODUCT, { sku: shared.sku })).product;
    const b = (await (await as(buyerB.email)).request<any>(PRODUCT, { sku: shared.sku })).product;
    const anon = (await client().request<any>(PRODUCT, { sku: shared.sku })).product;
    expect(a.stock.policy).toBe('QUANTITY');
    expect(a.stock.quantity).toMatch(/^\d+/);
    expect(a.stock.warehouses.length).toBeGreaterThan(0);
    expect(a.stock.warehouses.every((w: any) => w.quantity !== null)).toBe(true);
    expect(a.stock.availableFrom === null || /^\d{4}-\d\d-\d\d$/.test(a.stock.availableFrom)).toBe(true);
    expect(b.stock).toBeNull();
    expect(anon.stock).toMatchObject({ policy: 'TRAFFIC_LIGHT', quantity: null });
    expect(['GREEN', 'AMBER', 'RED']).toContain(anon.stock.status);
    expect(anon.stock.warehouses.every((w: any) => w.quantity === null)).toBe(true);
  });

  const SEARCH = 'query($s: String, $first: Int!, $after: String) { products(search: $s, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { sku name } } } }';
  const search = async (s: string, first = 100) => (await client().request<any>(SEARCH, { s, first })).products;

  it('search finds products by words, regardless of accents and case', async () => {
    const bolts = await search('hex BOLT');
    expect(bolts.totalCount).toBeGreaterThan(0);
    expect(bolts.edges.every((e: any) => /hex bolt/i.test(e.node.name))).toBe(true);
    const accented = await search('España');
    expect(accented.totalCount).toBeGreaterThan(0);
    expect((await search('espana')).totalCount).toBe(accented.totalCount);
    expect((await search('ESPAÑA')).totalCount).toBe(accented.totalCount);
    expect((await search('österreich')).totalCount).toBe((await search('Osterreich')).totalCount);
    expect((await search('zzqqxx nothing')).totalCount).toBe(0);
  });

  it('search finds products by SKU fragments', async () => {
    const sku = demo.products[0].sku; // HB-S0001
    for (const fragment of [sku, sku.toLowerCase(), sku.replace('-', ''), sku.slice(0, 5), sku.slice(3)]) {
      const found = await search(fragment);
      expect(found.edges.map((e: any) => e.node.sku)).toContain(sku);
    }
  });

  it('pages through the whole catalogue with cursors, sorted as asked', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const page: any = (await client().request<any>(
        'query($after: String) { products(first: 40, after: $after, sort: { field: NAME, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } edges { node { sku name } } } }',
        { after },
      )).products;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect([...seen].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0))).toEqual(seen);
  });

  it('web categories form a tree independent of the ERP grouping; browsing a category includes its subtree', async () => {
    const { categories } = await client().request<any>('{ categories { id code name children { id code parent { code } } } }');
    const fasteners = categories.find((c: any) => c.code === 'FASTENERS');
    expect(fasteners.children.map((c: any) => c.code).sort()).toEqual(['AN', 'HB', 'WS']);
    expect(fasteners.children[0].parent.code).toBe('FASTENERS');
    const page = (await client().request<any>('query($c: ID) { products(categoryId: $c, first: 100) { totalCount edges { node { sku categories { code } } } } }', { c: fasteners.id })).products;
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.every((e: any) => ['HB', 'WS', 'AN'].includes(e.node.sku.slice(0, 2)))).toBe(true);
    // Paging a category (read in SKU order from its categories' index) visits each product once, in order.
    const skus: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const c: any = (await client().request<any>(
        'query($id: ID!, $after: String) { category(id: $id) { products(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { sku } } } } }',
        { id: fasteners.id, after },
      )).category.products;
      skus.push(...c.edges.map((e: any) => e.node.sku));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(skus).toEqual(page.edges.map((e: any) => e.node.sku));
    expect(skus).toEqual([...skus].sort());
    // A product sits in several categories (its family and its product line).
    const pro = demo.products.find((p) => p.sku.charAt(3) === 'P')!;
    const detail = (await client().request<any>('query($s: String!) { product(sku: $s) { categories { code } specifications { name value } images { url kind } related { sku } substitutes { sku } } }', { s: pro.sku })).product;
    expect(detail.categories.map((c: any) => c.code)).toEqual(expect.arrayContaining([pro.sku.slice(0, 2), 'PRO-LINE']));
    expect(detail.specifications.length).toBeGreaterThan(0);
    expect(detail.images[0].kind).toBe('PHOTO');
    expect(detail.related.length + detail.substitutes.length).toBeGreaterThan(0);
  });

  it('the web assortment differs for the public shop and each customer group', async () => {
    const customersOnly = demo.products[11].sku;
    const wholesaleOnly = demo.products[23].sku;
    const q = 'query($s: String!) { product(sku: $s) { sku } }';
    expect((await failure(client().request(q, { s: customersOnly }))).codes).toEqual(['NOT_FOUND']);
    expect((await (await as(buyerB.email)).request<any>(q, { s: customersOnly })).product.sku).toBe(customersOnly);
    expect((await (await as(buyerA.email)).request<any>(q, { s: wholesaleOnly })).product.sku).toBe(wholesaleOnly);
    expect((await failure((await as(buyerB.email)).request(q, { s: wholesaleOnly }))).codes).toEqual(['NOT_FOUND']);
    const anonTotal = (await search('', 1)).totalCount;
    const count = async (email: string) => (await (await as(email)).request<any>('{ products(first: 1) { totalCount } }')).products.totalCount;
    expect(await count(buyerA.email)).toBe(anonTotal + 6);
    expect(await count(buyerB.email)).toBe(anonTotal + 3);
  });

  it('bad input is BAD_USER_INPUT; an unknown category NOT_FOUND', async () => {
    const api = client();
    const codes = async (query: string, variables?: Record<string, unknown>) => (await failure(api.request(query, variables))).codes;
    expect(await codes('{ products(first: 0) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ products(first: 101) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ products(after: "garbage") { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ products(categoryId: "x") { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ products(categoryId: "00000000-0000-4000-8000-000000000000") { totalCount } }')).toEqual(['NOT_FOUND']);
    expect(await codes('{ products(filters: { minListPrice: "10", maxListPrice: "5" }) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(`{ product(sku: "${shared.sku}") { price(quantity: 0) { amount } } }`)).toEqual(['BAD_USER_INPUT']);
    // A value only the subgraph's Decimal scalar can judge, inline or as a variable: the subgraph's
    // message with BAD_USER_INPUT, and nothing of the subgraph's address or raw response.
    const notDecimal = await failure(api.request('{ products(filters: { minListPrice: "abc" }) { totalCount } }'));
    expect(notDecimal.codes).toEqual(['BAD_USER_INPUT']);
    expect(notDecimal.messages[0]).toContain('A Decimal is a string of digits');
    expect(JSON.stringify(notDecimal)).not.toMatch(/127\.0\.0\.1|"response"/);
    expect(await codes('query($f: ProductFilter) { products(filters: $f) { totalCount } }', { f: { maxListPrice: '1,5' } })).toEqual(['BAD_USER_INPUT']);
    // A cursor from a list sorted one way does not page a list sorted another way.
    const cursor = (await api.request<any>('{ products(first: 1) { pageInfo { endCursor } } }')).products.pageInfo.endCursor;
    expect(await codes('query($a: String) { products(after: $a, sort: { field: NAME }) { totalCount } }', { a: cursor })).toEqual(['BAD_USER_INPUT']);
    const forged = Buffer.from(JSON.stringify({ f: 'LIST_PRICE', d: 'ASC', v: "1'; drop table x", s: 'A' })).toString('base64url');
    expect(await codes('query($a: String) { products(after: $a, sort: { field: LIST_PRICE }) { totalCount } }', { a: forged })).toEqual(['BAD_USER_INPUT']);
  });

  it('pages a search sorted by list price without gaps or repeats', async () => {
    const all = await search(PAGED_SEARCH, 100);
    const prices: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const page: any = (await client().request<any>(
        'query($s: String, $after: String) { products(search: $s, first: 6, after: $after, sort: { field: LIST_PRICE, direction: ASC }) { pageInfo { hasNextPage endCursor } edges { node { sku } } } }',
        { s: PAGED_SEARCH, after },
      )).products;
      prices.push(...page.edges.map((e: any) => Number(demo.products.find((p) => p.sku === e.node.sku)!.listPrice)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(prices.length).toBe(all.totalCount);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  it('filters by list price, stock and specification', async () => {
    const page = (await client().request<any>(
      '{ products(first: 100, filters: { minListPrice: "20", maxListPrice: "50", specifications: [{ name: "Standard", value: "DIN 933" }] }) { totalCount edges { node { sku } } } }',
    )).products;
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.every((e: any) => e.node.sku.startsWith('HB-'))).toBe(true);
    for (const e of page.edges) {
      const listPrice = Number(demo.products.find((p) => p.sku === e.node.sku)!.listPrice);
      expect(listPrice).toBeGreaterThanOrEqual(20);
      expect(listPrice).toBeLessThanOrEqual(50);
    }
    const inStock = (await client().request<any>('{ products(first: 1, filters: { inStock: true }) { totalCount } }')).products.totalCount;
    const outOfStock = (await client().request<any>('{ products(first: 1, filters: { inStock: false }) { totalCount } }')).products.totalCount;
    expect(inStock + outOfStock).toBe((await search('', 1)).totalCount);
  });
});
