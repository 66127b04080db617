import { Client as PgClient } from 'pg';
import { Client } from 'graphql-ws';
import { demo, demoUser, failure, tokenFor } from './support/hub-client';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';
import { outsidePagedSearch } from './support/paged-search';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, wsClient } from './support/subscription-client';

/**
 * The hub's core loop through the gateway against the demo ERP (O1-O6, G2): a buyer finds products
 * at its company's prices, fills a basket (one by one and in bulk), keeps a quote, orders, the ERP
 * receives the order once and moves it on, and subscribers see every status with fields of every
 * subgraph, while another company's subscriber sees nothing of it.
 */

const BASKET = /* GraphQL */ `
  fragment B on Basket {
    id lineCount currency deliveryAddressCode customerReference
    lines { sku quantity available unitPrice { amount currency } lineTotal { amount } product { id sku name stock { status } } }
    totals { net { amount currency } tax { amount } gross { amount } taxRatePercent }
  }
`;
const ADD = `mutation($i: AddToBasketInput!) { addToBasket(input: $i) { ...B } } ${BASKET}`;
const ADD_MANY = `mutation($l: [BasketBulkLineInput!]!) { addManyToBasket(lines: $l) {
  basket { ...B } added { index sku quantity product { id } } rejected { index sku quantity problem message minimumQuantity } } } ${BASKET}`;
