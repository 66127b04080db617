import Decimal from 'decimal.js';
import { orderIdOf } from '@hub/orders';
import { as, client, failure } from './support/hub-client';
import { card, completeThreeDSecure, paymentsAdmin, TEST_CARDS } from './support/demo-payments';
import { freshCompany, FreshCompany, syncNow } from './support/ordering';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';

/**
 * The public prepaid shop (O8) through the gateway, as an anonymous visitor: a basket kept by its
 * signed token at the public prices, checked out as a guest with a card the demo payment provider
 * authorises before any order is written, captured at delivery (once); a declined card makes no
 * order; 3-D Secure holds the order until the card is authorised; the basket survives sign-up.
 */

const BASKET = 'token lines { productId sku name quantity unitPrice { amount currency } lineTotal { amount } } total { amount currency } orderId';
const ADD = `mutation($t: String, $p: ID!, $q: Int!) { addToGuestBasket(basketToken: $t, productId: $p, quantity: $q) { ${BASKET} } }`;
const SET = `mutation($t: String!, $p: ID!, $q: Int!) { setGuestBasketLine(basketToken: $t, productId: $p, quantity: $q) { ${BASKET} } }`;
const GET = `query($t: String!) { guestBasket(basketToken: $t) { ${BASKET} } }`;
const ORDER = 'id number status statusReason total { amount currency } deliveryCost { amount } pickupStoreCode paymentStatus paymentRedirectUrl';
const CHECKOUT = `mutation($t: String!, $i: GuestCheckoutInput!) { checkoutGuestBasket(basketToken: $t, input: $i) { ${ORDER} } }`;
const CONFIRM = `mutation($t: String!) { confirmGuestCheckout(basketToken: $t) { ${ORDER} } }`;
const GUEST_ORDER = `query($t: String!) { guestOrder(basketToken: $t) { ${ORDER} } }`;
const CLAIM = 'mutation($t: String!) { claimGuestBasket(basketToken: $t) { lines { product { sku } quantity } } }';

interface Basket { token: string; lines: Array<{ productId: string; sku: string; quantity: number; unitPrice: { amount: string; currency: string }; lineTotal: { amount: string } }>; total: { amount: string; currency: string } | null; orderId: string | null }
interface GuestOrder { id: string; number: string; status: string; statusReason: string | null; total: { amount: string; currency: string }; deliveryCost: { amount: string }; pickupStoreCode: string | null; paymentStatus: string | null; paymentRedirectUrl: string | null }

