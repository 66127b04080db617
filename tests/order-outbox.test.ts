import { randomUUID } from 'node:crypto';
import { as, demo, demoUser, failure } from './support/hub-client';
import { outsidePagedSearch } from './support/paged-search';
import { erpAdmin, eventually, outboxMessages, OutboxRow } from './support/staff-client';

const PLACE = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id number status total { amount currency } lines { lineNo sku quantity unitPrice { amount } } }
  }
`;

interface Placed {
  id: string;
  number: string;
  status: string;
  total: { amount: string; currency: string };
  lines: Array<{ lineNo: number; sku: string; quantity: string; unitPrice: { amount: string } }>;
}

const buyer = demoUser(2, 'buyer');
const company = demo.companies[2];
const products = demo.products.slice(40, 44);
const key = () => `test-${randomUUID()}`;

async function place(lines: Array<{ productId: string; quantity: number }>, idempotencyKey = key()): Promise<Placed> {
  const api = await as(buyer.email);
  return (await api.request<{ placeOrder: Placed }>(PLACE, { input: { idempotencyKey, lines } })).placeOrder;
}

/** How many times the ERP accepted an order with this idempotency key. */
async function acceptedByErp(idempotencyKey: string): Promise<number> {
  const stats = await erpAdmin('GET', '/admin/stats');
  return stats.acceptedOrdersByKey?.[idempotencyKey] ?? 0;
}

/** Outbox messages of this company's orders: other test files place orders (elsewhere) meanwhile. */
async function companyMessages(): Promise<number> {
  const api = await as(buyer.email);
  const { orders } = await api.request<{ orders: { edges: Array<{ node: { id: string } }> } }>('{ orders(first: 200) { edges { node { id } } } }');
  const ids = new Set(orders.edges.map((e) => e.node.id));
  return (await outboxMessages()).filter((m) => ids.has(m.key)).length;
}

async function messageFor(orderId: string): Promise<OutboxRow | undefined> {
  return (await outboxMessages()).find((m) => m.key === orderId);
}

describe('placing orders: committed with an outbox message, delivered to the ERP exactly once', () => {
  afterEach(async () => {
    await erpAdmin('DELETE', '/admin/faults');
  });

  it("prices the order with the company's own prices and delivers it", async () => {
    const order = await place([{ productId: products[0].id, quantity: 3 }, { productId: products[1].id, quantity: 1 }]);
    expect(order.status).toBe('PENDING');
    expect(order.number).toMatch(/^W-/);
    const special = new Map(demo.customerPrices.filter((p) => p.companyId === company.id).map((p) => [p.productId, p.price]));
    expect(order.lines.map((l) => Number(l.unitPrice.amount))).toEqual(products.slice(0, 2).map((p) => Number(special.get(p.id) ?? p.listPrice)));

    const delivered = await eventually(async () => {
      const m = await messageFor(order.id);
      return m?.status === 'DELIVERED' && m;
    }, 20_000, 'delivery');
    const erpNumber = JSON.parse(delivered.result!).orderNumber;
    expect(await acceptedByErp(order.id)).toBe(1);

    const api = await as(buyer.email);
    const { order: after } = await api.request<{ order: { status: string; number: string } }>('query($id: ID!) { order(id: $id) { status number } }', { id: order.id });
    expect(after).toEqual({ status: 'CONFIRMED', number: erpNumber });
  });

  it('queues orders during an ERP outage and delivers each exactly once when it returns', async () => {
    await erpAdmin('POST', '/admin/faults', { outage: true });
    const orders: Placed[] = [];
    for (let i = 0; i < 3; i++) orders.push(await place([{ productId: products[i].id, quantity: i + 1 }]));

    await eventually(async () => {
      const messages = await Promise.all(orders.map((o) => messageFor(o.id)));
      return messages.every((m) => m && m.status === 'PENDING' && m.attempts >= 1 && /TRANSIENT/.test(m.lastError ?? ''));
    }, 20_000, 'failed attempts during the outage');
    for (const o of orders) expect(await acceptedByErp(o.id)).toBe(0);

    await erpAdmin('DELETE', '/admin/faults');
    await eventually(async () => (await Promise.all(orders.map((o) => messageFor(o.id)))).every((m) => m?.status === 'DELIVERED'), 30_000, 'delivery after the outage');
    for (const o of orders) expect(await acceptedByErp(o.id)).toBe(1);
  });

  it('an ERP that crashes after accepting still ends with exactly one ERP order', async () => {
    await erpAdmin('POST', '/admin/faults', { crashAfterAcceptingOrder: true });
    const order = await place([{ productId: products[3].id, quantity: 7 }]);
    const delivered = await eventually(async () => {
      const m = await messageFor(order.id);
      return m?.status === 'DELIVERED' && m;
    }, 30_000, 'delivery after the crash');
    expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    expect(await acceptedByErp(order.id)).toBe(1);
  });

  it('the same idempotency key returns the same order; with other lines it is a CONFLICT', async () => {
    const idempotencyKey = key();
    const first = await place([{ productId: products[0].id, quantity: 2 }], idempotencyKey);
    const again = await place([{ productId: products[0].id, quantity: 2 }], idempotencyKey);
    expect(again.id).toBe(first.id);
    const api = await as(buyer.email);
    const clash = await failure(api.request(PLACE, { input: { idempotencyKey, lines: [{ productId: products[0].id, quantity: 5 }] } }));
    expect(clash.codes).toEqual(['CONFLICT']);
    expect((await outboxMessages()).filter((m) => m.key === first.id)).toHaveLength(1);
  });

  it('bad orders get clear errors and write nothing', async () => {
    const before = await companyMessages();
    const api = await as(buyer.email);
    const cases: Array<[unknown, string]> = [
      [{ idempotencyKey: key(), lines: [] }, 'BAD_USER_INPUT'],
      [{ idempotencyKey: 'short', lines: [{ productId: products[0].id, quantity: 1 }] }, 'BAD_USER_INPUT'],
      [{ idempotencyKey: key(), lines: [{ productId: products[0].id, quantity: 0 }] }, 'BAD_USER_INPUT'],
      [{ idempotencyKey: key(), lines: [{ productId: 'not-a-uuid', quantity: 1 }] }, 'BAD_USER_INPUT'],
      [{ idempotencyKey: key(), lines: [{ productId: randomUUID(), quantity: 1 }] }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) expect({ input, codes: (await failure(api.request(PLACE, { input }))).codes }).toEqual({ input, codes: [code] });

    const reader = await as(demoUser(2, 'read-only').email);
    expect((await failure(reader.request(PLACE, { input: { idempotencyKey: key(), lines: [{ productId: products[0].id, quantity: 1 }] } }))).codes).toEqual(['FORBIDDEN']);
    const staff = await as('admin@hub.example');
    expect((await failure(staff.request(PLACE, { input: { idempotencyKey: key(), lines: [{ productId: products[0].id, quantity: 1 }] } }))).codes).toEqual(['FORBIDDEN']);
    expect(await companyMessages()).toBe(before);
  });

  it('an order the ERP rejects is dead-lettered, and staff can resend it once fixed', async () => {
    // Deleted from the ERP for a while: one whose absence does not move catalog.test.ts's pages.
    const product = await outsidePagedSearch([products[2], products[3], products[1], products[0]]);
    const record = await erpAdmin('GET', `/admin/records/products/${encodeURIComponent(product.sku)}`);
    await erpAdmin('DELETE', `/admin/records/products/${encodeURIComponent(product.sku)}`);
    const order = await place([{ productId: product.id, quantity: 1 }]);
    const dead = await eventually(async () => {
      const m = await messageFor(order.id);
      return m?.status === 'DEAD' && m;
    }, 20_000, 'dead-lettering');
    expect(dead.lastError).toMatch(/VALIDATION/);
    expect((await outboxMessages('DEAD')).map((m) => m.id)).toContain(dead.id);

    await erpAdmin('POST', '/admin/records/products', record);
    const staff = await as('sync@hub.example');
    const { resendOutboxMessage } = await staff.request<{ resendOutboxMessage: OutboxRow }>('mutation($id: ID!) { resendOutboxMessage(id: $id) { id status attempts } }', { id: dead.id });
    expect(resendOutboxMessage).toMatchObject({ id: dead.id, status: 'PENDING', attempts: 0 });
    await eventually(async () => (await messageFor(order.id))?.status === 'DELIVERED', 20_000, 'delivery after resend');
    expect(await acceptedByErp(order.id)).toBe(1);

    const delivered = await failure(staff.request('mutation($id: ID!) { resendOutboxMessage(id: $id) { id } }', { id: dead.id }));
    expect(delivered.codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(staff.request('mutation($id: ID!) { resendOutboxMessage(id: $id) { id } }', { id: randomUUID() }))).codes).toEqual(['NOT_FOUND']);
  });
});
