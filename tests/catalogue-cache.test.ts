import { GraphQLClient } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import { as, demoUser, gatewayUrl, subgraphUrls } from './support/hub-client';
import { freshCompany, syncNow } from './support/ordering';
import { sampleValue, scrape } from './support/prometheus';
import { erpAdmin, eventually } from './support/staff-client';

/**
 * The catalogue cache (subgraphs/products/src/catalogue-cache/), in the products subgraph and at the
 * gateway (whole answers, no subgraph call): answers kept by what decides them, never by user, and
 * exact: a price changed in the ERP shows on the very next request after the sync commits, for that
 * company only. Every test below goes through both layers.
 */
const PAGE = 'query { products(first: 20, sort: { field: SKU }) { pricesAsOf edges { node { id sku price { amount currency } } } } }';
type Page = { products: { pricesAsOf: string | null; edges: Array<{ node: { id: string; sku: string; price: { amount: string; currency: string } | null } }> } };

const cacheHits = async () => sampleValue(await scrape(subgraphUrls().products.replace(/\/graphql$/, '/metrics')), 'hub_catalogue_cache_answers_total', { result: 'hit' });
/** What the gateway's kept catalogue answers did (catalogue-edge-answers.ts): hit, miss, stored, not-kept, texts-changed. */
const edgeAnswers = async (result: string) => sampleValue(await scrape(new URL('/metrics', gatewayUrl()).toString()), 'hub_catalogue_edge_answers_total', { result });
const priceOf = (page: Page, sku: string) => page.products.edges.find((e) => e.node.sku === sku)!.node.price;

