import Decimal from 'decimal.js';
import { GraphQLClient } from 'graphql-request';
import { as, demo, failure } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';

/**
 * Delivery costs (O12) through the gateway against the demo ERP: the items' weight, volume and
 * packing from the ERP, staff's transport rules by weight band per method and country, the packing
 * estimate in parcels and pallets, the matching rule's cost in the basket as lines change, free
 * delivery from a threshold, a logistic minimum's surcharge, and the order's total and ERP
 * submission carrying the delivery. Every bad rule gets its code and changes nothing.
 *
 * Everything here ships to Latvia (a delivery address the test gives its own company in the ERP),
 * where no other test delivers, so its rules change no other test's totals.
 */

const ORDER_STAFF = 'orders@hub.example';
const COUNTRY = 'LV';
const SET_RATE = 'mutation($i: DeliveryRateInput!, $id: ID) { setDeliveryRate(input: $i, id: $id) { id method country maxWeightKg maxVolumeM3 baseCost { amount currency } costPerParcel { amount } costPerPallet { amount } freeFrom { amount } } }';
const RATES = '{ deliveryRates { id method country maxWeightKg baseCost { amount } freeFrom { amount } } }';
const BASKET = `{ basket { totals { net { amount } } lines { sku quantity lineTotal { amount } }
  delivery { country method parcels pallets weightKg volumeM3 cost { amount currency } free freeFrom { amount } missingForFree { amount }
    surcharges { kind sku amount { amount } text } total { amount } options { method cost { amount } free } unknownProducts problem } } }`;

/** Products a new retail company may order one of (the demo orders use them), by family. */
const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const orderable = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id));
const bolt = orderable.filter((p) => p.sku.startsWith('HB-')).slice(-1)[0];
const adhesive = orderable.filter((p) => p.sku.startsWith('TA-')).slice(-1)[0];

interface Delivery {
  country: string | null; method: string | null; parcels: number; pallets: number; weightKg: string; volumeM3: string; cost: { amount: string; currency: string } | null; free: boolean;
  freeFrom: { amount: string } | null; missingForFree: { amount: string } | null; surcharges: Array<{ kind: string; sku: string | null; amount: { amount: string }; text: string }>;
  total: { amount: string }; options: Array<{ method: string; cost: { amount: string }; free: boolean }>; unknownProducts: string[]; problem: string | null;
}

