import { randomUUID } from 'node:crypto';
import { as, demo, demoUser, failure } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key, syncNow } from './support/ordering';

/**
 * Blanket (indent) orders (O7) through the gateway against the demo ERP: an agreement synced from
 * the ERP with its agreed quantities and prices, one line split between two shops of a multi-shop
 * retailer; drawdowns per shop at the agreed prices, never more than remains (of the line and of the
 * shop's share), also when two drawdowns race for the remainder; another company's blanket order is
 * NOT_FOUND; each drawdown reaches the ERP once, which counts it, and the next sync shows it there
 * without counting it twice.
 */

interface Shop { deliveryAddressCode: string; quantity: string; drawnQuantity: string; remainingQuantity: string }
interface Line { lineNo: number; sku: string; quantity: string; unitPrice: { amount: string; currency: string }; drawnQuantity: string; remainingQuantity: string; shops: Shop[] | null }
interface Blanket { id: string; number: string; currency: string; validFrom: string; validTo: string; status: string; lines: Line[] }
interface Order { id: string; status: string; total: { amount: string }; deliveryAddressCode: string | null; blanketOrderNumber: string | null; lines: Array<{ sku: string; quantity: string; unitPrice: { amount: string } }> }

const BLANKET_FIELDS = 'id number currency validFrom validTo status lines { lineNo sku quantity unitPrice { amount currency } drawnQuantity remainingQuantity shops { deliveryAddressCode quantity drawnQuantity remainingQuantity } }';
const ORDER_FIELDS = 'id status total { amount } deliveryAddressCode blanketOrderNumber lines { sku quantity unitPrice { amount } }';
const DRAW = `mutation($i: DrawDownBlanketOrderInput!) { drawDownBlanketOrder(input: $i) { ${ORDER_FIELDS} } }`;
const products = demo.products.filter((p, i) => i >= 70 && p.minOrderQuantity === 1 && p.currency === 'EUR').slice(0, 2);
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A blanket order of the ERP's for a customer: line 1 split 6/4 between shops D1 and D2, line 2 for any shop. */
function erpBlanket(number: string, customerNumber: string) {
  return {
    key: number, blanketOrderNumber: number, customerNumber, currency: 'EUR', validFrom: isoDay(Date.now() - 10 * DAY), validTo: isoDay(Date.now() + 200 * DAY), status: 'OPEN',
    lines: [
      { lineNo: 1, sku: products[0].sku, quantity: '10', unitPrice: '7.25', drawnQuantity: '0', shops: [{ deliveryAddressCode: 'D1', quantity: '6', drawnQuantity: '0' }, { deliveryAddressCode: 'D2', quantity: '4', drawnQuantity: '0' }] },
      { lineNo: 2, sku: products[1].sku, quantity: '5', unitPrice: '3.10', drawnQuantity: '0', shops: null },
    ],
    drawdowns: [],
  };
}

