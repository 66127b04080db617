import { Client } from 'graphql-ws';
import { as, demo, demoUser, failure } from './support/hub-client';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, wsClient } from './support/subscription-client';

/**
 * Who may order what, and what holds an order before it goes to the ERP (O3, O4, F6): approval by
 * a coworker, every hold rule with staff releasing and rejecting, the ERP's refusal as a visible
 * state, and bad input that gets a clear error and changes nothing.
 */

const ORDER_FIELDS = 'id number status statusReason holdReasons { kind message } total { amount currency } placedBy { id } timeline { status source reason by { id } holdReasons { kind } }';
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${ORDER_FIELDS} } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const SET_RULE = 'mutation($i: HoldRuleInput!) { setHoldRule(input: $i) { id kind enabled company { id } limit { amount currency } maxOrdersPerDay deliveryAddressCodes } }';
const BASKET = '{ basket { lineCount lines { sku quantity } deliveryAddressCode branchId } }';

interface Order {
  id: string;
  number: string;
  status: string;
  statusReason: string | null;
  holdReasons: Array<{ kind: string; message: string }>;
  total: { amount: string; currency: string };
  placedBy: { id: string } | null;
  timeline: Array<{ status: string; source: string; reason: string | null; by: { id: string } | null; holdReasons: Array<{ kind: string }> }>;
}

const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const products = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id)).slice(120, 160);
const cheap = products.filter((p) => Number(p.listPrice) < 20);
const pricey = products.find((p) => Number(p.listPrice) > 100)!;

async function place(user: TestUser, lines: Array<{ productId: string; quantity: number }>, extra: Record<string, unknown> = {}): Promise<Order> {
  return (await user.api.request<{ placeOrder: Order }>(PLACE, { i: { idempotencyKey: key(), lines, ...extra } })).placeOrder;
}

async function orderAs(user: TestUser | { api: TestUser['api'] }, id: string): Promise<Order> {
  return (await user.api.request<{ order: Order }>(ORDER, { id })).order;
}

async function outboxOf(orderId: string) {
  return (await outboxMessages()).find((m) => m.key === orderId);
}

