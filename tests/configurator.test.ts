import { as, failure } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';

/**
 * The product configurator (P7) through the gateway against the demo ERP: a configurable window's
 * options and rules synced from the ERP, a configuration judged (every broken rule with its code
 * and text) and priced per company (its own price of the window plus what the options add), a
 * configured window into the basket (a broken rule refused with the rule, changing nothing) and
 * ordered, and the ERP receiving the line with its configuration.
 */

const WINDOW = 'WIN-CFG-01';
const CONFIGURE = `query($p: ID!, $o: [ConfigurationOptionInput!]!) {
  configureProduct(productId: $p, options: $o) { valid summary areaSquareMetres options { code value }
    brokenRules { code option ruleCode text } basePrice { amount currency } priceParts { label amount { amount currency } } unitPrice { amount currency } } }`;
const BASKET = '{ basket { lines { sku quantity configuration { summary options { code value } } unitPrice { amount currency } lineTotal { amount } available } totals { net { amount } } } }';
const ADD_CONFIGURED = 'mutation($i: AddConfiguredToBasketInput!) { addConfiguredToBasket(input: $i) { lines { sku quantity configuration { summary } unitPrice { amount } } } }';

/** 1200 × 1400 mm (1.68 m²), tilt and turn, triple glazing on the thermal frame, anthracite, lockable handle. */
const GOOD = [
  { code: 'WIDTH', value: '1200' }, { code: 'HEIGHT', value: '1400' }, { code: 'OPENING', value: 'TILT_TURN' }, { code: 'GLAZING', value: 'TRIPLE' },
  { code: 'FRAME', value: 'THERMAL' }, { code: 'COLOUR', value: 'ANTHRACITE' }, { code: 'HANDLE', value: 'LOCKABLE' },
];
/** What the options add: 1.68 m² × 85.00 + 45.00 + 1.68 × 42.50 + 38.00 + 29.90 + 18.50. */
const OPTIONS_ADD = ['142.80', '45.00', '71.40', '38.00', '29.90', '18.50'];
const withOption = (code: string, value: string | null) => [...GOOD.filter((o) => o.code !== code), ...(value === null ? [] : [{ code, value }])];

