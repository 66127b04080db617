import { HttpCarrierAdapter } from '@hub/carrier-contract';
import { as, demo, demoUser, failure, tokenFor } from './support/hub-client';
import { carrierAdmin } from './support/demo-carrier';
import { bodyOf, caughtMail } from './support/mail-catcher';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, wsClient } from './support/subscription-client';

/**
 * Shipments (O9) through the gateway against the demo ERP and the demo carrier: a web order's
 * delivery note becomes a parcel registered with the carrier (once, by the shipment's id), the
 * carrierTracking poll brings its tracking events, delivery confirmation and cash on delivery to
 * subscribers and to the shipped/delivered e-mails; a lost parcel is an exception; a carrier outage
 * is a failed run staff see, and the next run catches up.
 */

const SHIPMENT_FIELDS = `id status deliveryNoteNumber carrier parcelNumber trackingUrl weightGrams
  consignee { name street postalCode city country } cashOnDelivery { amount currency } cashCollected { amount currency } cashCollectedAt
  packagingFee { amount currency } deliveredAt signedBy problem order { id } trackingEvents { status location description }`;
const SHIPMENT = `query($id: ID!) { shipment(id: $id) { ${SHIPMENT_FIELDS} } }`;

interface Shipment {
  id: string; status: string; deliveryNoteNumber: string; carrier: string | null; parcelNumber: string | null; trackingUrl: string | null; weightGrams: number;
  consignee: { name: string; street: string; postalCode: string; city: string; country: string };
  cashOnDelivery: { amount: string; currency: string } | null; cashCollected: { amount: string; currency: string } | null; cashCollectedAt: string | null;
  packagingFee: { amount: string; currency: string } | null; deliveredAt: string | null; signedBy: string | null; problem: string | null;
  order: { id: string } | null; trackingEvents: Array<{ status: string; location: string; description: string }>;
}

const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const product = demo.products.filter((p) => p.minOrderQuantity === 1 && ordered.has(p.id) && Number(p.listPrice) < 20)[5];

/** A web order of the user, picked and shipped by the ERP, its delivery note synced: the order's (first) shipment. */
async function shippedOrder(user: TestUser): Promise<{ orderId: string; erpNumber: string; shipment: Shipment }> {
  const { placeOrder } = await user.api.request<{ placeOrder: { id: string } }>('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
    i: { idempotencyKey: key(), lines: [{ productId: product.id, quantity: 2 }] },
  });
  const delivered = await eventually(async () => (await outboxMessages('DELIVERED')).find((m) => m.key === placeOrder.id), 30_000, 'the order to reach the ERP');
  const erpNumber: string = JSON.parse(delivered.result!).orderNumber;
  expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 2 })).toEqual({ orderNumber: erpNumber, status: 'SHIPPED' });
  await syncNow('deliveryNotes');
  const shipment = await eventually(async () => {
    const { order } = await user.api.request<{ order: { shipments: Shipment[] } }>(`query($id: ID!) { order(id: $id) { shipments { ${SHIPMENT_FIELDS} } } }`, { id: placeOrder.id });
    return order.shipments[0];
  }, 30_000, 'the shipment of the synced delivery note');
  return { orderId: placeOrder.id, erpNumber, shipment };
}

async function shipmentOf(user: TestUser, id: string): Promise<Shipment> {
  return (await user.api.request<{ shipment: Shipment }>(SHIPMENT, { id })).shipment;
}

