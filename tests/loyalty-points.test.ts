import { randomUUID } from 'node:crypto';
import { as, demo, demoUser, failure } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key, syncNow } from './support/ordering';

/**
 * Loyalty points (C8) through the gateway against the demo ERP: staff rules per unit of a product,
 * per unit of a product group and per order value; points credited when the ERP invoices the order
 * (the invoices sync) and a share taken back for a credit note (the credit notes sync); balance and
 * history per company; rewards redeemed under the company's lock: not enough points is a CONFLICT,
 * a product reward goes to the ERP once as a free order, a discount comes off the next order.
 */

interface Entry { kind: string; points: number; description: string; documentNumber: string | null; orderId: string | null; redemptionId: string | null }
interface Account { balance: number; history: Entry[]; openDiscounts: Array<{ id: string; rewardName: string; discount: { amount: string; currency: string } | null; status: string }> }
interface Rule { id: string; active: boolean; kind: string; sku: string | null; productGroup: string | null; points: string; perAmount: { amount: string; currency: string } | null }

const staffEmail = 'admin@hub.example';
const ACCOUNT = '{ loyaltyAccount { balance history { kind points description documentNumber orderId redemptionId } openDiscounts { id rewardName discount { amount currency } status } } }';
const RULE = 'mutation($i: LoyaltyRuleInput!) { setLoyaltyRule(input: $i) { id active kind sku productGroup points perAmount { amount currency } } }';
const REWARD = 'mutation($i: LoyaltyRewardInput!) { setLoyaltyReward(input: $i) { id name kind pointsCost } }';
const REDEEM = 'mutation($r: ID!, $k: String!) { redeemLoyaltyReward(rewardId: $r, idempotencyKey: $k) { id rewardName kind points status orderId discount { amount currency } } }';
const candidates = demo.products.filter((p, i) => i >= 80 && p.minOrderQuantity === 1 && p.currency === 'EUR');

