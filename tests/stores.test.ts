import { GraphQLClient } from 'graphql-request';
import { as, client, demo, demoUser, failure } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';
import { bodyOf, caughtMail } from './support/mail-catcher';

/**
 * Stores as pick-up points (O14) through the gateway against the demo ERP: the ERP's warehouses
 * flagged as stores listed to anyone (with a product's stock per store as the policy allows), an
 * order collected in a store from placing to READY_FOR_PICKUP (with its code, mailed in the buyer's
 * language) to its handover by store staff and COLLECTED, and a return handed in at a store.
 * Every bad input gets its code and changes nothing.
 */

const STORE_STAFF = 'store@hub.example';
const ORDER_STAFF = 'orders@hub.example';
const STORES = '{ stores { code name phone address { street postalCode city country } openingHours { weekday opens closes } } }';
const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status deliveryAddressCode pickup { storeCode pickupCode handedOverAt } } }';
const ORDER = 'query($id: ID!) { order(id: $id) { id number erpNumber status deliveryAddressCode pickup { storeCode pickupCode handedOverAt } timeline { status previousStatus source reason } } }';
const HAND_OVER = 'mutation($n: String!, $s: String!, $c: String!) { handOverOrder(orderNumber: $n, storeCode: $s, pickupCode: $c) { id status pickup { storeCode pickupCode handedOverAt } } }';
const RECEIVE_AT_STORE = 'mutation($s: String!, $b: String!) { receiveReturnAtStore(storeCode: $s, barcode: $b) { id number status receivedAtStoreCode history { from to note } } }';

interface Pickup { storeCode: string; pickupCode: string | null; handedOverAt: string | null }
interface Order { id: string; number: string; erpNumber: string | null; status: string; deliveryAddressCode: string | null; pickup: Pickup | null; timeline: Array<{ status: string; previousStatus: string | null; source: string; reason: string | null }> }

/** Products anyone may order one of (the demo orders use them), as ordering-loop.test picks them. */
const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const products = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id)).slice(100, 110);