describe('blanket orders and drawdown through the gateway', () => {
  let company: FreshCompany;
  let blanketNumber: string;
  let otherNumber: string;
  const blankets = async (): Promise<Blanket[]> => (await company.admin.api.request<{ blanketOrders: Blanket[] }>(`{ blanketOrders { ${BLANKET_FIELDS} } }`)).blanketOrders;
  const mine = async (): Promise<Blanket> => (await blankets()).find((b) => b.number === blanketNumber)!;
  const draw = (input: Record<string, unknown>) => company.admin.api.request<{ drawDownBlanketOrder: Order }>(DRAW, { i: { idempotencyKey: key(), ...input } });

  beforeAll(async () => {
    company = await freshCompany('Blanket');
    // A multi-shop retailer: a second shop (delivery address D2) in the ERP.
    const customer = await erpAdmin('GET', `/admin/records/customers/${company.erpNumber}`);
    await erpAdmin('POST', '/admin/records/customers', { ...customer, deliveryAddresses: [...customer.deliveryAddresses, { ...customer.deliveryAddresses[0], code: 'D2', name: `${company.name}, shop 2`, street: 'Pood 2' }] });
    const suffix = randomUUID().slice(0, 6).toUpperCase();
    blanketNumber = `BO-T${suffix}`;
    otherNumber = `BO-O${suffix}`;
    await erpAdmin('POST', '/admin/records/blanketOrders', erpBlanket(blanketNumber, company.erpNumber));
    await erpAdmin('POST', '/admin/records/blanketOrders', erpBlanket(otherNumber, demo.companies[1].erpNumber));
    await syncNow('customers');
    await syncNow('blanketOrders');
  }, 180_000);

  it('shows the agreement with its agreed prices and what remains per line and per shop', async () => {
    const b = await mine();
    expect(b).toMatchObject({ number: blanketNumber, currency: 'EUR', status: 'OPEN' });
    expect(b.lines).toEqual([
      { lineNo: 1, sku: products[0].sku, quantity: '10', unitPrice: { amount: '7.25', currency: 'EUR' }, drawnQuantity: '0', remainingQuantity: '10', shops: [
        { deliveryAddressCode: 'D1', quantity: '6', drawnQuantity: '0', remainingQuantity: '6' }, { deliveryAddressCode: 'D2', quantity: '4', drawnQuantity: '0', remainingQuantity: '4' }] },
      { lineNo: 2, sku: products[1].sku, quantity: '5', unitPrice: { amount: '3.10', currency: 'EUR' }, drawnQuantity: '0', remainingQuantity: '5', shops: null },
    ]);
    expect((await blankets()).map((x) => x.number)).not.toContain(otherNumber);
  });

  it("another company's blanket order is NOT_FOUND, to read and to draw on", async () => {
    const other = (await (await as(demoUser(1, 'buyer').email)).request<{ blanketOrders: Blanket[] }>(`{ blanketOrders { ${BLANKET_FIELDS} } }`)).blanketOrders.find((b) => b.number === otherNumber)!;
    expect(other).toBeDefined();
    expect((await failure(company.admin.api.request(`query($id: ID!) { blanketOrder(id: $id) { id } }`, { id: other.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(draw({ blanketOrderId: other.id, lines: [{ lineNo: 2, quantity: 1 }] }))).codes).toEqual(['NOT_FOUND']);
    expect((await (await as(demoUser(1, 'buyer').email)).request<{ blanketOrder: Blanket }>(`query($id: ID!) { blanketOrder(id: $id) { lines { remainingQuantity } } }`, { id: other.id })).blanketOrder.lines.map((l) => l.remainingQuantity)).toEqual(['10', '5']);
  });

  it('draws down per shop at the agreed prices; more than remains is refused with CONFLICT and changes nothing', async () => {
    const b = await mine();
    const { drawDownBlanketOrder: order } = await draw({ blanketOrderId: b.id, deliveryAddressCode: 'D2', lines: [{ lineNo: 1, quantity: 3 }] });
    expect(order).toMatchObject({ status: 'PENDING', deliveryAddressCode: 'D2', blanketOrderNumber: blanketNumber, total: { amount: '21.75' }, lines: [{ sku: products[0].sku, quantity: '3', unitPrice: { amount: '7.25' } }] });
    let now = await mine();
    expect(now.lines[0]).toMatchObject({ drawnQuantity: '3', remainingQuantity: '7' });
    expect(now.lines[0].shops!.map((s) => [s.deliveryAddressCode, s.remainingQuantity])).toEqual([['D1', '6'], ['D2', '1']]);

    const viewer = await company.coworker('viewer', { permissions: ['orders.view'] });
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ blanketOrderId: b.id, deliveryAddressCode: 'D2', lines: [{ lineNo: 1, quantity: 2 }] }, 'CONFLICT'], // the shop's share
      [{ blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 2, quantity: 6 }] }, 'CONFLICT'], // the line
      [{ blanketOrderId: b.id, lines: [{ lineNo: 1, quantity: 1 }] }, 'BAD_USER_INPUT'], // a split line needs the shop
      [{ blanketOrderId: b.id, deliveryAddressCode: 'D9', lines: [{ lineNo: 2, quantity: 1 }] }, 'BAD_USER_INPUT'], // not the company's address
      [{ blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 7, quantity: 1 }] }, 'BAD_USER_INPUT'],
      [{ blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 2, quantity: 0 }] }, 'BAD_USER_INPUT'],
      [{ blanketOrderId: randomUUID(), lines: [{ lineNo: 2, quantity: 1 }] }, 'NOT_FOUND'],
    ];
    for (const [input, code] of refusals) expect([input, (await failure(draw(input))).codes]).toEqual([input, [code]]);
    expect((await failure(viewer.api.request(DRAW, { i: { idempotencyKey: key(), blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 2, quantity: 1 }] } }))).codes).toEqual(['FORBIDDEN']);
    expect((await viewer.api.request<{ blanketOrders: Blanket[] }>(`{ blanketOrders { ${BLANKET_FIELDS} } }`)).blanketOrders.find((x) => x.number === blanketNumber)).toEqual(await mine());
    now = await mine();
    expect(now.lines.map((l) => l.remainingQuantity)).toEqual(['7', '5']);

    // The same key again returns the same drawdown; with other content it is a CONFLICT.
    const again = key();
    const first = (await company.admin.api.request<{ drawDownBlanketOrder: Order }>(DRAW, { i: { idempotencyKey: again, blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 1, quantity: 2 }] } })).drawDownBlanketOrder;
    const replay = (await company.admin.api.request<{ drawDownBlanketOrder: Order }>(DRAW, { i: { idempotencyKey: again, blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 1, quantity: 2 }] } })).drawDownBlanketOrder;
    expect(replay.id).toBe(first.id);
    expect((await failure(company.admin.api.request(DRAW, { i: { idempotencyKey: again, blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 1, quantity: 1 }] } }))).codes).toEqual(['CONFLICT']);
    expect((await mine()).lines[0].shops!.map((s) => s.remainingQuantity)).toEqual(['4', '1']);
  });

  it("a drawdown above the company's approval limit waits for a coworker and keeps its quantities; rejected, it gives them back", async () => {
    const b = await mine();
    const api = company.admin.api;
    await api.request('mutation($i: OrderingSettingsInput!) { setOrderingSettings(input: $i) { requiresApproval } }', { i: { requiresApproval: false, approvalLimit: { amount: '10.00', currency: 'EUR' } } });
    try {
      const { drawDownBlanketOrder: waiting } = await draw({ blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 1, quantity: 2 }] });
      expect(waiting.status).toBe('AWAITING_APPROVAL');
      expect((await mine()).lines[0].shops!.map((s) => s.remainingQuantity)).toEqual(['2', '1']);
      const approver = await company.coworker('approver', { permissions: ['orders.view', 'orders.approve'] });
      const { rejectOrder } = await approver.api.request<{ rejectOrder: { status: string } }>('mutation($id: ID!, $r: String!) { rejectOrder(id: $id, reason: $r) { status } }', { id: waiting.id, r: 'Enough stock there' });
      expect(rejectOrder.status).toBe('REJECTED');
      expect((await mine()).lines[0].shops!.map((s) => s.remainingQuantity)).toEqual(['4', '1']);
    } finally {
      await api.request('mutation($i: OrderingSettingsInput!) { setOrderingSettings(input: $i) { requiresApproval } }', { i: { requiresApproval: false, approvalLimit: null } });
    }
  });

  it('two concurrent drawdowns of the remainder: one succeeds, the other gets CONFLICT; the ERP counts each drawdown once and the next sync shows it', async () => {
    const b = await mine();
    const results = await Promise.allSettled([1, 2].map(() => draw({ blanketOrderId: b.id, deliveryAddressCode: 'D1', lines: [{ lineNo: 2, quantity: 5 }] })));
    const won = results.filter((r): r is PromiseFulfilledResult<{ drawDownBlanketOrder: Order }> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((await failure(Promise.reject(lost.reason))).codes).toEqual(['CONFLICT']);
    expect((await mine()).lines[1]).toMatchObject({ drawnQuantity: '5', remainingQuantity: '0' });

    // Every drawdown of this blanket order reaches the ERP exactly once, naming the blanket order.
    const { orders } = await company.admin.api.request<{ orders: { edges: Array<{ node: { id: string; erpNumber: string | null } }> } }>('{ orders(first: 50) { edges { node { id erpNumber } } } }');
    const { orders: rejected } = await company.admin.api.request<{ orders: { edges: Array<{ node: { id: string } }> } }>('{ orders(first: 50, filter: { statuses: [REJECTED] }) { edges { node { id } } } }');
    const rejectedIds = new Set(rejected.edges.map((e) => e.node.id));
    const ids = orders.edges.map((e) => e.node.id).filter((id) => !rejectedIds.has(id));
    expect(ids).toHaveLength(3);
    expect(rejectedIds.size).toBe(1);
    await eventually(async () => {
      const { orders: o } = await company.admin.api.request<{ orders: { edges: Array<{ node: { id: string; erpNumber: string | null } }> } }>('{ orders(first: 50) { edges { node { id erpNumber } } } }');
      return o.edges.filter((e) => ids.includes(e.node.id)).every((e) => e.node.erpNumber !== null);
    }, 60_000, 'the ERP to accept the drawdowns');
    const stats = await erpAdmin('GET', '/admin/stats');
    for (const id of ids) expect(stats.acceptedOrdersByKey[id]).toBe(1);
    for (const id of rejectedIds) expect(stats.acceptedOrdersByKey[id]).toBeUndefined();
    expect((await outboxMessages()).filter((m) => ids.includes(m.key))).toHaveLength(3);
    const erp = await erpAdmin('GET', `/admin/records/blanketOrders/${blanketNumber}`);
    expect(erp.lines.map((l: Line) => l.drawnQuantity)).toEqual(['5', '5']);
    expect(erp.lines[0].shops.map((s: Shop) => s.drawnQuantity)).toEqual(['2', '3']);
    expect(erp.drawdowns.map((d: { hubOrderId: string }) => d.hubOrderId).sort()).toEqual([...ids].sort());

    // After the sync the ERP's count replaces the drawdowns on their way: nothing counted twice.
    await syncNow('blanketOrders');
    const synced = await mine();
    expect(synced.lines.map((l) => [l.drawnQuantity, l.remainingQuantity])).toEqual([['5', '5'], ['5', '0']]);
    expect(synced.lines[0].shops!.map((s) => s.remainingQuantity)).toEqual(['4', '1']);
  });
});