const visitor = client();
const address = { street: 'Storgatan 12', postalCode: '11122', city: 'Stockholm', country: 'SE' };
const guest = (extra: Record<string, unknown> = {}) => ({ name: 'Greta Guest', email: 'greta@guest.example', phone: '+46 70 123 45 67', deliveryMethod: 'DELIVERY', address, card: card(), ...extra });
const basketIdOf = (token: string) => token.split('.')[1];
const acceptedByErp = async (orderId: string): Promise<number> => (await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey?.[orderId] ?? 0;
const intentOfOrder = async (orderId: string): Promise<any> => (await paymentsAdmin('GET', '/admin/payment_intents')).find((i: any) => i.metadata.orderId === orderId);

let publicProducts: Array<{ id: string; sku: string; price: { amount: string; currency: string } }>;

async function basketWith(lines: Array<[number, number]>): Promise<Basket> {
  let token: string | null = null;
  let basket: Basket | undefined;
  for (const [index, quantity] of lines) {
    basket = (await visitor.request<{ addToGuestBasket: Basket }>(ADD, { t: token, p: publicProducts[index].id, q: quantity })).addToGuestBasket;
    token = basket.token;
  }
  return basket!;
}

// The provider's faults are left alone: tests/payments.test.ts holds its own order's webhooks while this file runs.
beforeAll(async () => {
  const { products } = await visitor.request<{ products: { edges: Array<{ node: any }> } }>('{ products(first: 60) { edges { node { id sku minOrderQuantity price { amount currency } } } } }');
  publicProducts = products.edges.map((e) => e.node).filter((p) => p.price && p.minOrderQuantity === '1' && Number(p.price.amount) > 2 && Number(p.price.amount) < 80);
  expect(publicProducts.length).toBeGreaterThan(5);
});

describe('the public prepaid shop (O8)', () => {
  it("a guest pays the delivery staff's rules set for its country, the card is authorised for goods and delivery, and the ERP invoices the charge with the goods", async () => {
    const staff = await as('orders@hub.example');
    const currency = publicProducts[2].price.currency;
    // Iceland: a country no other test delivers to, so this rule prices no one else's order.
    const { setDeliveryRate } = await staff.request<{ setDeliveryRate: { id: string } }>(
      'mutation($i: DeliveryRateInput!) { setDeliveryRate(input: $i) { id } }',
      { i: { method: 'PARCEL', country: 'IS', baseCost: '9.90', currency } },
    );
    try {
      const basket = await basketWith([[2, 1]]);
      const goods = new Decimal(publicProducts[2].price.amount);
      const order = (await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest({ address: { street: 'Laugavegur 1', postalCode: '101', city: 'Reykjavík', country: 'IS' } }) })).checkoutGuestBasket;
      expect(order).toMatchObject({ status: 'PENDING', paymentStatus: 'AUTHORIZED', deliveryCost: { amount: '9.90' }, total: { amount: goods.plus('9.90').toFixed(2), currency } });
      expect((await intentOfOrder(order.id)).amount_capturable).toBe(Number(goods.plus('9.90').mul(100)));
      const confirmed = await eventually(async () => {
        const o = (await visitor.request<{ guestOrder: GuestOrder }>(GUEST_ORDER, { t: basket.token })).guestOrder;
        return o.status === 'CONFIRMED' ? o : undefined;
      }, 30_000, 'the guest order to be confirmed by the ERP');
      const inErp = await erpAdmin('GET', `/admin/records/orders/${confirmed.number}`);
      expect({ total: inErp.total, charge: inErp.delivery?.charge }).toEqual({ total: goods.plus('9.90').toFixed(2), charge: '9.90' });
      // Read back later, the order still shows what its delivery cost.
      expect((await visitor.request<{ guestOrder: GuestOrder }>(GUEST_ORDER, { t: basket.token })).guestOrder.deliveryCost).toEqual({ amount: '9.90' });
    } finally {
      await staff.request('mutation($id: ID!) { removeDeliveryRate(id: $id) }', { id: setDeliveryRate.id });
    }
  }, 90_000);

  it('a guest fills a basket at the public prices and buys with a card authorised at order and captured at delivery, once', async () => {
    const basket = await basketWith([[0, 2], [1, 1], [0, 1]]);
    expect(basket.token).toMatch(/^gb1\./);
    expect(basket.lines.map((l) => [l.productId, l.quantity])).toEqual([[publicProducts[0].id, 3], [publicProducts[1].id, 1]]);
    expect(basket.lines[0].unitPrice).toEqual(publicProducts[0].price);
    const expected = new Decimal(publicProducts[0].price.amount).mul(3).plus(publicProducts[1].price.amount).toFixed(2);
    expect(basket.total).toEqual({ amount: expected, currency: publicProducts[0].price.currency });
    // The same basket read back by its token, and a line changed.
    expect((await visitor.request<{ guestBasket: Basket }>(GET, { t: basket.token })).guestBasket.total).toEqual(basket.total);
    const changed = (await visitor.request<{ setGuestBasketLine: Basket }>(SET, { t: basket.token, p: publicProducts[1].id, q: 2 })).setGuestBasketLine;
    const total = new Decimal(expected).plus(publicProducts[1].price.amount).toFixed(2);
    expect(changed.total!.amount).toBe(total);

    const order = (await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest() })).checkoutGuestBasket;
    expect(order).toMatchObject({ status: 'PENDING', paymentStatus: 'AUTHORIZED', total: { amount: total }, deliveryCost: { amount: '0.00' }, paymentRedirectUrl: null });
    const intent = await intentOfOrder(order.id);
    expect(intent).toMatchObject({ status: 'requires_capture', capture_method: 'manual', amount_capturable: Number(new Decimal(total).mul(100)) });
    // Checking out the same basket again (a double click): the same order, one authorisation.
    expect((await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest() })).checkoutGuestBasket.id).toBe(order.id);
    expect((await paymentsAdmin('GET', '/admin/payment_intents')).filter((i: any) => i.metadata.orderId === order.id)).toHaveLength(1);

    const confirmed = await eventually(async () => {
      const o = (await visitor.request<{ guestOrder: GuestOrder }>(GUEST_ORDER, { t: basket.token })).guestOrder;
      return o.status === 'CONFIRMED' ? o : undefined;
    }, 30_000, 'the guest order to be confirmed by the ERP');
    expect(await acceptedByErp(order.id)).toBe(1);
    // Shipped is not delivered: the card stays authorised.
    await erpAdmin('POST', `/admin/orders/${confirmed.number}/advance`, { steps: 2 });
    await syncNow('deliveryNotes');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await intentOfOrder(order.id)).status).toBe('requires_capture');
    expect(await erpAdmin('POST', `/admin/orders/${confirmed.number}/advance`, { steps: 1 })).toEqual({ orderNumber: confirmed.number, status: 'DELIVERED' });
    await syncNow('deliveryNotes');
    const captured = await eventually(async () => {
      const i = await intentOfOrder(order.id);
      return i.status === 'succeeded' ? i : undefined;
    }, 30_000, 'the card to be captured at delivery');
    expect(captured.amount_received).toBe(Number(new Decimal(total).mul(100)));
    const captures = (await paymentsAdmin('GET', '/admin/counters')).captures;
    await syncNow('deliveryNotes');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await paymentsAdmin('GET', '/admin/counters')).captures).toBe(captures);
    expect(await acceptedByErp(order.id)).toBe(1);
  });

  it('a declined card creates no order and nothing goes to the ERP; the same basket then buys with another card', async () => {
    const basket = await basketWith([[2, 1]]);
    const declined = await failure(visitor.request(CHECKOUT, { t: basket.token, i: guest({ card: card(TEST_CARDS.declined) }) }));
    expect(declined.codes).toEqual(['PAYMENT_DECLINED']);
    const wouldBe = orderIdOf(basketIdOf(basket.token), 0);
    expect((await visitor.request<{ guestBasket: Basket }>(GET, { t: basket.token })).guestBasket.orderId).toBeNull();
    expect((await failure((await as('admin@hub.example')).request('query($id: ID!) { order(id: $id) { id } }', { id: wouldBe }))).codes).toEqual(['NOT_FOUND']);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await acceptedByErp(wouldBe)).toBe(0);
    const bought = (await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest() })).checkoutGuestBasket;
    expect(bought.id).toBe(orderIdOf(basketIdOf(basket.token), 1));
    expect(bought.status).toBe('PENDING');
    await eventually(async () => (await acceptedByErp(bought.id)) === 1 || undefined, 30_000, 'the paid order to reach the ERP');
  });

  it('a card that needs 3-D Secure holds the order AWAITING_PAYMENT (nothing to the ERP) until the guest completes the challenge', async () => {
    const basket = await basketWith([[3, 1]]);
    const waiting = (await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest({ card: card(TEST_CARDS.requires3ds), returnUrl: 'https://shop.example/back' }) })).checkoutGuestBasket;
    expect(waiting).toMatchObject({ status: 'AWAITING_PAYMENT', paymentStatus: 'REQUIRES_ACTION' });
    expect(waiting.paymentRedirectUrl).toMatch(/\/3ds\/pi_/);
    // Confirming before the challenge changes nothing.
    expect((await visitor.request<{ confirmGuestCheckout: GuestOrder }>(CONFIRM, { t: basket.token })).confirmGuestCheckout.status).toBe('AWAITING_PAYMENT');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await acceptedByErp(waiting.id)).toBe(0);
    await completeThreeDSecure(waiting.paymentRedirectUrl!);
    const released = (await visitor.request<{ confirmGuestCheckout: GuestOrder }>(CONFIRM, { t: basket.token })).confirmGuestCheckout;
    expect(released).toMatchObject({ id: waiting.id, status: 'PENDING', paymentStatus: 'AUTHORIZED' });
    // Confirmed twice: still one order to the ERP.
    await visitor.request(CONFIRM, { t: basket.token });
    await eventually(async () => (await acceptedByErp(waiting.id)) === 1 || undefined, 30_000, 'the 3-D Secure order to reach the ERP').catch(async (error) => {
      throw new Error(`${error.message}: ${JSON.stringify((await outboxMessages()).filter((m) => m.key === waiting.id))}`);
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await acceptedByErp(waiting.id)).toBe(1);
  });

  it('a failed 3-D Secure challenge rejects the order, which never reaches the ERP', async () => {
    const basket = await basketWith([[4, 1]]);
    const waiting = (await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest({ card: card(TEST_CARDS.requires3ds) }) })).checkoutGuestBasket;
    await completeThreeDSecure(waiting.paymentRedirectUrl!, 'fail');
    const rejected = (await visitor.request<{ confirmGuestCheckout: GuestOrder }>(CONFIRM, { t: basket.token })).confirmGuestCheckout;
    expect(rejected).toMatchObject({ id: waiting.id, status: 'REJECTED', paymentStatus: 'DECLINED' });
    expect(rejected.statusReason).toMatch(/not authorised/);
    expect((await visitor.request<{ guestBasket: Basket }>(GET, { t: basket.token })).guestBasket.orderId).toBeNull();
    expect(await acceptedByErp(waiting.id)).toBe(0);
  });

  it('a guest collects in a store: no address, the store on the order', async () => {
    const { stores } = await visitor.request<{ stores: Array<{ code: string }> }>('{ stores { code } }');
    const basket = await basketWith([[5, 1]]);
    const order = (await visitor.request<{ checkoutGuestBasket: GuestOrder }>(CHECKOUT, { t: basket.token, i: guest({ deliveryMethod: 'STORE_PICKUP', address: null, pickupStoreCode: stores[0].code }) })).checkoutGuestBasket;
    expect(order).toMatchObject({ status: 'PENDING', pickupStoreCode: stores[0].code });
    await eventually(async () => (await acceptedByErp(order.id)) === 1 || undefined, 30_000, 'the pick-up order to reach the ERP');
  });
});