describe('shipments and tracking through the gateway (O9, G3)', () => {
  let company: FreshCompany;
  let swedishBuyer: TestUser;
  /** The shipment the first test follows to its delivery (the mail test reads its mails). */
  let followed: Shipment;

  beforeAll(async () => {
    company = await freshCompany('Parcel');
    swedishBuyer = await company.coworker('buyer', { roles: ['BUYER'] });
    expect(await swedishBuyer.api.request('mutation { setMyMessageLanguage(language: "sv") }')).toEqual({ setMyMessageLanguage: 'sv' });
    // This customer pays cash on delivery: 0 days' payment terms in the ERP.
    const customer = await erpAdmin('GET', `/admin/records/customers/${company.erpNumber}`);
    await erpAdmin('POST', '/admin/records/customers', { ...customer, paymentTermsDays: 0 });
  });

  afterEach(async () => {
    await carrierAdmin('DELETE', '/admin/faults');
  });

  it("registers a web order's parcel once, and its tracking events, delivery and cash collected reach the customer and subscribers", async () => {
    const { orderId, erpNumber, shipment: packed } = await shippedOrder(company.admin);
    const note = await erpAdmin('GET', `/admin/records/deliveryNotes/DN-${erpNumber.replace(/^SO-/, '')}`);
    expect(note.codAmount).toMatch(/^\d+\.\d{2}$/);
    expect(packed).toMatchObject({
      status: 'PACKED', deliveryNoteNumber: note.deliveryNumber, carrier: null, parcelNumber: null, trackingUrl: null, order: { id: orderId }, weightGrams: 1600,
      consignee: { name: company.name, street: note.shipTo.street, postalCode: '10111', city: 'Tallinn', country: 'EE' },
      cashOnDelivery: { amount: note.codAmount, currency: 'EUR' }, packagingFee: { amount: note.packagingFee, currency: 'EUR' }, cashCollected: null, trackingEvents: [],
    });

    // As if an earlier poll had registered the parcel and crashed before storing it: the carrier knows the reference.
    const carrier = new HttpCarrierAdapter({ baseUrl: process.env.HUB_TEST_CARRIER_URL!, apiKey: 'demo-carrier-key' });
    const registeredBefore = await carrier.registerParcel({ reference: packed.id, consignee: packed.consignee, weightGrams: packed.weightGrams, codAmountMinor: Math.round(Number(note.codAmount) * 100), currency: 'EUR' });

    const ws = wsClient({ token: company.admin.token });
    const before = fieldMetrics(await gatewayMetrics(), 'shipmentStatusChanged').checks;
    const watch = new RecordedSubscription(ws, `subscription($id: ID!) { shipmentStatusChanged(shipmentId: $id) { status parcelNumber trackingEvents { status } } }`, { id: packed.id });
    await untilMetrics((m) => fieldMetrics(m, 'shipmentStatusChanged').checks > before && fieldMetrics(m, 'shipmentStatusChanged').active > 0);
    const orderBefore = fieldMetrics(await gatewayMetrics(), 'orderStatusChanged').checks;
    const orderWatch = new RecordedSubscription(ws, 'subscription($id: ID!) { orderStatusChanged(orderId: $id) { shipments { status } } }', { id: orderId });
    await untilMetrics((m) => fieldMetrics(m, 'orderStatusChanged').checks > orderBefore && fieldMetrics(m, 'orderStatusChanged').active > 0);

    await syncNow('carrierTracking');
    const registered = await shipmentOf(company.admin, packed.id);
    // The hub's registration got the same parcel: one parcel per shipment at the carrier.
    expect(registered).toMatchObject({ status: 'REGISTERED', carrier: 'Demo Parcel', parcelNumber: registeredBefore.parcelNumber, trackingUrl: registeredBefore.trackingUrl });
    expect(registered.trackingUrl).toBe(`${process.env.HUB_TEST_CARRIER_URL}/track/${registered.parcelNumber}`);
    await watch.until((s) => s.results.some((r) => r.data?.shipmentStatusChanged?.status === 'REGISTERED'), 30_000);

    await carrierAdmin('POST', '/admin/step', { times: 4 });
    await syncNow('carrierTracking');
    await watch.until((s) => s.results.some((r) => r.data?.shipmentStatusChanged?.status === 'DELIVERED'), 30_000);
    await orderWatch.until((s) => s.results.some((r) => r.data?.orderStatusChanged?.shipments?.[0]?.status === 'DELIVERED'), 30_000);
    const last = watch.results[watch.results.length - 1].data!.shipmentStatusChanged;
    expect(last.trackingEvents.map((e: { status: string }) => e.status)).toEqual(['REGISTERED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect([...watch.results, ...orderWatch.results].every((r) => r.errors === undefined)).toBe(true);
    await ws.dispose();

    followed = await shipmentOf(company.admin, packed.id);
    expect(followed).toMatchObject({
      status: 'DELIVERED', signedBy: company.name, problem: null, cashCollected: { amount: note.codAmount, currency: 'EUR' },
      deliveredAt: expect.any(String), cashCollectedAt: expect.any(String),
    });
    expect(followed.trackingEvents[4]).toEqual({ status: 'DELIVERED', location: '10111 Tallinn', description: 'Delivered' });
    // The customer's link opens the carrier's own tracking page.
    const page = await (await fetch(followed.trackingUrl!)).json();
    expect(page).toMatchObject({ parcelNumber: followed.parcelNumber, status: 'DELIVERED' });
    // Another poll reads nothing new for it: the timeline keeps each event once.
    await syncNow('carrierTracking');
    expect((await shipmentOf(company.admin, packed.id)).trackingEvents).toHaveLength(5);
  });

  it("sends the shipped and delivered mails once per recipient, in each user's language, with the parcel number and tracking link", async () => {
    expect(followed).toBeDefined();
    const about = (email: string) => caughtMail(email).filter((m) => bodyOf(m).includes(followed.parcelNumber!));
    await eventually(async () => about(company.admin.email).length >= 2 && about(swedishBuyer.email).length >= 2, 30_000, 'the shipped and delivered mails');
    // Later polls and events send nothing again.
    await syncNow('carrierTracking');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const english = about(company.admin.email);
    expect(english.filter((m) => /Subject: Shipped: parcel DP\d+/.test(m.raw))).toHaveLength(1);
    expect(english.filter((m) => /Subject: Delivered: parcel DP\d+/.test(m.raw))).toHaveLength(1);
    expect(bodyOf(english.find((m) => /Subject: Shipped/.test(m.raw))!)).toContain(followed.trackingUrl!);
    const swedish = about(swedishBuyer.email);
    expect(swedish.filter((m) => /Subject: Skickat: paket DP\d+/.test(m.raw))).toHaveLength(1);
    expect(swedish.filter((m) => /Subject: Levererat: paket DP\d+/.test(m.raw))).toHaveLength(1);
    expect(swedish).toHaveLength(2);
    expect(swedish.every((m) => /Content-Language: sv/.test(m.raw))).toBe(true);
    expect(bodyOf(swedish.find((m) => /Subject: Skickat/.test(m.raw))!)).toContain('paketnummer');
  });

  it("another company's user gets NOT_FOUND, a user without orders.view FORBIDDEN, staff see it, and bad input gets codes", async () => {
    expect(followed).toBeDefined();
    const outsider = await as(demoUser(1, 'customer admin').email);
    expect((await failure(outsider.request(SHIPMENT, { id: followed.id }))).codes).toEqual(['NOT_FOUND']);
    const { shipments: theirs } = await outsider.request<{ shipments: Array<{ id: string }> }>('query($p: String) { shipments(filter: { parcelNumber: $p }) { id } }', { p: followed.parcelNumber });
    expect(theirs).toEqual([]);

    const blind = await company.coworker('blind', { permissions: [] });
    expect((await failure(blind.api.request(SHIPMENT, { id: followed.id }))).codes).toEqual(['FORBIDDEN']);

    const staff = await as('orders@hub.example');
    const { shipments } = await staff.request<{ shipments: Array<{ id: string; status: string }> }>('query($p: String) { shipments(filter: { parcelNumber: $p, status: DELIVERED }) { id status } }', { p: followed.parcelNumber });
    expect(shipments).toEqual([{ id: followed.id, status: 'DELIVERED' }]);
    const { shipments: mine } = await company.admin.api.request<{ shipments: Array<{ id: string }> }>('query($o: ID) { shipments(filter: { orderId: $o }) { id } }', { o: followed.order!.id });
    expect(mine).toEqual([{ id: followed.id }]);

    const bad = async (query: string, variables: Record<string, unknown>) => failure(company.admin.api.request(query, variables));
    expect(await bad(SHIPMENT, { id: 'not-a-uuid' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['id'] });
    expect(await bad('query($o: ID) { shipments(filter: { orderId: $o }) { id } }', { o: 'W-1' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['filter.orderId'] });
    expect(await bad('query($p: String) { shipments(filter: { parcelNumber: $p }) { id } }', { p: 'DP 1; drop' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['filter.parcelNumber'] });
    expect(await bad('{ shipments(first: 0) { id } }', {})).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['first'] });
    expect((await bad('{ shipments(filter: { status: LOST }) { id } }', {})).codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a parcel the carrier loses shows as an exception, and sends no delivered mail', async () => {
    const { shipment } = await shippedOrder(company.admin);
    await syncNow('carrierTracking');
    const registered = await shipmentOf(company.admin, shipment.id);
    expect(registered.status).toBe('REGISTERED');
    // The owner hears of it; another company's user, subscribed to the same id, hears nothing.
    const query = 'subscription($id: ID!) { shipmentStatusChanged(shipmentId: $id) { status problem } }';
    const before = fieldMetrics(await gatewayMetrics(), 'shipmentStatusChanged').checks;
    const ownerWs = wsClient({ token: company.admin.token });
    const strangerWs = wsClient({ token: await tokenFor(demoUser(1, 'customer admin').email) });
    const owner = new RecordedSubscription(ownerWs, query, { id: shipment.id });
    const stranger = new RecordedSubscription(strangerWs, query, { id: shipment.id });
    await untilMetrics((m) => fieldMetrics(m, 'shipmentStatusChanged').checks >= before + 2);

    await carrierAdmin('POST', `/admin/parcels/${registered.parcelNumber}/lose`);
    await carrierAdmin('POST', '/admin/step', { times: 3 });
    await syncNow('carrierTracking');
    await owner.until((s) => s.results.some((r) => r.data?.shipmentStatusChanged?.status === 'EXCEPTION'), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stranger.results.filter((r) => r.data?.shipmentStatusChanged)).toEqual([]);
    await ownerWs.dispose();
    await strangerWs.dispose();
    const lost = await shipmentOf(company.admin, shipment.id);
    expect(lost).toMatchObject({ status: 'EXCEPTION', deliveredAt: null, cashCollected: null, problem: 'Parcel missing: investigation opened (Central hub)' });
    expect(lost.trackingEvents.map((e) => e.status)).toEqual(['REGISTERED', 'PICKED_UP', 'IN_TRANSIT', 'EXCEPTION']);
    const { shipments } = await company.admin.api.request<{ shipments: Array<{ id: string }> }>('{ shipments(filter: { status: EXCEPTION }) { id } }');
    expect(shipments.map((s) => s.id)).toContain(shipment.id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(caughtMail(company.admin.email).filter((m) => bodyOf(m).includes(registered.parcelNumber!) && /Subject: Delivered/.test(m.raw))).toHaveLength(0);
  });

  it('a carrier outage is a failed carrierTracking run staff see, and the next run registers what waited', async () => {
    const staff = await as('sync@hub.example');
    const { syncOperations } = await staff.request<{ syncOperations: Array<{ name: string; description: string }> }>('{ syncOperations { name description } }');
    expect(syncOperations.find((o) => o.name === 'carrierTracking')?.description).toMatch(/carrier/);

    const { shipment } = await shippedOrder(company.admin);
    await carrierAdmin('POST', '/admin/faults', { outage: true });
    const asked = Date.now() - 50;
    await staff.request('mutation { runSyncNow(operation: "carrierTracking") { runRequested } }');
    const failed = await eventually(async () => {
      const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string; startedAt: string; error: string | null }> }>(
        '{ syncRuns(operation: "carrierTracking", first: 10) { trigger status startedAt error } }');
      return syncRuns.find((r) => r.trigger === 'MANUAL' && r.status === 'FAILED' && Date.parse(r.startedAt) >= asked);
    }, 30_000, 'the failed carrier poll');
    expect(failed.error).toBe('TRANSIENT: carrier answered 503: carrier unavailable');
    expect((await shipmentOf(company.admin, shipment.id)).status).toBe('PACKED');

    await carrierAdmin('DELETE', '/admin/faults');
    await syncNow('carrierTracking');
    expect(await shipmentOf(company.admin, shipment.id)).toMatchObject({ status: 'REGISTERED', parcelNumber: expect.stringMatching(/^DP\d{9}$/) });
    // A customer may not run the poll.
    expect((await failure(company.admin.api.request('mutation { runSyncNow(operation: "carrierTracking") { runRequested } }'))).codes).toEqual(['FORBIDDEN']);
  });
});