describe('product configurator through the gateway', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  let windowId: string;

  beforeAll(async () => {
    await syncNow('productConfigurations');
    company = await freshCompany('Configurator');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
    windowId = (await buyer.api.request<{ product: { id: string } }>('query($s: String!) { product(sku: $s) { id } }', { s: WINDOW })).product.id;
  });

  it("shows the window's options and combination rules as the ERP has them", async () => {
    const { product } = await buyer.api.request<any>(
      'query($s: String!) { product(sku: $s) { configurator { currency pricePerSquareMetre options { code kind required unit min max step values { code price pricePerSquareMetre } } rules { code kind whenOption whenValue thenOption thenValue text } } } }',
      { s: WINDOW },
    );
    const erp = await erpAdmin('GET', `/admin/records/productConfigurations/${WINDOW}`);
    expect(product.configurator.currency).toBe(erp.currency);
    expect(product.configurator.options.map((o: any) => o.code)).toEqual(erp.options.map((o: any) => o.code));
    expect(product.configurator.options[0]).toMatchObject({ code: 'WIDTH', kind: 'DIMENSION', required: true, unit: 'mm', min: '600', max: '2400', step: '10', values: [] });
    expect(product.configurator.rules).toContainEqual({ code: 'W-TRIPLE-THERMAL', kind: 'REQUIRES', whenOption: 'GLAZING', whenValue: 'TRIPLE', thenOption: 'FRAME', thenValue: 'THERMAL', text: 'Triple glazing needs the thermal 82 mm frame.' });
    // An ordinary product has none.
    expect((await buyer.api.request<any>('{ products(first: 1) { edges { node { sku configurator { currency } } } } }')).products.edges[0].node.configurator).toBeNull();
  });

  it('prices a valid configuration per company: its own price of the window plus what the options add', async () => {
    const retail = (await buyer.api.request<any>(CONFIGURE, { p: windowId, o: GOOD })).configureProduct;
    expect(retail).toMatchObject({ valid: true, brokenRules: [], areaSquareMetres: '1.68', basePrice: { amount: '120.00', currency: 'EUR' }, unitPrice: { amount: '465.60', currency: 'EUR' } });
    expect(retail.priceParts.map((p: any) => p.amount.amount)).toEqual(OPTIONS_ADD);
    expect(retail.summary).toBe('Width 1200 mm, Height 1400 mm, Opening: Tilt and turn, Glazing: Triple glazing, Frame: Thermal 82 mm, Colour: Anthracite grey, Handle: Lockable handle');
    // A wholesaler (Nordic Tools) buys the window itself at its group price; the options cost the same.
    const wholesale = (await (await as('anna@nordic-tools.example')).request<any>(CONFIGURE, { p: windowId, o: GOOD })).configureProduct;
    expect(wholesale).toMatchObject({ valid: true, basePrice: { amount: '108.00' }, unitPrice: { amount: '453.60' } });
    // A customer price the ERP gives this company alone moves its configured price, nobody else's.
    await erpAdmin('POST', '/admin/records/prices', {
      key: `C:${company.erpNumber}:${WINDOW}:1`, sku: WINDOW, customerNumber: company.erpNumber, customerGroup: null, minQuantity: '1', price: '100.00', currency: 'EUR', validFrom: null, validTo: null, promotion: false,
    });
    await syncNow('prices');
    expect((await buyer.api.request<any>(CONFIGURE, { p: windowId, o: GOOD })).configureProduct).toMatchObject({ basePrice: { amount: '100.00' }, unitPrice: { amount: '445.60' } });
    expect((await (await as('marta@kowalski-hurt.example')).request<any>(CONFIGURE, { p: windowId, o: GOOD })).configureProduct.unitPrice.amount).toBe('465.60');
  });

  it('reports every rule a configuration breaks, with its code and text, and no price', async () => {
    const broken = async (options: Array<{ code: string; value: string }>) => {
      const answer = (await buyer.api.request<any>(CONFIGURE, { p: windowId, o: options })).configureProduct;
      expect(answer.valid).toBe(false);
      expect(answer.unitPrice).toBeNull();
      return answer.brokenRules.map((r: any) => [r.code, r.option, r.ruleCode, r.text]);
    };
    expect(await broken(withOption('FRAME', 'STANDARD'))).toEqual([['REQUIRES', 'FRAME', 'W-TRIPLE-THERMAL', 'Triple glazing needs the thermal 82 mm frame.']]);
    expect(await broken(withOption('WIDTH', '605'))).toEqual([['OFF_STEP', 'WIDTH', null, 'Width must be from 600 mm to 2400 mm in steps of 10 mm.']]);
    expect(await broken(withOption('WIDTH', '2500'))).toEqual([['OUT_OF_RANGE', 'WIDTH', null, 'Width must be from 600 mm to 2400 mm in steps of 10 mm.']]);
    expect(await broken(withOption('WIDTH', 'wide'))).toEqual([['NOT_A_NUMBER', 'WIDTH', null, 'Width must be a number in mm.']]);
    expect(await broken(withOption('COLOUR', null))).toEqual([['MISSING_OPTION', 'COLOUR', null, 'Choose the colour.']]);
    expect(await broken(withOption('COLOUR', 'PINK'))).toEqual([['UNKNOWN_VALUE', 'COLOUR', null, 'Colour is one of WHITE, ANTHRACITE, OAK; PINK is not offered.']]);
    expect(await broken([...GOOD, { code: 'SHUTTER', value: 'YES' }])).toEqual([['UNKNOWN_OPTION', 'SHUTTER', null, 'There is no option SHUTTER for this product.']]);
    // All at once: a fixed window with a handle (excluded), off-step height, standard frame with triple glazing.
    expect(await broken([...withOption('OPENING', 'FIXED').filter((o) => o.code !== 'FRAME' && o.code !== 'HEIGHT'), { code: 'FRAME', value: 'STANDARD' }, { code: 'HEIGHT', value: '1405' }])).toEqual([
      ['OFF_STEP', 'HEIGHT', null, 'Height must be from 600 mm to 2200 mm in steps of 10 mm.'],
      ['REQUIRES', 'FRAME', 'W-TRIPLE-THERMAL', 'Triple glazing needs the thermal 82 mm frame.'],
      ['EXCLUDES', 'HANDLE', 'W-FIXED-HANDLE', 'A fixed window has no handle.'],
    ]);
    // Not configurable, unknown, malformed: codes.
    const { products } = await buyer.api.request<any>('{ products(first: 1) { edges { node { id } } } }');
    expect((await failure(buyer.api.request(CONFIGURE, { p: products.edges[0].node.id, o: GOOD }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(buyer.api.request(CONFIGURE, { p: '00000000-0000-4000-8000-000000000000', o: GOOD }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(buyer.api.request(CONFIGURE, { p: windowId, o: [{ code: 'no spaces allowed', value: '1' }] }))).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an invalid configuration into the basket with the rule it breaks and changes nothing; a valid one goes in priced with its options', async () => {
    const basketOf = async () => (await buyer.api.request<any>(BASKET)).basket;
    expect((await basketOf()).lines).toEqual([]);
    // The window without its options: it is built to order.
    const plain = await failure(buyer.api.request('mutation($s: String!) { addToBasket(input: { sku: $s, quantity: "1" }) { lineCount } }', { s: WINDOW }));
    expect(plain.codes).toEqual(['BAD_USER_INPUT']);
    expect(plain.messages[0]).toMatch(/built to your options/);
    const invalid = await failure(buyer.api.request(ADD_CONFIGURED, { i: { productId: windowId, quantity: '2', options: withOption('FRAME', 'STANDARD') } }));
    expect(invalid.codes).toEqual(['BAD_USER_INPUT']);
    expect(invalid.messages[0]).toBe(`${WINDOW} cannot be built as configured: Triple glazing needs the thermal 82 mm frame.`);
    expect(invalid.extensions[0].brokenRules).toEqual([{ code: 'REQUIRES', option: 'FRAME', ruleCode: 'W-TRIPLE-THERMAL', text: 'Triple glazing needs the thermal 82 mm frame.' }]);
    expect((await basketOf()).lines).toEqual([]);

    await buyer.api.request(ADD_CONFIGURED, { i: { productId: windowId, quantity: '1', options: GOOD } });
    // The same options again add to the quantity (given in another order and case, they are the same configuration).
    await buyer.api.request(ADD_CONFIGURED, { i: { productId: windowId, quantity: '1', options: [...GOOD].reverse().map((o) => ({ code: o.code.toLowerCase(), value: o.value })) } });
    const basket = await basketOf();
    expect(basket.lines).toEqual([{
      sku: WINDOW, quantity: '2', available: true, unitPrice: { amount: '445.60', currency: 'EUR' }, lineTotal: { amount: '891.20' },
      configuration: { summary: expect.stringContaining('Glazing: Triple glazing'), options: GOOD },
    }]);
    expect(basket.totals.net.amount).toBe('891.20');
    // Other options while one configuration is in the basket: CONFLICT, nothing changes.
    expect((await failure(buyer.api.request(ADD_CONFIGURED, { i: { productId: windowId, quantity: '1', options: withOption('COLOUR', 'WHITE') } }))).codes).toEqual(['CONFLICT']);
    expect((await basketOf()).lines.map((l: any) => l.quantity)).toEqual(['2']);
  });

  it('orders the configured window: the order and the ERP carry its configuration, priced with it', async () => {
    const { placeOrder } = await buyer.api.request<any>(
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status total { amount } lines { sku unitPrice { amount } configuration { summary options { code value } } } } }',
      { i: { idempotencyKey: key() } },
    );
    expect(placeOrder.total.amount).toBe('891.20');
    expect(placeOrder.lines).toEqual([{ sku: WINDOW, unitPrice: { amount: '445.60' }, configuration: { summary: expect.stringContaining('Width 1200 mm'), options: GOOD } }]);
    await eventually(async () => (await outboxMessages()).find((m) => m.key === placeOrder.id)?.status === 'DELIVERED', 30_000, 'delivery to the ERP');
    await syncNow('orders');
    const { order } = await buyer.api.request<any>('query($id: ID!) { order(id: $id) { erpNumber } }', { id: placeOrder.id });
    const erpOrder = await erpAdmin('GET', `/admin/records/orders/${order.erpNumber}`);
    expect(erpOrder.lines[0]).toMatchObject({ sku: WINDOW, quantity: '2', unitPrice: '445.60', configuration: { options: GOOD, summary: placeOrder.lines[0].configuration.summary } });
    // The basket is empty again.
    expect((await buyer.api.request<any>(BASKET)).basket.lines).toEqual([]);
  });

  it('refuses placing the window by lines without its options, and a configuration for an ordinary product', async () => {
    const placed = await failure(buyer.api.request('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', { i: { idempotencyKey: key(), lines: [{ productId: windowId, quantity: 1 }] } }));
    expect(placed.codes).toEqual(['BAD_USER_INPUT']);
    expect(placed.messages[0]).toMatch(/cannot be built as configured: Choose the width/);
    const { products } = await buyer.api.request<any>('{ products(first: 1) { edges { node { id } } } }');
    const ordinary = await failure(buyer.api.request(ADD_CONFIGURED, { i: { productId: products.edges[0].node.id, quantity: '1', options: GOOD } }));
    expect(ordinary.codes).toEqual(['BAD_USER_INPUT']);
    expect(ordinary.messages[0]).toMatch(/not a configurable product/);
  });
});