describe('stores as pick-up points through the gateway', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  let storeStaff: GraphQLClient;
  let orderStaff: GraphQLClient;
  let orderId: string;
  let erpNumber: string;
  const orderOf = async (api: GraphQLClient = buyer.api): Promise<Order> => (await api.request<{ order: Order }>(ORDER, { id: orderId })).order;
  const handoverMessages = async () => (await outboxMessages()).filter((m) => m.key === `${orderId}:handover`);

  beforeAll(async () => {
    await syncNow('warehouses');
    company = await freshCompany('Stores');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
    storeStaff = await as(STORE_STAFF);
    orderStaff = await as(ORDER_STAFF);
  });

  it("lists the ERP's stores to anyone, as the ERP has them, and none of its other warehouses", async () => {
    const { stores } = await client().request<{ stores: any[] }>(STORES);
    const codes = stores.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['MAL', 'VLC']));
    // Poznań only ships: a warehouse, not a store.
    expect((await erpAdmin('GET', '/admin/records/warehouses/POZ')).isStore).toBe(false);
    expect(codes).not.toContain('POZ');
    for (const code of ['MAL', 'VLC']) {
      const erp = await erpAdmin('GET', `/admin/records/warehouses/${code}`);
      expect(stores.find((s) => s.code === code)).toEqual({ code, name: erp.name, phone: erp.phone, address: erp.address, openingHours: erp.openingHours });
    }
    expect(stores.find((s) => s.code === 'MAL')!.openingHours).toContainEqual({ weekday: 1, opens: '07:00', closes: '18:00' });

    // A store the ERP opens appears with the next sync, and goes when the ERP closes it.
    const opened = { code: 'TST', name: 'Test counter', isStore: true, address: { street: 'Testgatan 1', postalCode: '111 11', city: 'Stockholm', country: 'SE' }, phone: null, openingHours: [] };
    await erpAdmin('POST', '/admin/records/warehouses', opened);
    await syncNow('warehouses');
    expect((await buyer.api.request<{ stores: any[] }>(STORES)).stores.map((s) => s.code)).toContain('TST');
    await erpAdmin('DELETE', '/admin/records/warehouses/TST');
    await syncNow('warehouses');
    expect((await client().request<{ stores: any[] }>(STORES)).stores.map((s) => s.code)).not.toContain('TST');
  });

  it("shows a product's stock per store as the company's stock display policy allows", async () => {
    const sku = products[0].sku;
    const STOCK = 'query($s: String!) { stores(sku: $s) { code stock { code status quantity } } product(sku: $s) { stock { warehouses { code status quantity } } } }';
    // Staff see quantities: each store's is the product's stock in that warehouse.
    const staffView = await orderStaff.request<{ stores: any[]; product: { stock: { warehouses: any[] } } }>(STOCK, { s: sku });
    for (const store of staffView.stores) {
      const warehouse = staffView.product.stock.warehouses.find((w) => w.code === store.code);
      expect(store.stock).toEqual(warehouse ?? null);
    }
    expect(staffView.stores.find((s) => s.code === 'MAL').stock.quantity).toEqual(expect.any(String));
    // The default policy (traffic light): a status, no quantity.
    const own = await buyer.api.request<{ stores: any[] }>(STOCK, { s: sku });
    expect(own.stores.find((s) => s.code === 'MAL').stock).toEqual({ code: 'MAL', status: expect.stringMatching(/^(GREEN|AMBER|RED)$/), quantity: null });
    // Hidden: no stock at any store.
    await orderStaff.request('mutation($c: ID!) { setStockDisplayPolicy(companyId: $c, policy: HIDDEN) { policy } }', { c: company.id });
    expect((await buyer.api.request<{ stores: any[] }>(STOCK, { s: sku })).stores.every((s) => s.stock === null)).toBe(true);
    await orderStaff.request('mutation($c: ID!) { setStockDisplayPolicy(companyId: $c, policy: TRAFFIC_LIGHT) { policy } }', { c: company.id });
    expect((await failure(client().request('{ stores(sku: "NO-SUCH-SKU") { code } }'))).codes).toEqual(['NOT_FOUND']);
  });

  it('refuses a pick-up at a warehouse that is not a store, an unknown store, or together with a delivery address, and places nothing', async () => {
    const count = async () => (await company.admin.api.request<{ orders: { totalCount: number } }>('{ orders(first: 1) { totalCount } }')).orders.totalCount;
    const before = await count();
    const lines = [{ productId: products[1].id, quantity: 1 }];
    const refused = async (input: Record<string, unknown>) => {
      const f = await failure(buyer.api.request(PLACE, { i: { idempotencyKey: key(), lines, ...input } }));
      return [f.codes, f.messages[0]];
    };
    expect(await refused({ pickupStoreCode: 'POZ' })).toEqual([['BAD_USER_INPUT'], expect.stringMatching(/not a store/)]);
    expect(await refused({ pickupStoreCode: 'NOPE' })).toEqual([['BAD_USER_INPUT'], expect.stringMatching(/no store NOPE/)]);
    expect(await refused({ pickupStoreCode: 'MAL', deliveryAddressCode: 'D1' })).toEqual([['BAD_USER_INPUT'], expect.stringMatching(/not both/)]);
    expect(await refused({ pickupStoreCode: 'no such code!' })).toEqual([['BAD_USER_INPUT'], expect.stringMatching(/not a store code/)]);
    expect(await count()).toBe(before);
  });

  it('an order collected in a store: placed, sent to the ERP with the store, READY_FOR_PICKUP with a code for its company only, mailed in the buyer\'s language', async () => {
    await buyer.api.request('mutation { setMyMessageLanguage(language: "es") }');
    const { placeOrder } = await buyer.api.request<{ placeOrder: Order }>(PLACE, { i: { idempotencyKey: key(), pickupStoreCode: 'MAL', lines: [{ productId: products[2].id, quantity: 2 }] } });
    orderId = placeOrder.id;
    expect(placeOrder).toMatchObject({ status: 'PENDING', deliveryAddressCode: null, pickup: { storeCode: 'MAL', pickupCode: null, handedOverAt: null } });

    await eventually(async () => (await outboxMessages()).find((m) => m.key === orderId)?.status === 'DELIVERED', 20_000, 'delivery to the ERP');
    expect((await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey[orderId]).toBe(1);
    await syncNow('orders');
    const confirmed = await orderOf();
    expect(confirmed.status).toBe('CONFIRMED');
    erpNumber = confirmed.erpNumber!;
    // The ERP has the order for the store, and moves it to the store instead of shipping it.
    expect((await erpAdmin('GET', `/admin/records/orders/${erpNumber}`)).pickupStoreCode).toBe('MAL');
    expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 1 })).toEqual({ orderNumber: erpNumber, status: 'PICKED' });
    expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 1 })).toEqual({ orderNumber: erpNumber, status: 'READY_FOR_PICKUP' });
    // It waits there for the customer: advancing it further changes nothing.
    expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 1 })).toEqual({ orderNumber: erpNumber, status: 'READY_FOR_PICKUP' });
    const code = (await erpAdmin('GET', `/admin/records/orders/${erpNumber}`)).pickupCode as string;
    expect(code).toMatch(/^\d{6}$/);
    await syncNow('orders');

    const ready = await orderOf();
    expect(ready).toMatchObject({ status: 'READY_FOR_PICKUP', pickup: { storeCode: 'MAL', pickupCode: code, handedOverAt: null } });
    expect((await orderOf(company.admin.api)).pickup!.pickupCode).toBe(code);
    // Where to collect it: the store itself, from the products subgraph.
    const { order: withStore } = await buyer.api.request<{ order: { pickup: { store: { code: string; name: string; address: { city: string } } } } }>(
      'query($id: ID!) { order(id: $id) { pickup { store { code name address { city } } } } }', { id: orderId });
    expect(withStore.pickup.store).toEqual({ code: 'MAL', name: 'Malmö central', address: { city: 'Malmö' } });
    // Staff (the store's too, and staff signed in as the buyer) never read the code: the customer shows it.
    expect((await orderOf(orderStaff)).pickup).toEqual({ storeCode: 'MAL', pickupCode: null, handedOverAt: null });
    const { impersonate } = await (await as('admin@hub.example')).request<{ impersonate: { token: string } }>('mutation($id: ID!) { impersonate(userId: $id) { token } }', { id: buyer.id });
    expect((await orderOf(client(impersonate.token))).pickup).toEqual({ storeCode: 'MAL', pickupCode: null, handedOverAt: null });
    // Another company does not see the order at all.
    expect((await failure(orderOf(await as(demoUser(1, 'buyer').email)))).codes).toEqual(['NOT_FOUND']);

    const staff = await as('admin@hub.example');
    const log = await eventually(async () => {
      const { messageLog } = await staff.request<{ messageLog: Array<{ template: string; language: string; recipientAddress: string; subject: string; status: string }> }>(
        'query($ref: String) { messageLog(ref: $ref, first: 5) { template language recipientAddress subject status } }', { ref: `order:${orderId}:READY_FOR_PICKUP` });
      return messageLog.length > 0 ? messageLog : undefined;
    }, 30_000, 'the ready-for-pick-up notice');
    expect(log).toEqual([{ template: 'order.ready-for-pickup', language: 'es', recipientAddress: buyer.email, subject: `El pedido ${erpNumber} está listo para recoger`, status: 'ACCEPTED' }]);
    const mail = await eventually(async () => caughtMail(buyer.email).map(bodyOf).find((body) => body.includes(erpNumber) && body.includes(code)), 30_000, 'the mail with the code');
    expect(mail).toContain('Malm');
  });

  it('store staff hand it over only against the right code, in its store, once; the ERP books it once and the order is COLLECTED', async () => {
    const code = (await orderOf()).pickup!.pickupCode!;
    const wrong = code === '123456' ? '654321' : '123456';
    const unchanged = async () => {
      expect(await orderOf()).toMatchObject({ status: 'READY_FOR_PICKUP', pickup: { handedOverAt: null } });
      expect(await handoverMessages()).toHaveLength(0);
    };
    const attempt = async (api: GraphQLClient, vars: { n?: string; s?: string; c?: string }) => (await failure(api.request(HAND_OVER, { n: erpNumber, s: 'MAL', c: code, ...vars }))).codes;
    expect(await attempt(storeStaff, { c: wrong })).toEqual(['BAD_USER_INPUT']);
    expect(await attempt(storeStaff, { s: 'VLC' })).toEqual(['BAD_USER_INPUT']);
    expect(await attempt(storeStaff, { n: 'SO-0' })).toEqual(['NOT_FOUND']);
    expect(await attempt(storeStaff, { c: '' })).toEqual(['BAD_USER_INPUT']);
    // Staff without the store permission, and the customer itself, may not.
    expect(await attempt(orderStaff, {})).toEqual(['FORBIDDEN']);
    expect(await attempt(buyer.api, {})).toEqual(['FORBIDDEN']);
    await unchanged();

    const { handOverOrder } = await storeStaff.request<{ handOverOrder: { id: string; status: string; pickup: Pickup } }>(HAND_OVER, { n: erpNumber, s: 'MAL', c: code });
    expect(handOverOrder).toMatchObject({ id: orderId, pickup: { storeCode: 'MAL', pickupCode: null, handedOverAt: expect.any(String) } });
    expect(await attempt(storeStaff, {})).toEqual(['CONFLICT']);

    await eventually(async () => (await handoverMessages())[0]?.status === 'DELIVERED', 20_000, 'the handover reaching the ERP');
    expect(await handoverMessages()).toHaveLength(1);
    expect((await erpAdmin('GET', '/admin/stats')).pickups.acceptedByKey[`${orderId}:handover`]).toBe(1);
    const collected = await orderOf();
    expect(collected.status).toBe('COLLECTED');
    expect(collected.pickup).toEqual({ storeCode: 'MAL', pickupCode: null, handedOverAt: handOverOrder.pickup.handedOverAt });
    expect(collected.timeline.map((e) => [e.source, e.status])).toEqual(expect.arrayContaining([['STORE_HANDOVER', 'READY_FOR_PICKUP'], ['ERP_RECEIPT', 'COLLECTED']]));
    // The ERP reports the same through the sync.
    expect((await erpAdmin('GET', `/admin/records/orders/${erpNumber}`)).status).toBe('COLLECTED');
    await syncNow('orders');
    expect((await orderOf()).status).toBe('COLLECTED');
  });

  it('a return of it handed in at a store is RECEIVED there, with the store recorded; other stores, labels and callers are refused', async () => {
    await syncNow('deliveryNotes');
    const digits = erpNumber.replace(/^SO-/, '');
    const note = await eventually(async () => {
      const { deliveryNotes } = await buyer.api.request<{ deliveryNotes: Array<{ id: string; number: string; lines: Array<{ lineNo: number; quantity: string; serialNumbers: string[] | null }> }> }>(
        '{ deliveryNotes(first: 50) { id number lines { lineNo quantity serialNumbers } } }');
      return deliveryNotes.find((n) => n.number === `DN-${digits}`);
    }, 20_000, 'the delivery note of the collected order');
    const line = note.lines[0];
    const fileOne = async (n: number) => (await buyer.api.request<{ fileReturn: { id: string; number: string; status: string } }>(
      'mutation($i: FileReturnInput!) { fileReturn(input: $i) { id number status } }',
      { i: { deliveryNoteId: note.id, reasonCode: 'WRONG_ITEM', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: '1', ...(line.serialNumbers ? { serialNumbers: [line.serialNumbers[n]] } : {}) }] } },
    )).fileReturn;
    const labelled = await fileOne(0);
    const onlyFiled = await fileOne(1);
    const { acceptReturn } = await orderStaff.request<{ acceptReturn: { status: string } }>('mutation($id: ID!) { acceptReturn(id: $id) { status } }', { id: labelled.id });
    expect(acceptReturn.status).toBe('LABEL_ISSUED');

    const refused = async (api: GraphQLClient, storeCode: string, barcode: string) => (await failure(api.request(RECEIVE_AT_STORE, { s: storeCode, b: barcode }))).codes;
    expect(await refused(storeStaff, 'POZ', labelled.number)).toEqual(['BAD_USER_INPUT']);
    expect(await refused(storeStaff, 'NOPE', labelled.number)).toEqual(['BAD_USER_INPUT']);
    expect(await refused(storeStaff, 'MAL', 'not a barcode')).toEqual(['BAD_USER_INPUT']);
    expect(await refused(storeStaff, 'MAL', 'R-00000000')).toEqual(['NOT_FOUND']);
    // Filed but not accepted: no label, nothing to hand in yet.
    expect(await refused(storeStaff, 'MAL', onlyFiled.number)).toEqual(['CONFLICT']);
    expect(await refused(orderStaff, 'MAL', labelled.number)).toEqual(['FORBIDDEN']);
    expect(await refused(buyer.api, 'MAL', labelled.number)).toEqual(['FORBIDDEN']);
    const status = async (id: string) => (await buyer.api.request<{ returnRequest: { status: string; receivedAtStoreCode: string | null } }>('query($id: ID!) { returnRequest(id: $id) { status receivedAtStoreCode } }', { id })).returnRequest;
    expect(await status(labelled.id)).toEqual({ status: 'LABEL_ISSUED', receivedAtStoreCode: null });
    expect(await status(onlyFiled.id)).toEqual({ status: 'FILED', receivedAtStoreCode: null });

    // The scanner reads the label's barcode: the RMA number (lower case or padded, as scanners send it, works too).
    const { receiveReturnAtStore } = await storeStaff.request<{ receiveReturnAtStore: any }>(RECEIVE_AT_STORE, { s: 'MAL', b: ` ${labelled.number.toLowerCase()} ` });
    expect(receiveReturnAtStore).toMatchObject({ id: labelled.id, status: 'RECEIVED', receivedAtStoreCode: 'MAL' });
    expect(receiveReturnAtStore.history.at(-1)).toEqual({ from: 'LABEL_ISSUED', to: 'RECEIVED', note: expect.stringMatching(/store .*MAL/) });
    expect(await status(labelled.id)).toEqual({ status: 'RECEIVED', receivedAtStoreCode: 'MAL' });
    // Handed in once.
    expect(await refused(storeStaff, 'MAL', labelled.number)).toEqual(['CONFLICT']);
  });
});
