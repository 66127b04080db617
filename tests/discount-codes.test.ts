import { GraphQLClient } from 'graphql-request';
import { as, demo, demoUser, failure } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key } from './support/ordering';

/**
 * Discount codes (C8) through the gateway: staff generate batches (random, unique), public or for
 * one company, single- or multi-use, with validity and a minimum order value; a customer applies
 * one to the basket (shown with its discount) or gives it to placeOrder; the discount goes to the
 * ERP as a discount line with the order; the usage register shows every use, and a code is never
 * used more often than allowed, also when two checkouts race for its last use.
 */

const CODE_FIELDS = 'id code batchId label kind percent maxUses usedCount remainingUses company { id } amount { amount currency } minOrderValue { amount currency } uses { orderId company { id } discount { amount currency } }';
const ORDER_FIELDS = 'id status total { amount currency } discounts { kind reference description amount { amount currency } } lines { sku quantity lineTotal { amount } }';

interface Code {
  id: string; code: string; batchId: string; label: string; kind: string; percent: string | null; maxUses: number; usedCount: number; remainingUses: number;
  company: { id: string } | null; amount: { amount: string; currency: string } | null; minOrderValue: { amount: string; currency: string } | null;
  uses: Array<{ orderId: string; company: { id: string }; discount: { amount: string; currency: string } }>;
}
interface Order {
  id: string; status: string; total: { amount: string; currency: string };
  discounts: Array<{ kind: string; reference: string; description: string; amount: { amount: string; currency: string } }>;
  lines: Array<{ sku: string; quantity: string; lineTotal: { amount: string } }>;
}

const staffEmail = 'admin@hub.example';
const products = demo.products.filter((p, i) => i >= 60 && p.minOrderQuantity === 1 && p.currency === 'EUR').slice(0, 3);
const otherBuyer = demoUser(1, 'buyer');

const generate = async (input: Record<string, unknown>, api?: GraphQLClient): Promise<Code[]> =>
  (await (api ?? (await as(staffEmail))).request<{ generateDiscountCodes: Code[] }>(`mutation($i: GenerateDiscountCodesInput!) { generateDiscountCodes(input: $i) { ${CODE_FIELDS} } }`, { i: input })).generateDiscountCodes;
const codesOfBatch = async (batchId: string): Promise<Code[]> =>
  (await (await as(staffEmail)).request<{ discountCodes: Code[] }>(`query($b: ID!) { discountCodes(filter: { batchId: $b }) { ${CODE_FIELDS} } }`, { b: batchId })).discountCodes;