describe('a guest basket survives sign-up', () => {
  let company: FreshCompany;

  beforeAll(async () => {
    company = await freshCompany('Signup');
  });

  it('becomes the new user\'s basket, once; nobody else can take it, and it is no longer a guest basket', async () => {
    const basket = await basketWith([[0, 2], [1, 3]]);
    const claimed = (await company.admin.api.request<{ claimGuestBasket: { lines: Array<{ product: { sku: string }; quantity: string }> } }>(CLAIM, { t: basket.token })).claimGuestBasket;
    const wanted = [[publicProducts[0].sku, '2'], [publicProducts[1].sku, '3']].sort();
    expect(claimed.lines.map((l) => [l.product.sku, String(Number(l.quantity))]).sort()).toEqual(wanted);
    // Claimed again (a retry): the lines are not added twice.
    const again = (await company.admin.api.request<{ claimGuestBasket: { lines: Array<{ product: { sku: string }; quantity: string }> } }>(CLAIM, { t: basket.token })).claimGuestBasket;
    expect(again.lines.map((l) => [l.product.sku, String(Number(l.quantity))]).sort()).toEqual(wanted);
    const { basket: mine } = await company.admin.api.request<{ basket: { lines: Array<{ product: { sku: string } }> } }>('{ basket { lines { product { sku } } } }');
    expect(mine.lines.map((l) => l.product.sku).sort()).toEqual(wanted.map((w) => w[0]));
    const other = await company.coworker('buyer', { permissions: ['orders.place', 'catalog.view', 'prices.view'] });
    expect((await failure(other.api.request(CLAIM, { t: basket.token }))).codes).toEqual(['CONFLICT']);
    expect((await failure(visitor.request(CHECKOUT, { t: basket.token, i: guest() }))).codes).toEqual(['CONFLICT']);
    expect((await failure(visitor.request(ADD, { t: basket.token, p: publicProducts[2].id, q: 1 }))).codes).toEqual(['CONFLICT']);
  });
});