describe('loyalty points through the gateway', () => {
  let company: FreshCompany;
  let staff: Awaited<ReturnType<typeof as>>;
  let group: string;
  const products: typeof candidates = [];
  const account = async (): Promise<Account> => (await company.admin.api.request<{ loyaltyAccount: Account }>(ACCOUNT)).loyaltyAccount;

  /** Places an order of these lines and has the ERP accept and invoice it; returns the order id, its net total and invoice number. */
  async function invoicedOrder(lines: Array<{ productId: string; quantity: number }>): Promise<{ id: string; net: string; invoiceNumber: string }> {
    const { placeOrder } = await company.admin.api.request<{ placeOrder: { id: string; total: { amount: string } } }>('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total { amount } } }', { i: { idempotencyKey: key(), lines } });
    const erpNumber = await eventually(async () => {
      const { order } = await company.admin.api.request<{ order: { erpNumber: string | null } }>('query($id: ID!) { order(id: $id) { erpNumber } }', { id: placeOrder.id });
      return order.erpNumber ?? undefined;
    }, 60_000, 'the ERP to accept the order');
    await eventually(async () => (await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 1 })).status === 'INVOICED' || undefined, 30_000, 'the ERP to invoice the order');
    const invoiceNumber = `INV-${erpNumber.replace(/^SO-/, '')}`;
    expect((await erpAdmin('GET', `/admin/records/invoices/${invoiceNumber}`)).netTotal).toBe(placeOrder.total.amount);
    await syncNow('invoices');
    return { id: placeOrder.id, net: placeOrder.total.amount, invoiceNumber };
  }

  beforeAll(async () => {
    staff = await as(staffEmail);
    company = await freshCompany('Loyalty');
    // Only this test's rules earn: every rule left from elsewhere is switched off.
    const { loyaltyRules } = await staff.request<{ loyaltyRules: Rule[] }>('{ loyaltyRules { id active kind sku productGroup points perAmount { amount currency } } }');
    for (const r of loyaltyRules.filter((x) => x.active)) {
      await staff.request(RULE, { i: { id: r.id, kind: r.kind, sku: r.sku, productGroup: r.productGroup, points: r.points, perAmount: r.perAmount, active: false } });
    }
    // Two products of different groups (the ERP's category codes) and a third for the reward.
    const first = candidates[0];
    const firstGroups: string[] = (await erpAdmin('GET', `/admin/records/products/${first.sku}`)).categoryCodes;
    for (const p of candidates.slice(1)) {
      const groups: string[] = (await erpAdmin('GET', `/admin/records/products/${p.sku}`)).categoryCodes;
      if (!groups.some((g) => firstGroups.includes(g))) {
        products.push(first, p, candidates.find((c) => c !== first && c !== p)!);
        group = groups[0];
        break;
      }
    }
  }, 180_000);

  it('staff manage the rules; customers may not, and bad rules are BAD_USER_INPUT', async () => {
    const bad = [
      { kind: 'PER_QUANTITY', points: '1' },
      { kind: 'PER_QUANTITY', sku: 'X', productGroup: 'Y', points: '1' },
      { kind: 'PER_QUANTITY', sku: 'X', points: '0' },
      { kind: 'PER_ORDER_VALUE', points: '1' },
      { kind: 'PER_ORDER_VALUE', points: '1', perAmount: { amount: '10', currency: 'EURO' } },
    ];
    for (const i of bad) expect((await failure(staff.request(RULE, { i }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(company.admin.api.request(RULE, { i: { kind: 'PER_QUANTITY', sku: products[0].sku, points: '1' } }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(company.admin.api.request('{ loyaltyRules { id } }'))).codes).toEqual(['FORBIDDEN']);
  });

  it('credits points when the ERP invoices the order, takes a share back for a credit note, and lets the company redeem them', async () => {
    await staff.request(RULE, { i: { kind: 'PER_QUANTITY', sku: products[0].sku, points: '2', active: true } });
    await staff.request(RULE, { i: { kind: 'PER_QUANTITY', productGroup: group, points: '1.5', active: true } });
    await staff.request(RULE, { i: { kind: 'PER_ORDER_VALUE', points: '1', perAmount: { amount: '10.00', currency: 'EUR' }, active: true } });
    expect(await account()).toEqual({ balance: 0, history: [], openDiscounts: [] });

    const order = await invoicedOrder([{ productId: products[0].id, quantity: 3 }, { productId: products[1].id, quantity: 3 }]);
    // 3 × 2 for the product, 3 × 1.5 for the group (4.5: the half point is dropped with the total), 1 per whole 10 EUR.
    const earned = Math.floor(3 * 2 + 3 * 1.5 + Math.floor(Number(order.net) / 10));
    let now = await account();
    expect(now.balance).toBe(earned);
    expect(now.history).toEqual([{ kind: 'EARNED', points: earned, description: `Invoice ${order.invoiceNumber}`, documentNumber: order.invoiceNumber, orderId: order.id, redemptionId: null }]);
    // The invoice synced again (paid meanwhile) earns nothing more.
    await erpAdmin('POST', `/admin/invoices/${order.invoiceNumber}/payments`, {});
    await syncNow('invoices');
    expect((await account()).balance).toBe(earned);

    // A credit note for 40 % of the invoice's value takes back 40 % of its points.
    const invoice = await erpAdmin('GET', `/admin/records/invoices/${order.invoiceNumber}`);
    const creditNoteNumber = `CR-T${randomUUID().slice(0, 6).toUpperCase()}`;
    const net = (Math.round(Number(invoice.netTotal) * 40) / 100).toFixed(2);
    await erpAdmin('POST', '/admin/records/creditNotes', {
      creditNoteNumber, customerNumber: company.erpNumber, invoiceNumber: order.invoiceNumber, issuedAt: new Date().toISOString(), currency: 'EUR', netTotal: net, taxTotal: '0.00', total: net,
    });
    await syncNow('creditNotes');
    const reversed = Math.round(earned * Number(net) / Number(invoice.netTotal));
    now = await account();
    expect(now.balance).toBe(earned - reversed);
    expect(now.history[0]).toEqual({ kind: 'REVERSED', points: -reversed, description: `Credit note ${creditNoteNumber}`, documentNumber: creditNoteNumber, orderId: order.id, redemptionId: null });

    // Another company's users see their own points only.
    const other = (await (await as(demoUser(1, 'buyer').email)).request<{ loyaltyAccount: Account }>(ACCOUNT)).loyaltyAccount;
    expect(other.history.map((e) => e.documentNumber)).not.toContain(order.invoiceNumber);

    // Rewards: not enough points is a CONFLICT and changes nothing.
    const balance = now.balance;
    const tag = randomUUID().slice(0, 6);
    const { setLoyaltyReward: dear } = await staff.request<{ setLoyaltyReward: { id: string } }>(REWARD, { i: { name: `Espresso machine ${tag}`, kind: 'PRODUCT', sku: products[2].sku, pointsCost: balance + 1, active: true } });
    const refused = await failure(company.admin.api.request(REDEEM, { r: dear.id, k: key() }));
    expect(refused.codes).toEqual(['CONFLICT']);
    expect(refused.messages[0]).toContain('Not enough points');
    expect((await account()).balance).toBe(balance);
    const viewer = await company.coworker('viewer', { permissions: ['orders.view'] });
    expect((await failure(viewer.api.request(REDEEM, { r: dear.id, k: key() }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(company.admin.api.request(REDEEM, { r: randomUUID(), k: key() }))).codes).toEqual(['NOT_FOUND']);

    // A product reward: ordered free of charge at once, to the ERP exactly once.
    const { setLoyaltyReward: cap } = await staff.request<{ setLoyaltyReward: { id: string } }>(REWARD, { i: { name: `Cap ${tag}`, kind: 'PRODUCT', sku: products[2].sku, quantity: 2, pointsCost: 2, active: true } });
    const redeemKey = key();
    const { redeemLoyaltyReward: product } = await company.admin.api.request<{ redeemLoyaltyReward: { id: string; status: string; orderId: string; points: number } }>(REDEEM, { r: cap.id, k: redeemKey });
    expect(product).toMatchObject({ status: 'USED', points: 2 });
    expect((await company.admin.api.request<{ redeemLoyaltyReward: { id: string } }>(REDEEM, { r: cap.id, k: redeemKey })).redeemLoyaltyReward.id).toBe(product.id);
    const { order: free } = await company.admin.api.request<{ order: { total: { amount: string }; lines: Array<{ sku: string; quantity: string; unitPrice: { amount: string } }> } }>(
      'query($id: ID!) { order(id: $id) { total { amount } lines { sku quantity unitPrice { amount } } } }', { id: product.orderId });
    expect(free).toEqual({ total: { amount: '0.00' }, lines: [{ sku: products[2].sku, quantity: '2', unitPrice: { amount: '0.00' } }] });
    await eventually(async () => (await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey[product.orderId] === 1 || undefined, 60_000, 'the ERP to accept the reward order');
    expect((await outboxMessages()).filter((m) => m.key === product.orderId)).toHaveLength(1);

    // A discount reward: waits for the next order and comes off it as a discount line.
    const { setLoyaltyReward: voucher } = await staff.request<{ setLoyaltyReward: { id: string } }>(REWARD, { i: { name: `5 EUR off ${tag}`, kind: 'DISCOUNT', discount: { amount: '5.00', currency: 'EUR' }, pointsCost: 1, active: true } });
    const { redeemLoyaltyReward: discount } = await company.admin.api.request<{ redeemLoyaltyReward: { id: string; status: string } }>(REDEEM, { r: voucher.id, k: key() });
    expect(discount.status).toBe('OPEN');
    now = await account();
    expect(now.balance).toBe(balance - 3);
    expect(now.openDiscounts).toEqual([{ id: discount.id, rewardName: `5 EUR off ${tag}`, discount: { amount: '5.00', currency: 'EUR' }, status: 'OPEN' }]);
    expect(now.history.slice(0, 2).map((e) => [e.kind, e.points])).toEqual([['REDEEMED', -1], ['REDEEMED', -2]]);
    const { placeOrder: next } = await company.admin.api.request<{ placeOrder: { id: string; total: { amount: string }; discounts: Array<{ kind: string; reference: string; amount: { amount: string } }>; lines: Array<{ lineTotal: { amount: string } }> } }>(
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total { amount } discounts { kind reference amount { amount } } lines { lineTotal { amount } } } }',
      { i: { idempotencyKey: key(), lines: [{ productId: products[0].id, quantity: 4 }] } });
    expect(next.discounts).toEqual([{ kind: 'LOYALTY', reference: discount.id, amount: { amount: '5.00' } }]);
    expect(Number(next.total.amount)).toBeCloseTo(Number(next.lines[0].lineTotal.amount) - 5, 2);
    expect((await account()).openDiscounts).toEqual([]);

    // Two redemptions at once of a reward that costs every point left: one succeeds, the other gets CONFLICT; the balance never goes below zero.
    const left = (await account()).balance;
    const { setLoyaltyReward: all } = await staff.request<{ setLoyaltyReward: { id: string } }>(REWARD, { i: { name: `Everything ${tag}`, kind: 'DISCOUNT', discount: { amount: '1.00', currency: 'EUR' }, pointsCost: left, active: true } });
    const race = await Promise.allSettled([key(), key()].map((k) => company.admin.api.request(REDEEM, { r: all.id, k })));
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await failure(Promise.reject((race.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason))).codes).toEqual(['CONFLICT']);
    expect((await account()).balance).toBe(0);
  }, 180_000);
});