const placeWith = (company: FreshCompany, lines: Array<{ productId: string; quantity: number }>, discountCode: string | null, idempotencyKey = key()) =>
  company.admin.api.request<{ placeOrder: Order }>(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${ORDER_FIELDS} } }`, { i: { idempotencyKey, lines, ...(discountCode ? { discountCode } : {}) } });

/** The order as the ERP holds it, once the outbox has delivered it. */
async function erpOrderOf(company: FreshCompany, orderId: string): Promise<any> {
  const number = await eventually(async () => {
    const { order } = await company.admin.api.request<{ order: { erpNumber: string | null } }>('query($id: ID!) { order(id: $id) { erpNumber } }', { id: orderId });
    return order.erpNumber ?? undefined;
  }, 60_000, 'the ERP to accept the order');
  return erpAdmin('GET', `/admin/records/orders/${number}`);
}

describe('discount codes through the gateway', () => {
  let company: FreshCompany;
  let listNet: (quantities: number[]) => Promise<string>;

  beforeAll(async () => {
    company = await freshCompany('Codes');
    // What the lines cost the company before tax, as its basket prices them.
    listNet = async (quantities) => {
      const api = company.admin.api;
      await api.request('mutation { clearBasket { id } }');
      for (const [i, q] of quantities.entries()) await api.request('mutation($i: AddToBasketInput!) { addToBasket(input: $i) { id } }', { i: { productId: products[i].id, quantity: String(q) } });
      const { basket } = await api.request<{ basket: { totals: { net: { amount: string } } } }>('{ basket { totals { net { amount } } } }');
      await api.request('mutation { clearBasket { id } }');
      return basket.totals.net.amount;
    };
  }, 120_000);

  it('generates a batch of unique, unguessable codes, and refuses bad terms with BAD_USER_INPUT and non-staff with FORBIDDEN', async () => {
    const batch = await generate({ label: 'Spring fair', count: 25, prefix: 'spring', kind: 'PERCENT', percent: '10', maxUses: 1 });
    expect(batch).toHaveLength(25);
    expect(new Set(batch.map((c) => c.code)).size).toBe(25);
    for (const c of batch) {
      expect(c.code).toMatch(/^SPRING-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(c).toMatchObject({ batchId: batch[0].batchId, label: 'Spring fair', kind: 'PERCENT', percent: '10.00', maxUses: 1, usedCount: 0, remainingUses: 1, company: null, uses: [] });
    }
    expect((await codesOfBatch(batch[0].batchId)).map((c) => c.code).sort()).toEqual(batch.map((c) => c.code).sort());

    const bad = [
      { label: 'x', count: 0, kind: 'PERCENT', percent: '10' },
      { label: 'x', count: 1, kind: 'PERCENT', percent: '150' },
      { label: 'x', count: 1, kind: 'PERCENT' },
      { label: 'x', count: 1, kind: 'AMOUNT', amount: { amount: '-5', currency: 'EUR' } },
      { label: 'x', count: 1, kind: 'AMOUNT', amount: { amount: '5', currency: 'EUR' }, minOrderValue: { amount: '50', currency: 'SEK' } },
      { label: 'x', count: 1, kind: 'PERCENT', percent: '5', validFrom: '2026-06-01T00:00:00Z', validTo: '2026-05-01T00:00:00Z' },
      { label: 'x', count: 1, kind: 'PERCENT', percent: '5', maxUses: 0 },
    ];
    for (const input of bad) expect((await failure(generate(input))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(generate({ label: 'x', count: 1, kind: 'PERCENT', percent: '5' }, company.admin.api))).codes).toEqual(['FORBIDDEN']);
  });

  it('a single-use code redeemed by two concurrent checkouts succeeds exactly once; the discount reaches the ERP with the order, once', async () => {
    const [code] = await generate({ label: 'Race', count: 1, kind: 'PERCENT', percent: '10', maxUses: 1 });
    const lines = [{ productId: products[0].id, quantity: 2 }, { productId: products[1].id, quantity: 1 }];
    const keys = [key(), key()];
    const results = await Promise.allSettled(keys.map((k) => placeWith(company, lines, code.code.toLowerCase(), k)));
    const placed = results.filter((r): r is PromiseFulfilledResult<{ placeOrder: Order }> => r.status === 'fulfilled').map((r) => r.value.placeOrder);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(placed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const refusal = await failure(Promise.reject((refused[0] as PromiseRejectedResult).reason));
    expect(refusal.codes).toEqual(['CONFLICT']);
    expect(refusal.messages[0]).toContain('used up');

    const order = placed[0];
    const linesNet = order.lines.reduce((sum, l) => sum + Math.round(Number(l.lineTotal.amount) * 100), 0);
    const off = Math.round(linesNet / 10);
    expect(order.discounts).toEqual([{ kind: 'CODE', reference: code.code, description: `Discount code ${code.code} (Race)`, amount: { amount: (off / 100).toFixed(2), currency: 'EUR' } }]);
    expect(Math.round(Number(order.total.amount) * 100)).toBe(linesNet - off);

    const [after] = await codesOfBatch(code.batchId);
    expect(after).toMatchObject({ usedCount: 1, remainingUses: 0 });
    expect(after.uses).toEqual([{ orderId: order.id, company: { id: company.id }, discount: { amount: (off / 100).toFixed(2), currency: 'EUR' } }]);

    // Only the order that won has an outbox message; the ERP accepted it once, with the discount line and the discounted total.
    const erpOrder = await erpOrderOf(company, order.id);
    expect(erpOrder.discounts).toEqual([{ reference: code.code, description: `Discount code ${code.code} (Race)`, amount: (off / 100).toFixed(2) }]);
    expect(erpOrder.total).toBe(((linesNet - off) / 100).toFixed(2));
    const stats = await erpAdmin('GET', '/admin/stats');
    expect(stats.acceptedOrdersByKey[order.id]).toBe(1);
    expect((await outboxMessages()).filter((m) => m.key === order.id)).toHaveLength(1);

    // Used up now: a third checkout gets CONFLICT and places nothing.
    const again = key();
    expect((await failure(placeWith(company, lines, code.code, again))).codes).toEqual(['CONFLICT']);
    expect(stats.acceptedOrdersByKey[again]).toBeUndefined();
  });

  it("a company's own code: another company's users get NOT_FOUND; below its minimum BAD_USER_INPUT; multi-use up to maxUses", async () => {
    const [code] = await generate({ label: 'Loyal customer', count: 1, companyId: company.id, kind: 'AMOUNT', amount: { amount: '5.00', currency: 'EUR' }, minOrderValue: { amount: '20.00', currency: 'EUR' }, maxUses: 2 });
    expect(code.company).toEqual({ id: company.id });
    const other = await as(otherBuyer.email);
    const otherFailure = await failure(other.request(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, { i: { idempotencyKey: key(), lines: [{ productId: products[0].id, quantity: 1 }], discountCode: code.code } }));
    expect(otherFailure.codes).toEqual(['NOT_FOUND']);
    expect((await failure(other.request('mutation($c: String!) { applyDiscountCode(code: $c) { id } }', { c: code.code }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(placeWith(company, [{ productId: products[0].id, quantity: 1 }], 'NO-SUCH-CODE'))).codes).toEqual(['NOT_FOUND']);

    // Enough lines to pass the minimum, and a single cheap line that does not.
    const unit = Number(await listNet([1]));
    const below = Math.max(1, Math.floor(19.99 / unit));
    if (below * unit < 20) expect((await failure(placeWith(company, [{ productId: products[0].id, quantity: below }], code.code))).codes).toEqual(['BAD_USER_INPUT']);
    const big = [{ productId: products[0].id, quantity: Math.ceil(25 / unit) }];
    const first = (await placeWith(company, big, code.code)).placeOrder;
    const second = (await placeWith(company, big, code.code)).placeOrder;
    for (const o of [first, second]) expect(o.discounts.map((d) => d.amount.amount)).toEqual(['5.00']);
    expect((await failure(placeWith(company, big, code.code))).codes).toEqual(['CONFLICT']);
    const [after] = await codesOfBatch(code.batchId);
    expect(after.uses.map((u) => u.orderId).sort()).toEqual([first.id, second.id].sort());
  });

  it('an order rejected before it reached the ERP gives its code use back', async () => {
    const [code] = await generate({ label: 'Held', count: 1, kind: 'PERCENT', percent: '5', maxUses: 1 });
    const staff = await as(staffEmail);
    // Every order of the company is held for review while this rule stands.
    const { setHoldRule } = await staff.request<{ setHoldRule: { id: string } }>('mutation($i: HoldRuleInput!) { setHoldRule(input: $i) { id } }', { i: { kind: 'ORDER_VALUE', companyId: company.id, enabled: true, limit: { amount: '0.01', currency: 'EUR' } } });
    try {
      const lines = [{ productId: products[1].id, quantity: 2 }];
      const held = (await placeWith(company, lines, code.code)).placeOrder;
      expect(held.status).toBe('ON_HOLD');
      expect((await codesOfBatch(code.batchId))[0]).toMatchObject({ usedCount: 1, remainingUses: 0 });
      expect((await failure(placeWith(company, lines, code.code))).codes).toEqual(['CONFLICT']);
      const { rejectHeldOrder } = await staff.request<{ rejectHeldOrder: { status: string } }>('mutation($id: ID!, $r: String!) { rejectHeldOrder(id: $id, reason: $r) { status } }', { id: held.id, r: 'Not this week' });
      expect(rejectHeldOrder.status).toBe('REJECTED');
      expect((await codesOfBatch(code.batchId))[0]).toMatchObject({ usedCount: 0, remainingUses: 1, uses: [] });
      const again = (await placeWith(company, lines, code.code)).placeOrder;
      expect(again.discounts.map((d) => d.reference)).toEqual([code.code]);
      expect((await codesOfBatch(code.batchId))[0].uses.map((u) => u.orderId)).toEqual([again.id]);
    } finally {
      await staff.request('mutation($id: ID!) { removeHoldRule(id: $id) }', { id: setHoldRule.id });
    }
  });

  it('a code applied to the basket shows its discount there and is used when the basket is ordered', async () => {
    const [code] = await generate({ label: 'Basket', count: 1, kind: 'PERCENT', percent: '20', maxUses: 1 });
    const api = company.admin.api;
    await api.request('mutation { clearBasket { id } }');
    await api.request('mutation($i: AddToBasketInput!) { addToBasket(input: $i) { id } }', { i: { sku: products[2].sku, quantity: '3' } });
    const { applyDiscountCode } = await api.request<{ applyDiscountCode: { totals: { net: { amount: string } }; discount: { code: string; amount: { amount: string } | null; netAfterDiscount: { amount: string } | null; problem: string | null } } }>(
      'mutation($c: String!) { applyDiscountCode(code: $c) { totals { net { amount } } discount { code amount { amount } netAfterDiscount { amount } problem } } }', { c: ` ${code.code.toLowerCase()} ` });
    const net = Math.round(Number(applyDiscountCode.totals.net.amount) * 100);
    expect(applyDiscountCode.discount).toEqual({ code: code.code, amount: { amount: (Math.round(net / 5) / 100).toFixed(2) }, netAfterDiscount: { amount: ((net - Math.round(net / 5)) / 100).toFixed(2) }, problem: null });

    const { placeOrder } = await api.request<{ placeOrder: Order }>(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${ORDER_FIELDS} } }`, { i: { idempotencyKey: key() } });
    expect(placeOrder.discounts.map((d) => d.reference)).toEqual([code.code]);
    expect(Math.round(Number(placeOrder.total.amount) * 100)).toBe(net - Math.round(net / 5));
    const { basket } = await api.request<{ basket: { lineCount: number; discount: unknown } }>('{ basket { lineCount discount { code } } }');
    expect(basket).toEqual({ lineCount: 0, discount: null });
    expect((await failure(api.request('mutation($c: String!) { applyDiscountCode(code: $c) { id } }', { c: code.code }))).codes).toEqual(['CONFLICT']);
  });
});