describe('bad input in the public shop', () => {
  it('is refused with a code and the field, and changes nothing', async () => {
    const basket = await basketWith([[0, 1]]);
    const f = async (promise: Promise<unknown>) => {
      const r = await failure(promise);
      return [r.codes[0], r.fields[0]];
    };
    const forged = `${basket.token.slice(0, -3)}abc`;
    expect(await f(visitor.request(GET, { t: forged }))).toEqual(['BAD_USER_INPUT', 'basketToken']);
    expect(await f(visitor.request(ADD, { t: 'gb1.nope.nope', p: publicProducts[0].id, q: 1 }))).toEqual(['BAD_USER_INPUT', 'basketToken']);
    expect(await f(visitor.request(ADD, { t: basket.token, p: publicProducts[0].id, q: 0 }))).toEqual(['BAD_USER_INPUT', 'quantity']);
    expect(await f(visitor.request(ADD, { t: basket.token, p: 'not-a-uuid', q: 1 }))).toEqual(['BAD_USER_INPUT', 'productId']);
    expect(await f(visitor.request(ADD, { t: basket.token, p: '00000000-0000-4000-8000-000000000000', q: 1 }))).toEqual(['BAD_USER_INPUT', 'productId']);
    expect(await f(visitor.request(SET, { t: basket.token, p: publicProducts[3].id, q: 1 }))).toEqual(['NOT_FOUND', undefined]);
    expect(await f(visitor.request(CHECKOUT, { t: basket.token, i: guest({ email: 'greta' }) }))).toEqual(['BAD_USER_INPUT', 'email']);
    expect(await f(visitor.request(CHECKOUT, { t: basket.token, i: guest({ address: null }) }))).toEqual(['BAD_USER_INPUT', 'address']);
    expect(await f(visitor.request(CHECKOUT, { t: basket.token, i: guest({ address: { ...address, country: 'Sweden' } }) }))).toEqual(['BAD_USER_INPUT', 'address.country']);
    expect(await f(visitor.request(CHECKOUT, { t: basket.token, i: guest({ deliveryMethod: 'STORE_PICKUP', address: null, pickupStoreCode: 'NOPE-1' }) }))).toEqual(['BAD_USER_INPUT', 'pickupStoreCode']);
    expect(await f(visitor.request(CHECKOUT, { t: basket.token, i: guest({ card: { ...card(), number: '42' } }) }))).toEqual(['BAD_USER_INPUT', 'card.number']);
    const empty = (await visitor.request<{ setGuestBasketLine: Basket }>(SET, { t: basket.token, p: publicProducts[0].id, q: 0 })).setGuestBasketLine;
    expect(empty.lines).toEqual([]);
    expect(await f(visitor.request(CHECKOUT, { t: basket.token, i: guest() }))).toEqual(['BAD_USER_INPUT', 'basketToken']);
    // Staff accounts do not shop in the public shop.
    expect((await f((await as('admin@hub.example')).request(ADD, { t: null, p: publicProducts[0].id, q: 1 })))[0]).toBe('FORBIDDEN');
    // Nothing of it was ordered or charged.
    expect((await visitor.request<{ guestBasket: Basket }>(GET, { t: basket.token })).guestBasket.orderId).toBeNull();
  });
});