describe('approval by a coworker (O3)', () => {
  let company: FreshCompany;
  let requester: TestUser;
  let approver: TestUser;
  let buyer: TestUser;
  const sockets: Client[] = [];

  beforeAll(async () => {
    company = await freshCompany('Approve');
    requester = await company.coworker('requester', { permissions: ['catalog.view', 'prices.view', 'orders.view', 'orders.submit'] });
    approver = await company.coworker('approver', { roles: ['BUYER'], permissions: ['orders.approve'] });
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
  });
  afterAll(() => Promise.all(sockets.map((s) => s.dispose())));

  it('a user without orders.place cannot order where the company takes no orders for approval', async () => {
    const refused = await failure(requester.api.request(PLACE, { i: { idempotencyKey: key(), lines: [{ productId: cheap[0].id, quantity: 1 }] } }));
    expect(refused.codes).toEqual(['FORBIDDEN']);
    expect(refused.messages[0]).toMatch(/does not take orders for approval/);
  });

  it('where it does, the order waits for a coworker; the approver sends it to the ERP, never their own; the placer is told', async () => {
    const { setOrderingSettings } = await company.admin.api.request<{ setOrderingSettings: unknown }>(
      'mutation($i: OrderingSettingsInput!) { setOrderingSettings(input: $i) { requiresApproval approvalLimit { amount currency } company { id } } }',
      { i: { requiresApproval: true, approvalLimit: { amount: '1000.00', currency: 'EUR' } } });
    expect(setOrderingSettings).toEqual({ requiresApproval: true, approvalLimit: { amount: '1000.00', currency: 'EUR' }, company: { id: company.id } });
    // Only the company's admin or staff set it.
    expect((await failure(buyer.api.request('mutation { setOrderingSettings(input: { requiresApproval: false }) { requiresApproval } }'))).codes).toEqual(['FORBIDDEN']);

    const ws = wsClient({ token: requester.token });
    sockets.push(ws);
    const serving = fieldMetrics(await gatewayMetrics(), 'myOrdersChanged').active;
    const told = new RecordedSubscription(ws, 'subscription { myOrdersChanged { id status statusReason } }');
    // Placed only once the gateway serves the subscription (checked and listening), so no event can pass it by.
    await untilMetrics((m) => fieldMetrics(m, 'myOrdersChanged').active > serving);

    const submitted = await place(requester, [{ productId: cheap[0].id, quantity: 2 }]);
    expect(submitted).toMatchObject({ status: 'AWAITING_APPROVAL', placedBy: { id: requester.id } });
    expect(await outboxOf(submitted.id)).toBeUndefined();
    // Not by the placer, not by a buyer without orders.approve, not by another company, not by staff.
    expect((await failure(requester.api.request('mutation($id: ID!) { approveOrder(id: $id) { id } }', { id: submitted.id }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(buyer.api.request('mutation($id: ID!) { approveOrder(id: $id) { id } }', { id: submitted.id }))).codes).toEqual(['FORBIDDEN']);
    const outsider = await as(demoUser(0, 'customer admin').email);
    expect((await failure(outsider.request('mutation($id: ID!) { approveOrder(id: $id) { id } }', { id: submitted.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as('admin@hub.example')).request('mutation($id: ID!) { approveOrder(id: $id) { id } }', { id: submitted.id }))).codes).toEqual(['FORBIDDEN']);

    const { approveOrder } = await approver.api.request<{ approveOrder: Order }>(`mutation($id: ID!) { approveOrder(id: $id, note: "ok for site 2") { ${ORDER_FIELDS} } }`, { id: submitted.id });
    expect(approveOrder.status).toBe('PENDING');
    expect(approveOrder.timeline.map((e) => [e.source, e.status, e.by?.id ?? null, e.reason])).toEqual([
      ['WEB', 'AWAITING_APPROVAL', requester.id, null],
      ['APPROVAL', 'PENDING', approver.id, 'ok for site 2'],
    ]);
    // Decided once.
    expect((await failure(approver.api.request('mutation($id: ID!) { rejectOrder(id: $id, reason: "late") { id } }', { id: submitted.id }))).codes).toEqual(['CONFLICT']);
    await eventually(async () => (await outboxOf(submitted.id))?.status === 'DELIVERED', 20_000, 'delivery to the ERP');

    const second = await place(requester, [{ productId: cheap[1].id, quantity: 1 }]);
    expect((await failure(approver.api.request('mutation($id: ID!) { rejectOrder(id: $id, reason: "  ") { id } }', { id: second.id }))).fields).toEqual(['reason']);
    const { rejectOrder } = await approver.api.request<{ rejectOrder: Order }>(`mutation($id: ID!) { rejectOrder(id: $id, reason: "We buy these from stock") { ${ORDER_FIELDS} } }`, { id: second.id });
    expect(rejectOrder).toMatchObject({ status: 'REJECTED', statusReason: 'Rejected by a coworker: We buy these from stock' });
    expect(await outboxOf(second.id)).toBeUndefined();
    // The placer hears of both decisions.
    await told.until((s) => s.results.some((r) => r.data?.myOrdersChanged?.id === second.id && r.data.myOrdersChanged.status === 'REJECTED'));
    const statuses = (id: string) => told.results.map((r) => r.data?.myOrdersChanged).filter((o) => o?.id === id).map((o) => o.status);
    expect(statuses(submitted.id)).toEqual(expect.arrayContaining(['AWAITING_APPROVAL', 'PENDING']));
    expect(told.results.find((r) => r.data?.myOrdersChanged?.status === 'REJECTED')!.data.myOrdersChanged.statusReason).toMatch(/from stock/);
  });

  it('an order above the approval limit needs a coworker even from a user with orders.place, who cannot approve it', async () => {
    const big = await place(approver, [{ productId: pricey.id, quantity: 10 }]);
    expect(big.status).toBe('AWAITING_APPROVAL');
    expect(big.timeline[0].reason).toMatch(/approval limit of 1000.00 EUR/);
    const own = await failure(approver.api.request('mutation($id: ID!) { approveOrder(id: $id) { id } }', { id: big.id }));
    expect(own.codes).toEqual(['FORBIDDEN']);
    expect(own.messages[0]).toMatch(/your own order/);
    const small = await place(approver, [{ productId: cheap[2].id, quantity: 1 }]);
    expect(small.status).toBe('PENDING');
  });
});

describe('hold rules (O4, F6), reviewed by staff', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  let staff: Awaited<ReturnType<typeof as>>;

  beforeAll(async () => {
    company = await freshCompany('Holds');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
    staff = await as('orders@hub.example');
  });

  it('holds an order over the credit limit (ERP limit and balance plus orders not yet invoiced) with the figures, and staff release it to the ERP', async () => {
    // The ERP's new customers get a credit limit of 5,000.00 and no balance; 21 % tax.
    const first = await place(buyer, [{ productId: pricey.id, quantity: 1 }]);
    expect(first.status).toBe('PENDING');
    const quantity = Math.ceil(5000 / Number(pricey.listPrice));
    const held = await place(buyer, [{ productId: pricey.id, quantity }]);
    expect(held.status).toBe('ON_HOLD');
    expect(held.holdReasons.map((r) => r.kind)).toEqual(['CREDIT_LIMIT']);
    expect(held.holdReasons[0].message).toMatch(/^Credit limit 5000.00 EUR exceeded: balance 0.00 EUR \+ orders not yet invoiced \d+\.\d\d EUR \+ this order \d+\.\d\d EUR = \d+\.\d\d EUR\.$/);
    expect(held.timeline.map((e) => [e.source, e.status])).toEqual([['WEB', 'ON_HOLD'], ['HOLD_RULES', 'ON_HOLD']]);
    expect(await outboxOf(held.id)).toBeUndefined();

    // Staff list held orders with every reason; the customer sees the state and the reason too.
    const { orders } = await staff.request<{ orders: { edges: Array<{ node: Order & { company: { id: string } } }> } }>(
      `query($c: ID) { orders(companyId: $c, filter: { statuses: [ON_HOLD] }, first: 20) { edges { node { ${ORDER_FIELDS} company { id } } } } }`, { c: company.id });
    expect(orders.edges.map((e) => e.node.id)).toEqual([held.id]);
    expect(orders.edges[0].node.holdReasons).toEqual(held.holdReasons);
    expect((await orderAs(buyer, held.id)).holdReasons).toEqual(held.holdReasons);
    // Not for customers, nor for staff without staff.orders.
    expect((await failure(buyer.api.request('mutation($id: ID!) { releaseHeldOrder(id: $id) { id } }', { id: held.id }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure((await as('sync@hub.example')).request('mutation($id: ID!) { releaseHeldOrder(id: $id) { id } }', { id: held.id }))).codes).toEqual(['FORBIDDEN']);

    const { releaseHeldOrder } = await staff.request<{ releaseHeldOrder: Order }>(`mutation($id: ID!) { releaseHeldOrder(id: $id, note: "Paid in advance") { ${ORDER_FIELDS} } }`, { id: held.id });
    expect(releaseHeldOrder.status).toBe('PENDING');
    expect(releaseHeldOrder.timeline.at(-1)).toMatchObject({ source: 'STAFF_REVIEW', status: 'PENDING', reason: 'Paid in advance' });
    await eventually(async () => (await outboxOf(held.id))?.status === 'DELIVERED', 20_000, 'delivery after release');
    expect((await failure(staff.request('mutation($id: ID!) { releaseHeldOrder(id: $id) { id } }', { id: held.id }))).codes).toEqual(['CONFLICT']);
    // A company's own rule switches the credit check off for it.
    await staff.request(SET_RULE, { i: { kind: 'CREDIT_LIMIT', companyId: company.id, enabled: false } });
    expect((await place(buyer, [{ productId: pricey.id, quantity }])).status).toBe('PENDING');
  });

  it('holds orders above an order value limit, to listed delivery addresses and beyond a number a day, each with its reason; staff reject one', async () => {
    const rules = [
      { kind: 'ORDER_VALUE', companyId: company.id, enabled: true, limit: { amount: '100.00', currency: 'EUR' } },
      { kind: 'DELIVERY_ADDRESS', companyId: company.id, enabled: true, deliveryAddressCodes: ['D1'] },
    ];
    for (const rule of rules) await staff.request(SET_RULE, { i: rule });
    const { holdRules } = await staff.request<{ holdRules: Array<{ kind: string; company: { id: string } | null; enabled: boolean }> }>('{ holdRules { kind company { id } enabled } }');
    expect(holdRules.filter((r) => r.company?.id === company.id).map((r) => [r.kind, r.enabled]).sort()).toEqual([['CREDIT_LIMIT', false], ['DELIVERY_ADDRESS', true], ['ORDER_VALUE', true]]);

    const cheapLine = [{ productId: cheap[3].id, quantity: 1 }];
    expect((await place(buyer, cheapLine)).status).toBe('PENDING');
    const both = await place(buyer, [{ productId: pricey.id, quantity: 1 }], { deliveryAddressCode: 'D1' });
    expect(both.status).toBe('ON_HOLD');
    expect(both.holdReasons).toEqual([
      { kind: 'ORDER_VALUE', message: `The order value ${both.total.amount} EUR is above the limit of 100.00 EUR.` },
      { kind: 'DELIVERY_ADDRESS', message: 'Orders to delivery address D1 are reviewed before they go to the ERP.' },
    ]);
    const { rejectHeldOrder } = await staff.request<{ rejectHeldOrder: Order }>(`mutation($id: ID!) { rejectHeldOrder(id: $id, reason: "Address under review") { ${ORDER_FIELDS} } }`, { id: both.id });
    expect(rejectHeldOrder).toMatchObject({ status: 'REJECTED', statusReason: 'Rejected on review: Address under review' });
    expect(await orderAs(buyer, both.id)).toMatchObject({ status: 'REJECTED', statusReason: 'Rejected on review: Address under review', holdReasons: both.holdReasons });

    // Today's orders so far (rejected ones aside): one more passes, the next is held.
    const today = async (statuses: string[] | null) =>
      (await buyer.api.request<{ orders: { totalCount: number } }>('query($f: OrderFilter) { orders(filter: $f, first: 1) { totalCount } }', { f: { placedFrom: new Date().toISOString().slice(0, 10), statuses } })).orders.totalCount;
    const orders = { totalCount: (await today(null)) - (await today(['REJECTED'])) };
    await staff.request(SET_RULE, { i: { kind: 'DAILY_ORDER_COUNT', companyId: company.id, enabled: true, maxOrdersPerDay: orders.totalCount + 1 } });
    expect((await place(buyer, cheapLine)).status).toBe('PENDING');
    const many = await place(buyer, cheapLine);
    expect(many.holdReasons).toEqual([{ kind: 'DAILY_ORDER_COUNT', message: `This is order ${orders.totalCount + 2} of the company today; more than ${orders.totalCount + 1} a day are reviewed.` }]);
    await staff.request(SET_RULE, { i: { kind: 'DAILY_ORDER_COUNT', companyId: company.id, enabled: false } });

    // Rules need what their kind checks.
    expect((await failure(staff.request(SET_RULE, { i: { kind: 'ORDER_VALUE', enabled: true } }))).fields).toEqual(['limit']);
    expect((await failure(staff.request(SET_RULE, { i: { kind: 'DELIVERY_ADDRESS', enabled: true, deliveryAddressCodes: ['D1'] } }))).fields).toEqual(['companyId']);
    expect((await failure(staff.request(SET_RULE, { i: { kind: 'DAILY_ORDER_COUNT', companyId: company.id, enabled: true, maxOrdersPerDay: 0 } }))).fields).toEqual(['maxOrdersPerDay']);
    expect((await failure(buyer.api.request(SET_RULE, { i: { kind: 'ORDER_VALUE', companyId: company.id, enabled: false } }))).codes).toEqual(['FORBIDDEN']);
  });

  it("holds a blocked account's orders; with that rule off the ERP refuses the order, which shows the ERP's reason, and staff resend it once it is unblocked", async () => {
    for (const kind of ['ORDER_VALUE', 'DELIVERY_ADDRESS']) await staff.request(SET_RULE, { i: { kind, companyId: company.id, enabled: false } });
    const customer = await erpAdmin('GET', `/admin/records/customers/${company.erpNumber}`);
    await erpAdmin('POST', '/admin/records/customers', { ...customer, blocked: true });
    await syncNow('customers');
    const blocked = await place(buyer, [{ productId: cheap[4].id, quantity: 1 }]);
    expect(blocked.holdReasons).toEqual([{ kind: 'ACCOUNT_BLOCKED', message: 'The account is blocked in the ERP.' }]);

    await staff.request(SET_RULE, { i: { kind: 'ACCOUNT_BLOCKED', companyId: company.id, enabled: false } });
    const refused = await place(buyer, [{ productId: cheap[4].id, quantity: 1 }]);
    expect(refused.status).toBe('PENDING');
    const dead = await eventually(async () => {
      const m = await outboxOf(refused.id);
      return m?.status === 'DEAD' && m;
    }, 20_000, 'the ERP to refuse it');
    expect(dead.lastError).toMatch(/^VALIDATION: /);
    const shown = await orderAs(buyer, refused.id);
    expect(shown).toMatchObject({ status: 'ERP_REFUSED', statusReason: `The ERP refused the order: customer ${company.erpNumber} is blocked` });
    expect(shown.timeline.at(-1)).toMatchObject({ source: 'ERP_REFUSAL', status: 'ERP_REFUSED' });

    await erpAdmin('POST', '/admin/records/customers', { ...customer, blocked: false });
    await syncNow('customers');
    await (await as('sync@hub.example')).request('mutation($id: ID!) { resendOutboxMessage(id: $id) { id } }', { id: dead.id });
    await eventually(async () => (await orderAs(buyer, refused.id)).status === 'CONFIRMED', 20_000, 'confirmation after the resend');
    const confirmed = await orderAs(buyer, refused.id);
    expect(confirmed.statusReason).toBeNull();
    // The test hub's scheduled orders sync may already have reported the order again (ERP_SYNC) by now.
    const timeline = confirmed.timeline.map((e) => [e.source, e.status]);
    expect(timeline.slice(0, 3)).toEqual([['WEB', 'PENDING'], ['ERP_REFUSAL', 'ERP_REFUSED'], ['ERP_RECEIPT', 'CONFIRMED']]);
    expect(timeline.slice(3).filter(([source]) => source !== 'ERP_SYNC')).toEqual([]);
    expect((await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey[refused.id]).toBe(1);
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  const wholesaleOnly = demo.products[23];
  const byThePair = demo.products.find((p) => p.minOrderQuantity === 10)!;

  beforeAll(async () => {
    company = await freshCompany('Input');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
    await buyer.api.request('mutation { addManyToBasket(lines: [{ sku: "' + products[0].sku + '", quantity: "2" }]) { basket { lineCount } } }');
  });

  /** The buyer's basket and its company's orders (no order, no outbox message): what no bad request may change. */
  async function state(): Promise<string> {
    const { basket } = await buyer.api.request<{ basket: unknown }>(BASKET);
    const { orders } = await buyer.api.request<{ orders: { totalCount: number } }>('{ orders(first: 1) { totalCount } }');
    return JSON.stringify({ basket, orders });
  }

  it.each([
    ['addToBasket, a zero quantity', 'mutation { addToBasket(input: { sku: "SKU", quantity: "0" }) { lineCount } }', 'quantity'],
    ['addToBasket, a negative quantity', 'mutation { addToBasket(input: { sku: "SKU", quantity: "-3" }) { lineCount } }', 'quantity'],
    ['addToBasket, a fractional quantity of a whole unit', 'mutation { addToBasket(input: { sku: "SKU", quantity: "1.5" }) { lineCount } }', 'quantity'],
    ['addToBasket, an unknown SKU', 'mutation { addToBasket(input: { sku: "NO-SUCH-SKU", quantity: "1" }) { lineCount } }', 'sku'],
    ['addToBasket, a product the company may not buy', `mutation { addToBasket(input: { sku: "${wholesaleOnly.sku}", quantity: "1" }) { lineCount } }`, 'sku'],
    ['addToBasket, below the minimum', `mutation { addToBasket(input: { sku: "${byThePair.sku}", quantity: "9" }) { lineCount } }`, 'quantity'],
    ['addToBasket, sku and productId', `mutation { addToBasket(input: { sku: "SKU", productId: "${products[0].id}", quantity: "1" }) { lineCount } }`, 'sku'],
    ['addManyToBasket, a fractional quantity on one line', `mutation { addManyToBasket(lines: [{ sku: "${products[1].sku}", quantity: "1" }, { sku: "SKU", quantity: "0.5" }]) { basket { lineCount } } }`, 'lines.1.quantity'],
    ['addManyToBasket, no lines', 'mutation { addManyToBasket(lines: []) { basket { lineCount } } }', 'lines'],
    ['updateBasketLine, zero', `mutation { updateBasketLine(input: { productId: "${products[0].id}", quantity: "0" }) { lineCount } }`, 'quantity'],
    ['updateBasketLine, a product not in the basket', `mutation { updateBasketLine(input: { productId: "${products[5].id}", quantity: "1" }) { lineCount } }`, 'productId'],
    ['setBasketDetails, a delivery address of another company', 'mutation { setBasketDetails(input: { deliveryAddressCode: "D3" }) { lineCount } }', 'deliveryAddressCode'],
    ['placeOrder, a negative quantity', `mutation { placeOrder(input: { idempotencyKey: "bad-input-0001", lines: [{ productId: "${products[0].id}", quantity: -1 }] }) { id } }`, 'lines.0.quantity'],
    ['placeOrder, a product the company may not buy', `mutation { placeOrder(input: { idempotencyKey: "bad-input-0002", lines: [{ productId: "${wholesaleOnly.id}", quantity: 1 }] }) { id } }`, 'lines.0.productId'],
    ['placeOrder, below the minimum', `mutation { placeOrder(input: { idempotencyKey: "bad-input-0003", lines: [{ productId: "${byThePair.id}", quantity: 3 }] }) { id } }`, 'lines.0.quantity'],
    ['placeOrder, a foreign delivery address', 'mutation { placeOrder(input: { idempotencyKey: "bad-input-0004", deliveryAddressCode: "D2" }) { id } }', 'deliveryAddressCode'],
    ['placeOrder, a quote that does not exist', 'mutation { placeOrder(input: { idempotencyKey: "bad-input-0005", quoteId: "00000000-0000-4000-8000-000000000000" }) { id } }', undefined],
  ])('%s', async (_what, mutation, field) => {
    const before = await state();
    const result = await failure(buyer.api.request(mutation));
    expect({ codes: result.codes, fields: result.fields }).toEqual(field === undefined ? { codes: ['NOT_FOUND'], fields: [undefined] } : { codes: ['BAD_USER_INPUT'], fields: [field] });
    expect(result.messages[0].length).toBeGreaterThan(10);
    expect(await state()).toBe(before);
  });

  it('501 lines at once are refused, 500 are taken', async () => {
    const before = await state();
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ sku: `BULK-${i}`, quantity: '1' }));
    const refused = await failure(buyer.api.request('mutation($l: [BasketBulkLineInput!]!) { addManyToBasket(lines: $l) { basket { lineCount } } }', { l: lines(501) }));
    expect({ codes: refused.codes, fields: refused.fields }).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['lines'] });
    expect(await state()).toBe(before);
    const { addManyToBasket } = await buyer.api.request<{ addManyToBasket: { rejected: unknown[]; basket: { lineCount: number } } }>(
      'mutation($l: [BasketBulkLineInput!]!) { addManyToBasket(lines: $l) { rejected { index } basket { lineCount } } }', { l: lines(500) });
    expect(addManyToBasket.rejected).toHaveLength(500);
    expect(addManyToBasket.basket.lineCount).toBe(1);
    const orderLines = Array.from({ length: 501 }, () => ({ productId: products[0].id, quantity: 1 }));
    expect((await failure(buyer.api.request(PLACE, { i: { idempotencyKey: key(), lines: orderLines } }))).fields).toEqual(['lines']);
  });

  it("another company's branch, quote or order is NOT_FOUND or not its own, like one that does not exist", async () => {
    const other = (await freshCompany('Other')).admin.api;
    const { addBranch } = await other.request<{ addBranch: { id: string } }>(
      'mutation($i: BranchInput!) { addBranch(input: $i) { id } }', { i: { name: 'Not yours', address: { street: 'x 1', postalCode: '10111', city: 'Tallinn', country: 'EE' } } });
    const before = await state();
    expect((await failure(buyer.api.request('mutation($b: ID!) { setBasketDetails(input: { branchId: $b }) { lineCount } }', { b: addBranch.id }))).fields).toEqual(['branchId']);
    expect((await failure(buyer.api.request(PLACE, { i: { idempotencyKey: key(), branchId: addBranch.id } }))).fields).toEqual(['branchId']);
    const theirs = demo.orders.find((o) => o.companyId === demo.companies[1].id)!;
    expect((await failure(buyer.api.request(ORDER, { id: theirs.id }))).codes).toEqual(['NOT_FOUND']);
    expect(await state()).toBe(before);
  });

  it('without orders.place or orders.submit nothing can be ordered or put into a basket', async () => {
    const reader = await company.coworker('reader', { roles: ['READ_ONLY'] });
    expect((await failure(reader.api.request(BASKET))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(reader.api.request(`mutation { addToBasket(input: { sku: "${products[0].sku}", quantity: "1" }) { lineCount } }`))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(reader.api.request(PLACE, { i: { idempotencyKey: key() } }))).codes).toEqual(['FORBIDDEN']);
  });
});
