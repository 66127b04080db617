import Decimal from 'decimal.js';
import { as, demo, demoUser, failure } from './support/hub-client';
import { freshCompany, FreshCompany, key, TestUser } from './support/ordering';

/**
 * The staff dashboard (G6): one query whose figures come from the subgraphs that own them (orders,
 * finance, integrator, notifications) through the StaffDashboard entity. Other test files place
 * orders in the same hub meanwhile, so the figures are compared as "at least", never exactly.
 */
const DASHBOARD = `query($day: String) { staffDashboard(day: $day) {
  day ordersByChannel { channel orders sales { amount currency } } ordersAwaitingApproval ordersOnHold ordersRefusedByErp
  returnsAwaitingDecision returnsAwaitingAssessment
  syncHealth { failedRuns oldestCursorAgeSeconds operations { operation paused lastSuccessAt cursorAgeSeconds lastRunStatus } } deadLetteredMessages
  tasks { open inProgress openedOnDay unassignedMailOnDay } undeliveredMessages offers { sent accepted rejected } } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status total { amount currency } } }`;
const SET_RULE = 'mutation($i: HoldRuleInput!) { setHoldRule(input: $i) { id } }';

const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const products = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id)).slice(160, 200);
const cheap = products.find((p) => Number(p.listPrice) > 5 && Number(p.listPrice) < 20)!;
const today = () => new Date().toISOString().slice(0, 10);

type Dashboard = any;
const web = (d: Dashboard) => d.ordersByChannel.find((c: any) => c.channel === 'WEB');
const eur = (figures: any) => new Decimal(figures.sales.find((s: any) => s.currency === 'EUR')?.amount ?? 0);

async function dashboard(email = 'admin@hub.example', day: string = today()): Promise<Dashboard> {
  return (await (await as(email)).request<{ staffDashboard: Dashboard }>(DASHBOARD, { day })).staffDashboard;
}