const GET_BASKET = `{ basket { ...B } } ${BASKET}`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status total { amount currency } taxTotal { amount } totalWithTax { amount }
  customerReference deliveryAddressCode quotePriceChanges { lineNo sku quotedUnitPrice { amount } unitPrice { amount } }
  lines { lineNo sku quantity unitPrice { amount } lineTotal { amount } } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id number erpNumber status deliveryDate statusReason
  lines { lineNo orderedLineNo sku quantity unitPrice { amount } warehouseCode backOrdered deliveryDate }
  corrections { lineNo before { sku quantity unitPrice { amount } } after { sku quantity unitPrice { amount } } }
  timeline { status previousStatus source reason by { id } corrections { lineNo } } } }`;
/** Fields of four subgraphs: orders (status, lines), customers (company), products (product), finance (invoices). */
const WATCH_FIELDS = 'id status number company { name } lines { sku product { name } } invoices { number status }';

interface BasketLine { sku: string; quantity: string; available: boolean; unitPrice: { amount: string; currency: string } | null; lineTotal: { amount: string } | null; product: { id: string; sku: string; name: string; stock: { status: string } | null } }
interface Basket { id: string; lineCount: number; currency: string | null; deliveryAddressCode: string | null; customerReference: string | null; lines: BasketLine[]; totals: { net: { amount: string; currency: string }; tax: { amount: string } | null; gross: { amount: string } | null; taxRatePercent: string | null } | null }

const cents = (amount: string) => Math.round(Number(amount) * 100);
const sum = (amounts: string[]) => (amounts.reduce((total, a) => total + cents(a), 0) / 100).toFixed(2);
/** 21 % of a net amount, rounded half up to the cent (integer arithmetic). */
const taxOf = (net: string) => (Math.round((cents(net) * 21) / 100) / 100).toFixed(2);

/**
 * Products every customer may buy (not assortment-restricted), without an order minimum, that the
 * demo orders use: the demo ERP gives those no quantity breaks, group prices or promotions, so a
 * company without prices of its own pays the list price.
 */
const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const open = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id));
const [searched, ...catalogue] = [open[5], ...open.slice(60, 90)];
const wholesaleOnly = demo.products[23];
const byThePair = demo.products.find((p) => p.minOrderQuantity === 10)!;

async function acceptedByErp(orderId: string): Promise<number> {
  return (await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey?.[orderId] ?? 0;
}

describe('ordering end to end through the gateway', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  let db: PgClient;
  const sockets: Client[] = [];
  const socket = (token: string) => {
    const ws = wsClient({ token });
    sockets.push(ws);
    return ws;
  };
  /** The buyer's own prices, as the catalogue shows them. */
  const priceOf = async (sku: string, quantity: number) =>
    (await buyer.api.request<{ product: { price: { amount: string } } }>('query($s: String!, $q: Int!) { product(sku: $s) { price(quantity: $q) { amount } } }', { s: sku, q: quantity })).product.price.amount;

  beforeAll(async () => {
    db = new PgClient({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
    company = await freshCompany('Loop');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await db.end();
  });

  it('a buyer searches, adds one product and bulk-adds more, priced with its own prices, breaks and tax, with stock as its policy shows', async () => {
    const { products } = await buyer.api.request<{ products: { edges: Array<{ node: { sku: string } }> } }>('query($q: String!) { products(search: $q, first: 5) { edges { node { sku } } } }', { q: searched.sku });
    expect(products.edges.map((e) => e.node.sku)).toContain(searched.sku);

    const { addToBasket: one } = await buyer.api.request<{ addToBasket: Basket }>(ADD, { i: { sku: searched.sku.toLowerCase(), quantity: '3' } });
    expect(one.lines.map((l) => [l.sku, l.quantity])).toEqual([[searched.sku, '3']]);
    expect(one.lines[0].unitPrice).toEqual({ amount: await priceOf(searched.sku, 3), currency: 'EUR' });
    // Again: to its quantity.
    const { addToBasket: again } = await buyer.api.request<{ addToBasket: Basket }>(ADD, { i: { productId: searched.id, quantity: '2' } });
    expect(again.lines.map((l) => [l.sku, l.quantity])).toEqual([[searched.sku, '5']]);

    const lines = [
      { sku: catalogue[0].sku, quantity: '2' },
      { sku: 'NO-SUCH-SKU', quantity: '1' },
      { sku: catalogue[1].sku, quantity: '12' },
      { sku: wholesaleOnly.sku, quantity: '1' },
      { sku: byThePair.sku, quantity: '4' },
      { sku: catalogue[0].sku, quantity: '1' },
      { sku: catalogue[2].sku, quantity: '1' },
    ];
    const { addManyToBasket } = await buyer.api.request<{ addManyToBasket: { basket: Basket; added: Array<{ index: number; sku: string; quantity: string }>; rejected: Array<{ index: number; sku: string; problem: string; message: string; minimumQuantity: string | null }> } }>(ADD_MANY, { l: lines });
    expect(addManyToBasket.rejected.map((r) => [r.index, r.sku, r.problem, r.minimumQuantity])).toEqual([
      [1, 'NO-SUCH-SKU', 'NOT_FOUND', null],
      [3, wholesaleOnly.sku, 'NOT_SOLD_TO_YOU', null],
      [4, byThePair.sku, 'BELOW_MINIMUM_QUANTITY', '10'],
    ]);
    expect(addManyToBasket.rejected[2].message).toMatch(/at least 10/);
    expect(addManyToBasket.added.map((a) => [a.index, a.sku, a.quantity])).toEqual([[0, catalogue[0].sku, '2'], [2, catalogue[1].sku, '12'], [5, catalogue[0].sku, '1'], [6, catalogue[2].sku, '1']]);

    const basket = addManyToBasket.basket;
    expect(basket.lines.map((l) => [l.sku, l.quantity])).toEqual([[searched.sku, '5'], [catalogue[0].sku, '3'], [catalogue[1].sku, '12'], [catalogue[2].sku, '1']]);
    for (const line of basket.lines) {
      expect(line.unitPrice).toEqual({ amount: await priceOf(line.sku, Number(line.quantity)), currency: 'EUR' });
      expect(line.lineTotal!.amount).toBe((Math.round(Number(line.unitPrice!.amount) * Number(line.quantity) * 100) / 100).toFixed(2));
      expect(line.available).toBe(true);
      expect(['GREEN', 'AMBER', 'RED']).toContain(line.product.stock!.status);
    }
    const net = sum(basket.lines.map((l) => l.lineTotal!.amount));
    expect(basket.totals).toEqual({
      net: { amount: net, currency: 'EUR' }, taxRatePercent: '21', tax: { amount: taxOf(net) }, gross: { amount: sum([net, taxOf(net)]) },
    });
    // The basket is kept in PostgreSQL: the same on the next request.
    expect((await buyer.api.request<{ basket: Basket }>(GET_BASKET)).basket).toEqual(basket);
  });

  it('changes and removes lines, and chooses the delivery address from the company\'s own', async () => {
    const { updateBasketLine } = await buyer.api.request<{ updateBasketLine: Basket }>(`mutation($i: UpdateBasketLineInput!) { updateBasketLine(input: $i) { ...B } } ${BASKET}`, { i: { productId: catalogue[1].id, quantity: '10' } });
    expect(updateBasketLine.lines.find((l) => l.sku === catalogue[1].sku)!.quantity).toBe('10');
    const { removeBasketLine } = await buyer.api.request<{ removeBasketLine: Basket }>(`mutation($p: ID!) { removeBasketLine(productId: $p) { ...B } } ${BASKET}`, { p: catalogue[2].id });
    expect(removeBasketLine.lines.map((l) => l.sku)).toEqual([searched.sku, catalogue[0].sku, catalogue[1].sku]);
    const { setBasketDetails } = await buyer.api.request<{ setBasketDetails: Basket }>(`mutation($i: BasketDetailsInput!) { setBasketDetails(input: $i) { ...B } } ${BASKET}`, { i: { deliveryAddressCode: 'D1', customerReference: 'PO-LOOP-1' } });
    expect(setBasketDetails).toMatchObject({ deliveryAddressCode: 'D1', customerReference: 'PO-LOOP-1', lineCount: 3 });
  });

  describe('quotes', () => {
    const QUOTE = 'id number status validUntil expired lines { sku quantity unitPrice { amount } } totals { net { amount } tax { amount } } priceChanges { sku quotedUnitPrice { amount } unitPrice { amount } } order { id }';
    // One whose price change does not move catalog.test.ts's pages.
    let product: (typeof catalogue)[number];
    let listPrice: string;

    /** An ERP price change of one item, synchronised into the hub. */
    async function setListPrice(price: string): Promise<void> {
      const record = await erpAdmin('GET', `/admin/records/products/${encodeURIComponent(product.sku)}`);
      await erpAdmin('POST', '/admin/records/products', { ...record, listPrice: price });
      await syncNow('products');
      await eventually(async () => (await priceOf(product.sku, 2)) === price, 10_000, 'the new price');
    }

    beforeAll(async () => {
      product = await outsidePagedSearch(catalogue.slice(20));
      listPrice = (await erpAdmin('GET', `/admin/records/products/${encodeURIComponent(product.sku)}`)).listPrice;
    });
    afterAll(() => setListPrice(listPrice));

    it('a price the ERP changes between filling the basket and placing it is the price the order gets, however soon it is placed', async () => {
      const quick = await company.coworker('quick-buyer', { roles: ['BUYER'] });
      const before = await priceOf(product.sku, 2);
      await quick.api.request(ADD_MANY, { l: [{ sku: product.sku, quantity: '2' }] });
      // The orders subgraph reuses the prices it has just asked for only until the catalogue changes (its trigger's catalogChanged).
      const raised = (Number(before) + 4).toFixed(2);
      await setListPrice(raised);
      const { placeOrder } = await quick.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey: key() } });
      expect(placeOrder.lines.map((l: any) => [l.sku, l.unitPrice.amount])).toEqual([[product.sku, raised]]);
      await setListPrice(listPrice);
    });

    it('saves the basket as a quote, changes and re-prices it; ordered while valid, the order gets the quoted prices', async () => {
      const quoter = await company.coworker('quoter', { roles: ['BUYER'] });
      await quoter.api.request(ADD_MANY, { l: [{ sku: product.sku, quantity: '2' }, { sku: catalogue[21].sku, quantity: '1' }] });
      const validUntil = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const { saveBasketAsQuote: quote } = await quoter.api.request<{ saveBasketAsQuote: any }>(`mutation($i: SaveQuoteInput) { saveBasketAsQuote(input: $i) { ${QUOTE} } }`, { i: { validUntil, name: 'Loop trial order' } });
      expect(quote).toMatchObject({ status: 'OPEN', validUntil, expired: false, priceChanges: [], order: null });
      expect(quote.lines.map((l: any) => [l.sku, l.quantity, l.unitPrice.amount])).toEqual([[product.sku, '2', await priceOf(product.sku, 2)], [catalogue[21].sku, '1', await priceOf(catalogue[21].sku, 1)]]);

      const { updateQuote } = await quoter.api.request<{ updateQuote: any }>(`mutation($i: UpdateQuoteInput!) { updateQuote(input: $i) { ${QUOTE} } }`, {
        i: { id: quote.id, lines: [{ sku: product.sku, quantity: '3' }, { productId: catalogue[22].id, quantity: '4' }] },
      });
      expect(updateQuote.lines.map((l: any) => [l.sku, l.quantity])).toEqual([[product.sku, '3'], [catalogue[22].sku, '4']]);
      const { quotes } = await quoter.api.request<{ quotes: Array<{ id: string }> }>('{ quotes(first: 10) { id } }');
      expect(quotes.map((q) => q.id)).toContain(quote.id);

      // The ERP changes the price: the quote tells, re-pricing takes it, and an order of the still valid quote keeps the quoted price.
      const quoted = updateQuote.lines[0].unitPrice.amount;
      const raised = (Number(listPrice) + 7).toFixed(2);
      await setListPrice(raised);
      const { quote: seen } = await quoter.api.request<{ quote: any }>(`query($id: ID!) { quote(id: $id) { ${QUOTE} } }`, { id: quote.id });
      expect(seen.priceChanges).toEqual([{ sku: product.sku, quotedUnitPrice: { amount: quoted }, unitPrice: { amount: raised } }]);
      const { placeOrder } = await quoter.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey: key(), quoteId: quote.id } });
      expect(placeOrder.status).toBe('PENDING');
      expect(placeOrder.lines.map((l: any) => [l.sku, l.unitPrice.amount])).toEqual([[product.sku, quoted], [catalogue[22].sku, updateQuote.lines[1].unitPrice.amount]]);
      expect(placeOrder.quotePriceChanges).toEqual([]);
      const { quote: ordered } = await quoter.api.request<{ quote: any }>(`query($id: ID!) { quote(id: $id) { ${QUOTE} } }`, { id: quote.id });
      expect(ordered).toMatchObject({ status: 'ORDERED', order: { id: placeOrder.id } });
      // Once: ordered again it is a CONFLICT, and changing it too.
      expect((await failure(quoter.api.request(PLACE, { i: { idempotencyKey: key(), quoteId: quote.id } }))).codes).toEqual(['CONFLICT']);
      expect((await failure(quoter.api.request('mutation($id: ID!) { repriceQuote(id: $id) { id } }', { id: quote.id }))).codes).toEqual(['CONFLICT']);

      // Another quote, re-priced at the new price.
      const { saveBasketAsQuote: second } = await quoter.api.request<{ saveBasketAsQuote: any }>(`mutation { saveBasketAsQuote(input: { clearBasket: true }) { ${QUOTE} } }`);
      expect(second.lines.find((l: any) => l.sku === product.sku).unitPrice.amount).toBe(await priceOf(product.sku, 2));
      expect((await quoter.api.request<{ basket: Basket }>(GET_BASKET)).basket.lineCount).toBe(0);
    });

    it('an expired quote is ordered at today\'s prices, and the order tells which lines changed', async () => {
      const quoter = await company.coworker('late-quoter', { roles: ['BUYER'] });
      await quoter.api.request(ADD_MANY, { l: [{ sku: product.sku, quantity: '2' }, { sku: catalogue[23].sku, quantity: '1' }] });
      const { saveBasketAsQuote: quote } = await quoter.api.request<{ saveBasketAsQuote: any }>(`mutation { saveBasketAsQuote { ${QUOTE} } }`);
      const quoted = quote.lines[0].unitPrice.amount;
      await db.query("update orders.quote set valid_until = current_date - 1 where id = $1", [quote.id]);
      const lowered = (Number(quoted) - 3).toFixed(2);
      await setListPrice(lowered);
      const { quote: expired } = await quoter.api.request<{ quote: any }>(`query($id: ID!) { quote(id: $id) { ${QUOTE} } }`, { id: quote.id });
      expect(expired.expired).toBe(true);
      const { placeOrder } = await quoter.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey: key(), quoteId: quote.id } });
      expect(placeOrder.lines.map((l: any) => [l.sku, l.unitPrice.amount])).toEqual([[product.sku, lowered], [catalogue[23].sku, quote.lines[1].unitPrice.amount]]);
      expect(placeOrder.quotePriceChanges).toEqual([{ lineNo: 1, sku: product.sku, quotedUnitPrice: { amount: quoted }, unitPrice: { amount: lowered } }]);
    });
  });

  describe('placing, the ERP and live status', () => {
    let orderId: string;
    let mine: RecordedSubscription;
    let theirs: RecordedSubscription;
    const myOrders = `subscription { myOrdersChanged { ${WATCH_FIELDS} } }`;
    const seenOf = (sub: RecordedSubscription, id: string) => sub.results.map((r) => r.data?.myOrdersChanged).filter((o) => o?.id === id);
    /** The statuses in the order they arrived; an event that changes no status (e.g. an invoice arriving) sends the same one again. */
    const changes = (statuses: string[]) => statuses.filter((s, i, all) => i === 0 || all[i - 1] !== s);
    const statusesOf = (sub: RecordedSubscription, id: string) => changes(seenOf(sub, id).map((o) => o.status));

    beforeAll(async () => {
      const theirToken = await tokenFor(demoUser(1, 'customer admin').email);
      const serving = fieldMetrics(await gatewayMetrics(), 'myOrdersChanged').active;
      // The company's admin (who may see invoices too) watches every order of the company.
      mine = new RecordedSubscription(socket(company.admin.token), myOrders);
      // Another company's admin, watching all of its own orders.
      theirs = new RecordedSubscription(socket(theirToken), myOrders);
      // Both are served (checked and listening) before anything is placed.
      await untilMetrics((m) => fieldMetrics(m, 'myOrdersChanged').active >= serving + 2);
    });

    it('places the basket: PENDING, priced as the basket was, the basket emptied; a replay returns the same order, other content with the key is a CONFLICT', async () => {
      const { basket } = await buyer.api.request<{ basket: Basket }>(GET_BASKET);
      const idempotencyKey = key();
      const { placeOrder: order } = await buyer.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey, notes: 'Ring at gate 4' } });
      orderId = order.id;
      expect(order).toMatchObject({ status: 'PENDING', customerReference: 'PO-LOOP-1', deliveryAddressCode: 'D1', total: basket.totals!.net, taxTotal: basket.totals!.tax, totalWithTax: basket.totals!.gross });
      expect(order.lines.map((l: any) => [l.sku, l.quantity, l.unitPrice.amount])).toEqual(basket.lines.map((l) => [l.sku, l.quantity, l.unitPrice!.amount]));
      expect((await buyer.api.request<{ basket: Basket }>(GET_BASKET)).basket.lineCount).toBe(0);

      const { placeOrder: replay } = await buyer.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey, notes: 'Ring at gate 4' } });
      expect(replay.id).toBe(order.id);
      expect((await failure(buyer.api.request(PLACE, { i: { idempotencyKey, notes: 'Ring at gate 5' } }))).codes).toEqual(['CONFLICT']);
      expect((await failure(buyer.api.request(PLACE, { i: { idempotencyKey, lines: [{ productId: catalogue[0].id, quantity: 1 }] } }))).codes).toEqual(['CONFLICT']);
      expect((await outboxMessages()).filter((m) => m.key === order.id)).toHaveLength(1);
    });

    it('reaches the ERP exactly once and comes back CONFIRMED with its ERP number, delivery date and how the ERP split the lines', async () => {
      await eventually(async () => (await outboxMessages()).find((m) => m.key === orderId)?.status === 'DELIVERED', 20_000, 'delivery to the ERP');
      expect(await acceptedByErp(orderId)).toBe(1);
      await syncNow('orders');
      const { order } = await buyer.api.request<{ order: any }>(ORDER, { id: orderId });
      expect(order).toMatchObject({ status: 'CONFIRMED', erpNumber: expect.stringMatching(/^SO-\d+$/), statusReason: null });
      expect(order.number).toBe(order.erpNumber);
      expect(order.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const line of order.lines) {
        expect(line.orderedLineNo).toBeGreaterThanOrEqual(1);
        expect(line.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(line.warehouseCode === null ? line.backOrdered : true).toBe(true);
      }
      expect(order.timeline.map((e: any) => [e.source, e.previousStatus, e.status])).toEqual([['WEB', null, 'PENDING'], ['ERP_RECEIPT', 'PENDING', 'CONFIRMED']]);
      expect(order.timeline[0].by).toEqual({ id: buyer.id });
    });

    it('moves on in the ERP, and its subscribers see every status with the fields of every subgraph; another company sees nothing of it', async () => {
      // The buyer who placed it watches it (a buyer does not see invoices: orders, customers and products fields).
      // The count of checks only grows; the number open can fall meanwhile (other test files share the field).
      const serving = fieldMetrics(await gatewayMetrics(), 'orderStatusChanged').checks;
      const watch = new RecordedSubscription(socket(buyer.token), `subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status number company { name } lines { sku product { name } } } }`, { id: orderId });
      await untilMetrics((m) => fieldMetrics(m, 'orderStatusChanged').checks > serving && fieldMetrics(m, 'orderStatusChanged').active > 0);
      const { order } = await buyer.api.request<{ order: { erpNumber: string } }>(ORDER, { id: orderId });
      for (const status of ['PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED']) {
        expect(await erpAdmin('POST', `/admin/orders/${order.erpNumber}/advance`, { steps: 1 })).toEqual({ orderNumber: order.erpNumber, status });
        await syncNow('orders');
        await watch.until((s) => s.results.some((r) => r.data?.orderStatusChanged?.status === status), 15_000);
      }
      // Ended at once: other test files count the orderStatusChanged subscriptions of the shared gateway.
      watch.unsubscribe();
      // The invoice (finance) reaches the admin's subscription too.
      await syncNow('invoices');
      await mine.until((s) => seenOf(s, orderId).some((o) => o.invoices?.length > 0), 15_000);
      expect(changes(watch.results.map((r) => r.data.orderStatusChanged.status))).toEqual(['PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED']);
      expect(watch.results.at(-1)!.data.orderStatusChanged).toMatchObject({ number: order.erpNumber, company: { name: company.name } });

      expect(statusesOf(mine, orderId)).toEqual(['PENDING', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED']);
      const last = seenOf(mine, orderId).at(-1);
      expect(last).toMatchObject({ status: 'INVOICED', number: order.erpNumber, company: { name: company.name }, invoices: [{ number: `INV-${order.erpNumber.replace(/^SO-/, '')}`, status: 'OPEN' }] });
      for (const line of last.lines) expect(line.product.name).toEqual(expect.any(String));
      for (const result of [...mine.results, ...watch.results]) expect(result.errors).toBeUndefined();
      // Another company's subscriber never got this order, nor its number.
      expect(seenOf(theirs, orderId)).toEqual([]);
      expect(JSON.stringify(theirs.results)).not.toContain(order.erpNumber);
      // Watching another company's order by its id: NOT_FOUND, like an order that does not exist.
      const prying = new RecordedSubscription(socket(await tokenFor(demoUser(1, 'customer admin').email)), `subscription($id: ID!) { orderStatusChanged(orderId: $id) { id } }`, { id: orderId });
      await prying.until((s) => s.error !== undefined);
      expect(prying.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

      const { order: done } = await buyer.api.request<{ order: any }>(ORDER, { id: orderId });
      expect(done.timeline.map((e: any) => [e.source, e.status])).toEqual([
        ['WEB', 'PENDING'], ['ERP_RECEIPT', 'CONFIRMED'], ['ERP_SYNC', 'PICKED'], ['ERP_SYNC', 'SHIPPED'], ['ERP_SYNC', 'DELIVERED'], ['ERP_SYNC', 'INVOICED'],
      ]);
    });
  });

  describe("the ERP's split and its operator's corrections", () => {
    const product = catalogue[25];
    let stock: Record<string, any>;

    beforeAll(async () => {
      stock = Object.fromEntries(await Promise.all(['MAL', 'POZ', 'VLC'].map(async (w) => [w, await erpAdmin('GET', `/admin/records/stock/${encodeURIComponent(`${w}:${product.sku}`)}`)])));
    });
    afterAll(async () => {
      for (const record of Object.values(stock)) await erpAdmin('POST', '/admin/records/stock', record);
    });

    it('shows lines split by warehouse and into a back order as the ERP split them, and corrections as before and after per line', async () => {
      const receipt = '2030-01-15';
      await erpAdmin('POST', '/admin/records/stock', { ...stock.MAL, onHand: '2', reserved: '0', nextReceiptDate: null, nextReceiptQuantity: null });
      await erpAdmin('POST', '/admin/records/stock', { ...stock.POZ, onHand: '1', reserved: '0', nextReceiptDate: null, nextReceiptQuantity: null });
      await erpAdmin('POST', '/admin/records/stock', { ...stock.VLC, onHand: '0', reserved: '0', nextReceiptDate: receipt, nextReceiptQuantity: '100' });
      const { placeOrder } = await buyer.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey: key(), lines: [{ productId: catalogue[26].id, quantity: 1 }, { productId: product.id, quantity: 5 }] } });
      await eventually(async () => (await outboxMessages()).find((m) => m.key === placeOrder.id)?.status === 'DELIVERED', 20_000, 'delivery to the ERP');
      await syncNow('orders');
      const { order } = await buyer.api.request<{ order: any }>(ORDER, { id: placeOrder.id });
      const parts = order.lines.filter((l: any) => l.sku === product.sku);
      expect(parts.map((l: any) => [l.orderedLineNo, l.quantity, l.warehouseCode, l.backOrdered])).toEqual([[2, '2', 'MAL', false], [2, '1', 'POZ', false], [2, '2', 'VLC', true]]);
      expect(parts[2].deliveryDate).toBe(receipt);
      expect(order.deliveryDate).toBe(receipt);
      // A split is not a correction.
      expect(order.corrections).toEqual([]);

      // The ERP's operator cuts the back order to one and gives a discount on the first line.
      const record = await erpAdmin('GET', `/admin/records/orders/${order.erpNumber}`);
      const lines = record.lines.map((l: any) => (l.backOrdered ? { ...l, quantity: '1', lineTotal: l.unitPrice } : l.lineNo === 1 ? { ...l, unitPrice: '1.00', lineTotal: '1.00' } : l));
      await erpAdmin('POST', '/admin/records/orders', { ...record, lines });
      await syncNow('orders');
      const { order: corrected } = await buyer.api.request<{ order: any }>(ORDER, { id: placeOrder.id });
      const unitPrice = parts[0].unitPrice.amount;
      expect(corrected.corrections).toEqual([
        { lineNo: 1, before: { sku: catalogue[26].sku, quantity: '1', unitPrice: { amount: order.lines[0].unitPrice.amount } }, after: { sku: catalogue[26].sku, quantity: '1', unitPrice: { amount: '1.00' } } },
        { lineNo: 2, before: { sku: product.sku, quantity: '5', unitPrice: { amount: unitPrice } }, after: { sku: product.sku, quantity: '4', unitPrice: { amount: unitPrice } } },
      ]);
      expect(corrected.timeline.at(-1)).toMatchObject({ source: 'ERP_CORRECTION', status: 'CONFIRMED', previousStatus: 'CONFIRMED', corrections: [{ lineNo: 1 }, { lineNo: 2 }] });
    });
  });

  it('lists the order history by period, status, branch and openness, page by page, with totals', async () => {
    const { addBranch } = await company.admin.api.request<{ addBranch: { id: string } }>(
      'mutation($i: BranchInput!) { addBranch(input: $i) { id } }', { i: { name: 'Loop branch', address: { street: 'Haru 1', postalCode: '10111', city: 'Tallinn', country: 'EE' } } });
    const { placeOrder: forBranch } = await buyer.api.request<{ placeOrder: any }>(PLACE, { i: { idempotencyKey: key(), branchId: addBranch.id, lines: [{ productId: catalogue[27].id, quantity: 1 }] } });
    const ORDERS = `query($f: OrderFilter, $first: Int!, $after: String) { orders(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status placedAt branchId } } } }`;
    type Page = { orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; status: string; placedAt: string; branchId: string | null } }> } };
    const today = new Date().toISOString().slice(0, 10);
    const all = (await buyer.api.request<Page>(ORDERS, { f: { placedFrom: today, placedTo: today }, first: 100 })).orders;
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThanOrEqual(5);
    const placedAt = all.edges.map((e) => e.node.placedAt);
    expect([...placedAt].sort().reverse()).toEqual(placedAt);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['orders'] = (await buyer.api.request<Page>(ORDERS, { f: { placedFrom: today }, first: 2, after })).orders;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));

    expect((await buyer.api.request<Page>(ORDERS, { f: { branchId: addBranch.id }, first: 10 })).orders.edges.map((e) => e.node.id)).toEqual([forBranch.id]);
    const invoiced = (await buyer.api.request<Page>(ORDERS, { f: { statuses: ['INVOICED'] }, first: 10 })).orders.edges.map((e) => e.node.status);
    expect(invoiced).toEqual(['INVOICED']);
    const notInvoiced = (await buyer.api.request<Page>(ORDERS, { f: { open: 'NOT_INVOICED' }, first: 100 })).orders;
    expect(notInvoiced.totalCount).toBe(all.totalCount - 1);
    const notDelivered = (await buyer.api.request<Page>(ORDERS, { f: { open: 'NOT_DELIVERED', placedFrom: today }, first: 100 })).orders;
    expect(notDelivered.edges.every((e) => !['DELIVERED', 'INVOICED'].includes(e.node.status))).toBe(true);
    expect((await buyer.api.request<Page>(ORDERS, { f: { placedTo: '2000-01-01' }, first: 10 })).orders.totalCount).toBe(0);
    expect((await failure(buyer.api.request(ORDERS, { f: { placedFrom: 'yesterday' }, first: 10 }))).fields).toEqual(['filter.placedFrom']);
    expect((await failure(buyer.api.request(ORDERS, { first: 10, after: 'garbage' }))).fields).toEqual(['after']);
  });
});