describe('the catalogue cache', () => {
  let x: GraphQLClient;
  let y: GraphQLClient;
  let xNumber: string;

  beforeAll(async () => {
    // Two companies of this file's own with the same terms (no customer group, EUR, list prices): they share answers.
    const [first, second] = await Promise.all([freshCompany('CacheX'), freshCompany('CacheY')]);
    x = first.admin.api;
    y = second.admin.api;
    xNumber = first.erpNumber;
  }, 120_000);

  it('answers companies with the same terms from one kept answer, and the same question again from it, at the gateway without asking products', async () => {
    const [edgeHitsBefore, productHitsBefore] = [await edgeAnswers('hit'), await cacheHits()];
    const fromX = await x.request<Page>(PAGE);
    const again = await x.request<Page>(PAGE);
    const fromY = await y.request<Page>(PAGE);
    expect(again).toEqual(fromX);
    expect(fromY).toEqual(fromX);
    expect(fromX.products.edges.length).toBe(20);
    // The repeat and the other company's question: answered by the gateway, or (kept there only by then) by products' own cache.
    expect((await edgeAnswers('hit')) - edgeHitsBefore + (await cacheHits()) - productHitsBefore).toBeGreaterThanOrEqual(2);
    // Asked again, the gateway answers it itself (other files' syncs may drop a kept page meanwhile: asked until it does).
    await eventually(async () => {
      const hits = await edgeAnswers('hit');
      const repeat = await y.request<Page>(PAGE);
      return JSON.stringify(repeat) === JSON.stringify(fromX) && (await edgeAnswers('hit')) > hits;
    }, 20_000, 'a kept answer at the gateway');
  });

  it('keeps at the gateway only answers products made alone: a page with a field of another subgraph is asked for every time', async () => {
    const WITH_SUPPLIERS = 'query { products(first: 5, sort: { field: SKU }) { edges { node { sku suppliers { id } } } } }';
    const notKeptBefore = await edgeAnswers('not-kept');
    const first = await x.request(WITH_SUPPLIERS);
    expect(await x.request(WITH_SUPPLIERS)).toEqual(first);
    expect(await edgeAnswers('not-kept')).toBeGreaterThanOrEqual(notKeptBefore + 2);
  });

  it("shows a price changed in the ERP on the very next request after the sync, to that company only, with a later 'prices as of'", async () => {
    const before = await x.request<Page>(PAGE);
    const beforeY = await y.request<Page>(PAGE);
    const sku = before.products.edges[3].node.sku;
    const listPrice = priceOf(before, sku)!;
    expect(listPrice.amount).not.toBe('1.23');

    await erpAdmin('POST', '/admin/records/prices', {
      key: `cache-test-${randomUUID()}`, sku, customerNumber: xNumber, customerGroup: null, minQuantity: '1', price: '1.23', currency: 'EUR', validFrom: null, validTo: null, promotion: false,
    });
    await syncNow('prices');

    const after = await x.request<Page>(PAGE);
    expect(priceOf(after, sku)).toEqual({ amount: '1.23', currency: 'EUR' });
    expect(Date.parse(after.products.pricesAsOf!)).toBeGreaterThan(Date.parse(before.products.pricesAsOf ?? '1970-01-01'));
    // The other company's answer is untouched, and still its own.
    const afterY = await y.request<Page>(PAGE);
    expect(priceOf(afterY, sku)).toEqual(listPrice);
    expect(afterY.products.edges.map((e) => e.node.price)).toEqual(beforeY.products.edges.map((e) => e.node.price));
  }, 90_000);

  it('shows a change of a price the company already has on the very next request, though nothing else that decides its answers changed', async () => {
    // The company has prices of its own since the test above: its answers are its own and stay under the same terms now.
    const page = await x.request<Page>(PAGE);
    const sku = page.products.edges[3].node.sku;
    expect(priceOf(page, sku)).toEqual({ amount: '1.23', currency: 'EUR' });
    // Kept at the gateway (seen answered there), so the change below must take it out there.
    await eventually(async () => {
      const hits = await edgeAnswers('hit');
      return JSON.stringify(await x.request<Page>(PAGE)) === JSON.stringify(page) && (await edgeAnswers('hit')) > hits;
    }, 20_000, 'the page kept at the gateway');
    await erpAdmin('POST', '/admin/records/prices', {
      key: `cache-test-${randomUUID()}`, sku, customerNumber: xNumber, customerGroup: null, minQuantity: '1', price: '1.11', currency: 'EUR', validFrom: null, validTo: null, promotion: false,
    });
    await syncNow('prices');
    expect(priceOf(await x.request<Page>(PAGE), sku)).toEqual({ amount: '1.11', currency: 'EUR' });
  }, 90_000);

  it("shows a category name staff changed in the hub's texts on the next request, though no sync reported it", async () => {
    const TREE = '{ categories { code name } }';
    const before = await x.request<{ categories: Array<{ code: string; name: string }> }>(TREE);
    expect(await x.request(TREE)).toEqual(before);
    // Not the first or last category: tests/hub-texts.test.ts renames those.
    const category = before.categories[1];
    const renamed = `Cache ${randomUUID().slice(0, 6)}`;
    const staff = await as('admin@hub.example');
    const set = 'mutation($k: String!, $key: String!, $l: String!, $t: String!) { setHubText(kind: $k, key: $key, language: $l, text: $t) { text } }';
    const remove = 'mutation($k: String!, $key: String!, $l: String!) { removeHubText(kind: $k, key: $key, language: $l) { text } }';
    // The company is Estonian, a language the hub has no texts in: it reads the deployment's English.
    const languages = ['en'];
    try {
      for (const l of languages) await staff.request(set, { k: 'CATEGORY', key: category.code, l, t: renamed });
      const after = await x.request<{ categories: Array<{ code: string; name: string }> }>(TREE);
      expect(after.categories.find((c) => c.code === category.code)!.name).toBe(renamed);
    } finally {
      for (const l of languages) await staff.request(remove, { k: 'CATEGORY', key: category.code, l }).catch(() => undefined);
    }
    expect((await x.request<{ categories: Array<{ code: string; name: string }> }>(TREE)).categories.find((c) => c.code === category.code)!.name).toBe(category.name);
  });

  it('never gives one company the prices of another, with many asking at once', async () => {
    const others = await Promise.all([as(demoUser(0, 'customer admin').email), as(demoUser(1, 'customer admin').email)]);
    const clients = [x, y, ...others];
    const expected: Page[] = [];
    for (const client of clients) expected.push(await client.request<Page>(PAGE));
    // It means something only if their prices differ.
    expect(new Set(expected.map((answer) => JSON.stringify(answer.products.edges))).size).toBeGreaterThanOrEqual(3);
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => clients[i % clients.length].request<Page>(PAGE)));
      answers.forEach((answer, i) => expect(answer.products.edges).toEqual(expected[i % clients.length].products.edges));
    }
  });
});