describe('staff dashboard (G6)', () => {
  let company: FreshCompany;
  let buyer: TestUser;

  beforeAll(async () => {
    company = await freshCompany('Dashboard');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
  });

  it("gives the day's figures from every owning subgraph in one query", async () => {
    const d = await dashboard();
    expect(d.day).toBe(today());
    expect(d.ordersByChannel.map((c: any) => c.channel)).toEqual(['WEB', 'STAFF', 'SHOP', 'ERP']);
    for (const figure of ['ordersAwaitingApproval', 'ordersOnHold', 'ordersRefusedByErp', 'returnsAwaitingDecision', 'returnsAwaitingAssessment', 'deadLetteredMessages', 'undeliveredMessages']) {
      expect(Number.isInteger(d[figure]) && d[figure] >= 0).toBe(true);
    }
    // The demo ERP was synchronised at start: every operation has run, and a cursor age is known.
    expect(d.syncHealth.operations.length).toBeGreaterThan(0);
    expect(d.syncHealth.operations.some((o: any) => o.lastRunStatus === 'SUCCEEDED' && o.cursorAgeSeconds !== null)).toBe(true);
    expect(d.syncHealth.oldestCursorAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(d.tasks).toMatchObject({ open: expect.any(Number), inProgress: expect.any(Number), openedOnDay: expect.any(Number), unassignedMailOnDay: expect.any(Number) });
  });

  it('counts an order placed on the web in its channel and its sales, and a held order as held', async () => {
    const before = await dashboard();
    const placed = (await buyer.api.request<any>(PLACE, { i: { idempotencyKey: key(), lines: [{ productId: cheap.id, quantity: 3 }] } })).placeOrder;
    expect(placed.total.currency).toBe('EUR');
    const afterPlaced = await dashboard();
    expect(web(afterPlaced).orders).toBeGreaterThanOrEqual(web(before).orders + 1);
    expect(eur(web(afterPlaced)).minus(eur(web(before))).gte(placed.total.amount)).toBe(true);

    const staff = await as('admin@hub.example');
    await staff.request(SET_RULE, { i: { kind: 'ORDER_VALUE', companyId: company.id, enabled: true, limit: { amount: '100.00', currency: 'EUR' } } });
    const held = (await buyer.api.request<any>(PLACE, { i: { idempotencyKey: key(), lines: [{ productId: cheap.id, quantity: 40 }] } })).placeOrder;
    expect(held.status).toBe('ON_HOLD');
    const afterHeld = await dashboard();
    expect(afterHeld.ordersOnHold).toBeGreaterThanOrEqual(before.ordersOnHold + 1);
    // Another day has none of today's orders of this company: yesterday's figures did not move.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const [y1, y2] = [await dashboard('admin@hub.example', yesterday), await dashboard('admin@hub.example', yesterday)];
    expect(web(y2).orders).toBe(web(y1).orders);
    expect(y1.day).toBe(yesterday);
  });

  it("counts the day's offers as the sales rep sends them and the customer decides", async () => {
    const rep = await as('sales@hub.example');
    const OFFERS = 'query($day: String) { staffDashboard(day: $day) { offers { sent accepted rejected } } }';
    const figures = async () => (await rep.request<any>(OFFERS, { day: today() })).staffDashboard.offers;
    const before = await figures();
    const [offer] = (await rep.request<{ createOffers: Array<{ id: string }> }>('mutation($i: CreateOffersInput!) { createOffers(input: $i) { id } }', {
      i: { companyIds: [demo.companies[0].id], title: 'Dashboard offer', lines: [{ sku: cheap.sku, quantity: '2', unitPrice: '9.00' }] },
    })).createOffers;
    await rep.request('mutation($id: ID!) { sendOffer(id: $id) { status } }', { id: offer.id });
    await (await as(demoUser(0, 'customer admin').email)).request('mutation($id: ID!, $r: String) { rejectOffer(id: $id, reason: $r) { status } }', { id: offer.id, r: 'Too dear' });
    const after = await figures();
    expect(after.sent).toBeGreaterThanOrEqual(before.sent + 1);
    expect(after.rejected).toBeGreaterThanOrEqual(before.rejected + 1);
  });

  it('shows each figure only to staff holding its right, and refuses customers and bad days', async () => {
    // The sync operator sees sync health and dead letters, not the orders or tasks figures.
    const sync = await (await as('sync@hub.example')).rawRequest<{ staffDashboard: Dashboard }>(DASHBOARD, { day: today() }).catch((e) => e.response);
    expect(sync.data.staffDashboard.syncHealth.operations.length).toBeGreaterThan(0);
    expect(sync.data.staffDashboard.deadLetteredMessages).toEqual(expect.any(Number));
    expect(sync.data.staffDashboard.ordersByChannel).toBeNull();
    expect(sync.data.staffDashboard.returnsAwaitingDecision).toBeNull();
    expect(sync.data.staffDashboard.tasks).toBeNull();
    expect(sync.data.staffDashboard.offers).toBeNull();
    expect(new Set(sync.errors.map((e: any) => e.extensions.code))).toEqual(new Set(['FORBIDDEN']));
    // The order desk the other way round.
    const desk = await (await as('orders@hub.example')).rawRequest<{ staffDashboard: Dashboard }>(DASHBOARD, { day: today() }).catch((e) => e.response);
    expect(desk.data.staffDashboard.ordersByChannel).toHaveLength(4);
    expect(desk.data.staffDashboard.tasks).not.toBeNull();
    expect(desk.data.staffDashboard.syncHealth).toBeNull();

    expect((await failure((await as(demoUser(0, 'customer admin').email)).request(DASHBOARD, { day: today() }))).codes).toEqual(['FORBIDDEN']);
    expect(await failure((await as('admin@hub.example')).request(DASHBOARD, { day: '2026-02-30' }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['day'] });
  });
});