describe('delivery costs through the gateway', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  let staff: GraphQLClient;
  const rateIds: string[] = [];
  const minimumIds: string[] = [];
  const basket = async () => (await buyer.api.request<{ basket: { totals: { net: { amount: string } } | null; lines: Array<{ sku: string; lineTotal: { amount: string } }>; delivery: Delivery | null } }>(BASKET)).basket;
  const setRate = async (input: Record<string, unknown>, id?: string) => {
    const { setDeliveryRate } = await staff.request<{ setDeliveryRate: { id: string } }>(SET_RATE, { i: { currency: 'EUR', ...input }, id: id ?? null });
    if (!rateIds.includes(setDeliveryRate.id)) rateIds.push(setDeliveryRate.id);
    return setDeliveryRate;
  };
  const setQuantity = (productId: string, quantity: string) => buyer.api.request('mutation($i: UpdateBasketLineInput!) { updateBasketLine(input: $i) { lineCount } }', { i: { productId, quantity } });

  beforeAll(async () => {
    company = await freshCompany('Delivery');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
    staff = await as(ORDER_STAFF);
    // The ERP gives the company a site in Riga.
    const customer = await erpAdmin('GET', `/admin/records/customers/${company.erpNumber}`);
    await erpAdmin('POST', '/admin/records/customers', {
      ...customer, deliveryAddresses: [...customer.deliveryAddresses, { code: 'RIX', name: `${company.name}, Riga`, street: 'Brīvības iela 1', postalCode: 'LV-1010', city: 'Rīga', country: COUNTRY }],
    });
    await syncNow('customers');
    await buyer.api.request('mutation { setBasketDetails(input: { deliveryAddressCode: "RIX" }) { deliveryAddressCode } }');
  });

  afterAll(async () => {
    for (const id of rateIds) await staff.request('mutation($id: ID!) { removeDeliveryRate(id: $id) }', { id }).catch(() => undefined);
    for (const id of minimumIds) await staff.request('mutation($id: ID!) { removeLogisticMinimum(id: $id) }', { id }).catch(() => undefined);
  });

  it('keeps staff rules, and refuses bad ones with their codes, changing nothing', async () => {
    const small = await setRate({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '30', baseCost: '6.90', costPerParcel: '1.50', freeFrom: '5000.00' });
    expect(small).toMatchObject({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '30', maxVolumeM3: null, baseCost: { amount: '6.90', currency: 'EUR' }, costPerParcel: { amount: '1.50' }, costPerPallet: { amount: '0.00' }, freeFrom: { amount: '5000.00' } });
    await setRate({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '100', baseCost: '14.90', costPerParcel: '1.50', freeFrom: '5000.00' });
    await setRate({ method: 'PALLET', country: COUNTRY, baseCost: '45.00', costPerPallet: '65.00' });
    // The same band again is the same rule, replaced (not a second one).
    expect((await setRate({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '30.000', baseCost: '6.90', costPerParcel: '1.50', freeFrom: '5000.00' })).id).toBe(small.id);
    const before = (await staff.request<{ deliveryRates: any[] }>(RATES)).deliveryRates.filter((r) => r.country === COUNTRY);
    expect(before.map((r) => [r.method, r.maxWeightKg])).toEqual([['PALLET', null], ['PARCEL', '30'], ['PARCEL', '100']]);

    const refused = async (input: Record<string, unknown>, id?: string, api: GraphQLClient = staff) => (await failure(api.request(SET_RATE, { i: { method: 'PARCEL', country: COUNTRY, baseCost: '1', currency: 'EUR', ...input }, id: id ?? null }))).codes;
    expect(await refused({}, undefined, buyer.api)).toEqual(['FORBIDDEN']);
    expect(await refused({ method: 'by truck' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ country: 'Latvia' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ currency: 'EURO' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ baseCost: '-1' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ maxWeightKg: '0' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ costPerParcel: '1e999' })).toEqual(['BAD_USER_INPUT']);
    // Moving the 100 kg rule into the 30 kg band another rule holds: CONFLICT; an unknown rule: NOT_FOUND.
    const heavy = before.find((r) => r.maxWeightKg === '100')!;
    expect(await refused({ maxWeightKg: '30' }, heavy.id)).toEqual(['CONFLICT']);
    expect(await refused({}, '00000000-0000-4000-8000-000000000000')).toEqual(['NOT_FOUND']);
    expect((await failure(staff.request('mutation { removeDeliveryRate(id: "00000000-0000-4000-8000-000000000000") }'))).codes).toEqual(['NOT_FOUND']);
    const MINIMUM = 'mutation($i: LogisticMinimumInput!) { setLogisticMinimum(input: $i) { id } }';
    const refusedMinimum = async (input: Record<string, unknown>) => (await failure(staff.request(MINIMUM, { i: { surcharge: '5', currency: 'EUR', ...input } }))).codes;
    expect(await refusedMinimum({ companyId: company.id, productId: bolt.id, minQuantity: '5' })).toEqual(['BAD_USER_INPUT']);
    expect(await refusedMinimum({ productId: bolt.id, minOrderValue: '100' })).toEqual(['BAD_USER_INPUT']);
    expect(await refusedMinimum({ companyId: company.id })).toEqual(['BAD_USER_INPUT']);
    expect(await refusedMinimum({ companyId: company.id, minOrderValue: '100', surcharge: '0' })).toEqual(['BAD_USER_INPUT']);
    expect((await staff.request<{ deliveryRates: any[] }>(RATES)).deliveryRates.filter((r) => r.country === COUNTRY)).toEqual(before);
    expect((await staff.request<{ logisticMinimums: any[] }>('{ logisticMinimums { id companyId } }')).logisticMinimums.filter((m) => m.companyId === company.id)).toEqual([]);
  });

  it('shows the delivery in the basket: packing, the matching rule and its cost change as lines are added', async () => {
    expect((await basket()).delivery).toBeNull();
    await buyer.api.request('mutation($p: ID!) { addToBasket(input: { productId: $p, quantity: "2" }) { lineCount } }', { p: bolt.id });
    let b = await basket();
    // Two boxes of bolts (1.8 kg, 12 a parcel): one parcel of 3.6 kg, the 30 kg parcel rule: 6.90 + 1 × 1.50.
    expect(b.delivery).toMatchObject({ country: COUNTRY, method: 'PARCEL', parcels: 1, pallets: 0, weightKg: '3.6', cost: { amount: '8.40', currency: 'EUR' }, free: false, freeFrom: { amount: '5000.00' }, surcharges: [], total: { amount: '8.40' }, unknownProducts: [], problem: null });
    expect(b.delivery!.missingForFree!.amount).toBe(new Decimal('5000').minus(b.totals!.net.amount).toFixed(2));
    expect(b.delivery!.options).toEqual([{ method: 'PARCEL', cost: { amount: '8.40' }, free: false }, { method: 'PALLET', cost: { amount: '45.00' }, free: false }]);

    // Two bags of tile adhesive (25 kg, one a parcel): three parcels, 53.6 kg: the 100 kg band, 14.90 + 3 × 1.50.
    await buyer.api.request('mutation($p: ID!) { addToBasket(input: { productId: $p, quantity: "2" }) { lineCount } }', { p: adhesive.id });
    b = await basket();
    expect(b.delivery).toMatchObject({ method: 'PARCEL', parcels: 3, pallets: 0, weightKg: '53.6', cost: { amount: '19.40' }, total: { amount: '19.40' } });

    // A pallet's worth of adhesive (48 a pallet): no parcel band carries 1,203.6 kg, the pallet rule does: 45.00 + 1 × 65.00.
    await setQuantity(adhesive.id, '48');
    b = await basket();
    expect(b.delivery).toMatchObject({ method: 'PALLET', parcels: 1, pallets: 1, weightKg: '1203.6', cost: { amount: '110.00' } });
    expect(b.delivery!.options.map((o) => o.method)).toEqual(['PALLET']);
    // Asking for a method that does not carry it: no method, and why.
    const byParcel = (await buyer.api.request<any>('{ basket { delivery(method: "PARCEL") { method cost { amount } problem } } }')).basket.delivery;
    expect(byParcel).toEqual({ method: null, cost: null, problem: `No PARCEL delivery rule covers this shipment to ${COUNTRY}.` });
    await setQuantity(adhesive.id, '2');
  });

  it("shows a staff rule change on the next basket read, and delivers free from the rule's threshold", async () => {
    const net = new Decimal((await basket()).totals!.net.amount);
    const heavy = (await staff.request<{ deliveryRates: any[] }>(RATES)).deliveryRates.find((r) => r.country === COUNTRY && r.maxWeightKg === '100');
    await setRate({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '100', baseCost: '16.90', costPerParcel: '1.50', freeFrom: '5000.00' }, heavy.id);
    expect((await basket()).delivery).toMatchObject({ method: 'PARCEL', cost: { amount: '21.40' }, free: false });
    // A threshold at the basket's value: free.
    await setRate({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '100', baseCost: '16.90', costPerParcel: '1.50', freeFrom: net.toFixed(2) }, heavy.id);
    expect((await basket()).delivery).toMatchObject({ method: 'PARCEL', cost: { amount: '0.00' }, free: true, freeFrom: { amount: net.toFixed(2) }, missingForFree: null, total: { amount: '0.00' } });
    // One cent above it: the cost again, and how much is missing.
    await setRate({ method: 'PARCEL', country: COUNTRY, maxWeightKg: '100', baseCost: '16.90', costPerParcel: '1.50', freeFrom: net.plus('0.01').toFixed(2) }, heavy.id);
    expect((await basket()).delivery).toMatchObject({ cost: { amount: '21.40' }, free: false, missingForFree: { amount: '0.01' } });
  });

  it("adds a surcharge below the company's logistic minimum, and below a product's minimum quantity", async () => {
    const { setLogisticMinimum } = await staff.request<any>('mutation($i: LogisticMinimumInput!) { setLogisticMinimum(input: $i) { id companyId minOrderValue { amount } surcharge { amount currency } } }', {
      i: { companyId: company.id, minOrderValue: '100000', surcharge: '12.50', currency: 'EUR' },
    });
    minimumIds.push(setLogisticMinimum.id);
    expect(setLogisticMinimum).toMatchObject({ companyId: company.id, minOrderValue: { amount: '100000.00' }, surcharge: { amount: '12.50', currency: 'EUR' } });
    let d = (await basket()).delivery!;
    expect(d.surcharges).toEqual([{ kind: 'ORDER_VALUE', sku: null, amount: { amount: '12.50' }, text: 'Orders below 100000.00 EUR carry a handling surcharge.' }]);
    expect(d.total.amount).toBe(new Decimal(d.cost!.amount).plus('12.50').toFixed(2));
    const product = await staff.request<any>('mutation($i: LogisticMinimumInput!) { setLogisticMinimum(input: $i) { id product { id } minQuantity } }', {
      i: { productId: adhesive.id, minQuantity: '5', surcharge: '4.00', currency: 'EUR' },
    });
    minimumIds.push(product.setLogisticMinimum.id);
    expect(product.setLogisticMinimum).toMatchObject({ product: { id: adhesive.id }, minQuantity: '5' });
    d = (await basket()).delivery!;
    expect(d.surcharges.map((s) => [s.kind, s.sku, s.amount.amount])).toEqual([['ORDER_VALUE', null, '12.50'], ['PRODUCT_QUANTITY', adhesive.sku, '4.00']]);
    // The product's minimum goes when staff remove it.
    await staff.request('mutation($id: ID!) { removeLogisticMinimum(id: $id) }', { id: product.setLogisticMinimum.id });
    expect((await basket()).delivery!.surcharges.map((s) => s.kind)).toEqual(['ORDER_VALUE']);
  });

  it('carries the delivery into the order total and to the ERP', async () => {
    const b = await basket();
    const delivery = b.delivery!;
    const refused = await failure(buyer.api.request('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', { i: { idempotencyKey: key(), deliveryMethod: 'DRONE' } }));
    expect(refused.codes).toEqual(['BAD_USER_INPUT']);
    expect((await basket()).lines).toHaveLength(2);
    const { placeOrder } = await buyer.api.request<any>(
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total { amount } delivery { method country parcels pallets cost { amount } surcharges { kind amount { amount } } total { amount } } } }',
      { i: { idempotencyKey: key() } },
    );
    const expectedTotal = new Decimal(b.totals!.net.amount).plus(delivery.total.amount).toFixed(2);
    expect(placeOrder.total.amount).toBe(expectedTotal);
    expect(placeOrder.delivery).toEqual({
      method: 'PARCEL', country: COUNTRY, parcels: delivery.parcels, pallets: 0, cost: { amount: delivery.cost!.amount }, surcharges: [{ kind: 'ORDER_VALUE', amount: { amount: '12.50' } }], total: { amount: delivery.total.amount },
    });
    await eventually(async () => (await outboxMessages()).find((m) => m.key === placeOrder.id)?.status === 'DELIVERED', 30_000, 'delivery to the ERP');
    await syncNow('orders');
    const { order } = await buyer.api.request<any>('query($id: ID!) { order(id: $id) { erpNumber } }', { id: placeOrder.id });
    const erpOrder = await erpAdmin('GET', `/admin/records/orders/${order.erpNumber}`);
    expect(erpOrder.delivery).toEqual({ method: 'PARCEL', parcels: delivery.parcels, pallets: 0, charge: delivery.total.amount });
    expect(erpOrder.total).toBe(expectedTotal);
    expect(erpOrder.deliveryAddressCode).toBe('RIX');
  });
});
