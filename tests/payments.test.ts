import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { loadAuthSecrets, signPaymentRequest } from '@hub/auth';
import { signWebhook } from '@hub/payment-contract';
import { as, demo, demoUser, failure } from './support/hub-client';
import { card, completeThreeDSecure, paymentsAdmin, paymentWebhookUrl, TEST_CARDS, TEST_PAYMENTS_WEBHOOK_SECRET } from './support/demo-payments';
import { freshCompany, FreshCompany, key, syncNow } from './support/ordering';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';

/**
 * Card payments (F4, F2) through the gateway against the demo payment provider and the demo ERP:
 * a B2B customer pays an open invoice online and the ERP books it exactly once through the outbox;
 * a 3-D Secure card pays after the challenge; a declined card pays nothing; an order's card is
 * authorised at order and captured when its delivery note says delivered, once however often the
 * sync repeats; webhooks that come twice, late or out of order change nothing wrongly, and a bad
 * signature is refused.
 */

const PAYMENT = 'id purpose status amount { amount currency } captured { amount } refunded { amount } invoiceNumber orderId cardLast4 redirectUrl failureReason erpPaymentNumber';
const PAY = `mutation($i: PayInvoiceInput!) { payInvoice(input: $i) { ${PAYMENT} } }`;
const ONE = `query($id: ID!) { cardPayment(id: $id) { ${PAYMENT} } }`;
const OPEN_ITEMS = '{ openItems { items { documentNumber documentType openAmount { amount currency } } } }';
const AUTHORIZE = `mutation($r: String!, $c: CardInput!) { authorizeOrderPayment(request: $r, card: $c) { ${PAYMENT} } }`;

interface Payment {
  id: string; purpose: string; status: string; amount: { amount: string; currency: string }; captured: { amount: string } | null; refunded: { amount: string };
  invoiceNumber: string | null; orderId: string | null; cardLast4: string | null; redirectUrl: string | null; failureReason: string | null; erpPaymentNumber: string | null;
}

/** Ferretería García's customer admin: every customer permission, payments.make among them. */
const payer = demoUser(2, 'customer admin');
const garcia = demo.companies[2];

const bookedByErp = async (paymentId: string): Promise<number> => (await erpAdmin('GET', '/admin/stats')).payments.acceptedByKey?.[paymentId] ?? 0;
const intentOf = async (paymentId: string): Promise<any> => (await paymentsAdmin('GET', '/admin/payment_intents')).find((i: any) => i.metadata.hubPaymentId === paymentId);

async function openInvoices(): Promise<Array<{ documentNumber: string; openAmount: { amount: string; currency: string } }>> {
  const { openItems } = await (await as(payer.email)).request<{ openItems: { items: any[] } }>(OPEN_ITEMS);
  return openItems.items.filter((i) => i.documentType === 'INVOICE' && new Decimal(i.openAmount.amount).gt(10));
}

async function paymentOf(id: string): Promise<Payment> {
  return (await (await as(payer.email)).request<{ cardPayment: Payment }>(ONE, { id })).cardPayment;
}

/** Posts an event to the finance subgraph's webhook endpoint, signed with the given secret and time. */
async function postWebhook(event: unknown, secret = TEST_PAYMENTS_WEBHOOK_SECRET, at = Math.floor(Date.now() / 1000)): Promise<{ status: number; body: any }> {
  const body = JSON.stringify(event);
  const response = await fetch(paymentWebhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'payment-signature': signWebhook(body, secret, at) }, body });
  return { status: response.status, body: await response.json() };
}

describe('paying an open invoice online (F2, F4)', () => {
  let invoices: Awaited<ReturnType<typeof openInvoices>>;
  let paid: Payment;

  beforeAll(async () => {
    await paymentsAdmin('DELETE', '/admin/faults');
    invoices = await openInvoices();
    expect(invoices.length).toBeGreaterThanOrEqual(1);
  });
  afterAll(() => paymentsAdmin('DELETE', '/admin/faults'));

  it('pays part of an invoice by card: captured at once, booked by the ERP exactly once, the open item shrinks', async () => {
    const api = await as(payer.email);
    const invoice = invoices[0];
    const idempotencyKey = key();
    const input = { invoiceNumber: invoice.documentNumber, amount: '2.10', card: card(), idempotencyKey };
    paid = (await api.request<{ payInvoice: Payment }>(PAY, { i: input })).payInvoice;
    expect(paid).toMatchObject({ purpose: 'INVOICE', status: 'CAPTURED', amount: { amount: '2.10', currency: invoice.openAmount.currency }, captured: { amount: '2.10' }, cardLast4: '4242', invoiceNumber: invoice.documentNumber });
    // Asked again with the same key (a client retrying after a timeout): the same payment, charged once.
    const again = (await api.request<{ payInvoice: Payment }>(PAY, { i: input })).payInvoice;
    expect(again.id).toBe(paid.id);
    expect((await paymentsAdmin('GET', '/admin/payment_intents')).filter((i: any) => i.metadata.hubPaymentId === paid.id)).toHaveLength(1);

    const booked = await eventually(async () => {
      const p = await paymentOf(paid.id);
      return p.erpPaymentNumber ? p : undefined;
    }, 30_000, 'the ERP to book the payment');
    expect(booked.erpPaymentNumber).toMatch(/^PAY-/);
    expect(await bookedByErp(paid.id)).toBe(1);
    // The ERP's payment and the invoice's open amount were read back with the receipt.
    const after = await eventually(async () => (await openInvoices()).find((i) => i.documentNumber === invoice.documentNumber && i.openAmount.amount !== invoice.openAmount.amount), 30_000, 'the open item to shrink');
    expect(after!.openAmount.amount).toBe(new Decimal(invoice.openAmount.amount).minus('2.10').toFixed(2));
    expect((await outboxMessages('DELIVERED')).filter((m) => m.key === paid.id)).toHaveLength(1);
  });

  it('a webhook that comes twice, late or out of order changes nothing; a bad or stale signature is refused', async () => {
    const events = (await paymentsAdmin('GET', '/admin/events')).filter((e: any) => e.data.object.metadata.hubPaymentId === paid.id);
    const succeeded = events.find((e: any) => e.type === 'payment_intent.succeeded');
    expect(succeeded).toBeDefined();
    // Twice: the provider sends the same event again.
    await paymentsAdmin('POST', `/admin/events/${succeeded.id}/resend`);
    await eventually(async () => (await paymentsAdmin('GET', '/admin/webhooks')).deliveries.filter((d: any) => d.eventId === succeeded.id && d.status === 200).length >= 2 || undefined, 20_000, 'the duplicate to be delivered');
    expect((await postWebhook(succeeded)).body).toEqual({ received: true, duplicate: true });
    // Out of order: an authorisation (requires_capture) that the provider sends after the capture, as a new event.
    const older = { ...succeeded, id: `evt_${randomUUID().replace(/-/g, '')}`, type: 'payment_intent.amount_capturable_updated', created: succeeded.created - 5, data: { object: { ...succeeded.data.object, status: 'requires_capture', amount_received: 0, amount_capturable: 210 } } };
    expect(await postWebhook(older)).toEqual({ status: 200, body: { received: true, applied: false } });
    // Late: a failure from before the payment went through.
    const late = { ...older, id: `evt_${randomUUID().replace(/-/g, '')}`, type: 'payment_intent.payment_failed', data: { object: { ...older.data.object, status: 'requires_payment_method', last_payment_error: { code: 'card_declined', message: 'declined' } } } };
    expect((await postWebhook(late)).body).toEqual({ received: true, applied: false });
    // Bad signature, stale signature (outside the five-minute window), no signature: refused, nothing taken.
    const forged = { ...late, id: `evt_${randomUUID().replace(/-/g, '')}`, type: 'charge.refunded', data: { object: { ...succeeded.data.object, amount_refunded: 210 } } };
    expect((await postWebhook(forged, 'whsec_not-the-secret')).status).toBe(400);
    expect((await postWebhook(forged, TEST_PAYMENTS_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600)).status).toBe(400);
    expect((await fetch(paymentWebhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) })).status).toBe(400);

    const now = await paymentOf(paid.id);
    expect(now).toMatchObject({ status: 'CAPTURED', captured: { amount: '2.10' }, refunded: { amount: '0.00' }, failureReason: null });
    expect(await bookedByErp(paid.id)).toBe(1);
  });

  it('a 3-D Secure card pays after the challenge: the webhook (or confirmPayment) captures it, and the ERP books it once', async () => {
    const api = await as(payer.email);
    const invoice = invoices[0];
    const started = (await api.request<{ payInvoice: Payment }>(PAY, { i: { invoiceNumber: invoice.documentNumber, amount: '1.00', card: card(TEST_CARDS.requires3ds), returnUrl: 'https://shop.example/paid', idempotencyKey: key() } })).payInvoice;
    expect(started).toMatchObject({ status: 'REQUIRES_ACTION', captured: null });
    expect(started.redirectUrl).toMatch(/\/3ds\/pi_/);
    // Nothing reaches the ERP before the payer has authenticated.
    expect(await bookedByErp(started.id)).toBe(0);
    await completeThreeDSecure(started.redirectUrl!);
    const captured = await eventually(async () => {
      const p = (await api.request<{ confirmPayment: Payment }>(`mutation($id: ID!) { confirmPayment(id: $id) { ${PAYMENT} } }`, { id: started.id })).confirmPayment;
      return p.status === 'CAPTURED' && p.erpPaymentNumber ? p : undefined;
    }, 30_000, 'the 3-D Secure payment to be captured and booked');
    expect(captured).toMatchObject({ captured: { amount: '1.00' }, redirectUrl: null });
    expect(await bookedByErp(started.id)).toBe(1);
  });

  it('a declined card pays nothing and sends nothing to the ERP', async () => {
    const api = await as(payer.email);
    const declined = await failure(api.request(PAY, { i: { invoiceNumber: invoices[0].documentNumber, card: card(TEST_CARDS.declined), idempotencyKey: key() } }));
    expect(declined.codes).toEqual(['PAYMENT_DECLINED']);
    const paymentId = declined.extensions[0].paymentId as string;
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'DECLINED', captured: null, failureReason: 'Your card was declined.' });
    expect(await bookedByErp(paymentId)).toBe(0);
    expect((await outboxMessages()).some((m) => m.key === paymentId)).toBe(false);
  });

  it('refuses bad input with codes and changes nothing', async () => {
    const api = await as(payer.email);
    const invoice = invoices[0];
    const f = async (i: Record<string, unknown>, client = api) => {
      const r = await failure(client.request(PAY, { i: { invoiceNumber: invoice.documentNumber, card: card(), idempotencyKey: key(), ...i } }));
      return [r.codes[0], r.fields[0]];
    };
    expect(await f({ amount: '999999.00' })).toEqual(['BAD_USER_INPUT', 'amount']);
    expect(await f({ amount: '0' })).toEqual(['BAD_USER_INPUT', 'amount']);
    expect(await f({ card: { ...card(), number: '12' } })).toEqual(['BAD_USER_INPUT', 'card.number']);
    expect(await f({ card: { ...card(), cvc: 'abc' } })).toEqual(['BAD_USER_INPUT', 'card.cvc']);
    expect(await f({ returnUrl: 'javascript:alert(1)' })).toEqual(['BAD_USER_INPUT', 'returnUrl']);
    expect(await f({ idempotencyKey: ' ' })).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
    // Another company's invoice is NOT_FOUND, like one that does not exist.
    const other = await as(demoUser(0, 'customer admin').email);
    expect((await f({}, other))[0]).toBe('NOT_FOUND');
    expect(await f({ invoiceNumber: 'INV-NOPE' })).toEqual(['NOT_FOUND', undefined]);
    // Without payments.make: FORBIDDEN.
    expect((await f({}, await as(demoUser(2, 'read-only').email)))[0]).toBe('FORBIDDEN');
    // The same key for another payment: CONFLICT.
    const reused = key();
    await api.request(PAY, { i: { invoiceNumber: invoice.documentNumber, amount: '1.00', card: card(TEST_CARDS.declined), idempotencyKey: reused } }).catch(() => undefined);
    expect(await f({ amount: '2.00', idempotencyKey: reused })).toEqual(['CONFLICT', undefined]);
    // A payment request the shop did not sign.
    expect((await failure(api.request(AUTHORIZE, { r: 'not-a-request', c: card() }))).codes).toEqual(['BAD_USER_INPUT']);
    // Staff do not pay a customer's invoices.
    expect((await f({}, await as('admin@hub.example')))[0]).toBe('FORBIDDEN');
    expect(garcia.erpNumber).toBe('C10003');
  });
});

describe("an order's card: authorised at order, captured at delivery, once (F4)", () => {
  let company: FreshCompany;

  beforeAll(async () => {
    company = await freshCompany('Cardpay');
  });
  afterAll(() => paymentsAdmin('DELETE', '/admin/faults'));

  it('a company order is paid on account by the method chosen for it, which the ERP gets with the order; a card is not chosen in placeOrder', async () => {
    const product = demo.products.find((p) => p.minOrderQuantity === 1 && Number(p.listPrice) > 5)!;
    const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id paymentMethod } }';
    const { placeOrder } = await company.admin.api.request<{ placeOrder: { id: string; paymentMethod: string } }>(PLACE, { i: { idempotencyKey: key(), paymentMethod: 'MONTHLY_INVOICE', lines: [{ productId: product.id, quantity: 1 }] } });
    expect(placeOrder.paymentMethod).toBe('MONTHLY_INVOICE');
    const db = new PgClient({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ method: string }>("select payload->>'paymentMethod' as method from orders.outbox_message where key = $1", [placeOrder.id]);
      expect(rows).toEqual([{ method: 'MONTHLY_INVOICE' }]);
    } finally {
      await db.end();
    }
    const noCard = await failure(company.admin.api.request(PLACE, { i: { idempotencyKey: key(), paymentMethod: 'PREPAID_CARD', lines: [{ productId: product.id, quantity: 1 }] } }));
    expect([noCard.codes[0], noCard.fields[0]]).toEqual(['BAD_USER_INPUT', 'card']);
    const cardOnAccount = await failure(company.admin.api.request(PLACE, { i: { idempotencyKey: key(), paymentMethod: 'INVOICE', card: card(), lines: [{ productId: product.id, quantity: 1 }] } }));
    expect([cardOnAccount.codes[0], cardOnAccount.fields[0]]).toEqual(['BAD_USER_INPUT', 'card']);
  });

  it('a company order prepaid by card is authorised before it is placed: declined places nothing; 3-D Secure waits AWAITING_PAYMENT until confirmed', async () => {
    const product = demo.products.find((p) => p.minOrderQuantity === 1 && Number(p.listPrice) > 5)!;
    const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status paymentMethod cardPayment { ${PAYMENT} } } }`;
    const COUNT = '{ orders(first: 100) { edges { node { id } } } }';
    const count = async () => (await company.admin.api.request<{ orders: { edges: unknown[] } }>(COUNT)).orders.edges.length;
    const before = await count();
    const declined = await failure(company.admin.api.request(PLACE, { i: { idempotencyKey: key(), paymentMethod: 'PREPAID_CARD', card: card(TEST_CARDS.declined), lines: [{ productId: product.id, quantity: 1 }] } }));
    expect(declined.codes).toEqual(['PAYMENT_DECLINED']);
    expect(await count()).toBe(before);

    const paidKey = key();
    const paid = (await company.admin.api.request<{ placeOrder: { id: string; status: string; paymentMethod: string; cardPayment: Payment } }>(PLACE, { i: { idempotencyKey: paidKey, paymentMethod: 'PREPAID_CARD', card: card(), lines: [{ productId: product.id, quantity: 2 }] } })).placeOrder;
    expect(paid).toMatchObject({ status: 'PENDING', paymentMethod: 'PREPAID_CARD', cardPayment: { status: 'AUTHORIZED', purpose: 'ORDER' } });
    // The same key again: the same order and one authorisation.
    expect((await company.admin.api.request<{ placeOrder: { id: string } }>(PLACE, { i: { idempotencyKey: paidKey, paymentMethod: 'PREPAID_CARD', card: card(), lines: [{ productId: product.id, quantity: 2 }] } })).placeOrder.id).toBe(paid.id);
    expect((await paymentsAdmin('GET', '/admin/payment_intents')).filter((i: any) => i.metadata.orderId === paid.id)).toHaveLength(1);
    await eventually(async () => (await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey?.[paid.id] === 1 || undefined, 30_000, 'the card-paid order to reach the ERP');

    const waiting = (await company.admin.api.request<{ placeOrder: { id: string; status: string; cardPayment: Payment } }>(PLACE, { i: { idempotencyKey: key(), paymentMethod: 'PREPAID_CARD', card: card(TEST_CARDS.requires3ds), lines: [{ productId: product.id, quantity: 1 }] } })).placeOrder;
    expect(waiting).toMatchObject({ status: 'AWAITING_PAYMENT', cardPayment: { status: 'REQUIRES_ACTION' } });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey?.[waiting.id]).toBeUndefined();
    await completeThreeDSecure(waiting.cardPayment.redirectUrl!);
    const CONFIRM = 'mutation($id: ID!) { confirmOrderPayment(orderId: $id) { id status } }';
    expect((await company.admin.api.request<{ confirmOrderPayment: { status: string } }>(CONFIRM, { id: waiting.id })).confirmOrderPayment.status).toBe('PENDING');
    await company.admin.api.request(CONFIRM, { id: waiting.id });
    await eventually(async () => (await erpAdmin('GET', '/admin/stats')).acceptedOrdersByKey?.[waiting.id] === 1 || undefined, 30_000, 'the 3-D Secure order to reach the ERP');
    // Another company's order: NOT_FOUND.
    expect((await failure((await as(payer.email)).request(CONFIRM, { id: waiting.id }))).codes).toEqual(['NOT_FOUND']);
  });

  it('captures when the delivery note says delivered, exactly once however often the sync repeats', async () => {
    const product = demo.products.find((p) => p.minOrderQuantity === 1 && Number(p.listPrice) > 10 && Number(p.listPrice) < 50)!;
    const { placeOrder } = await company.admin.api.request<{ placeOrder: { id: string; total: { amount: string; currency: string } } }>(
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total { amount currency } } }', { i: { idempotencyKey: key(), lines: [{ productId: product.id, quantity: 1 }] } });
    // The order's owner signs what is to be paid (the public shop's checkout does this for its orders).
    const request = await signPaymentRequest({ orderId: placeOrder.id, amount: placeOrder.total.amount, currency: placeOrder.total.currency, companyId: company.id, customerNumber: company.erpNumber, payerEmail: company.admin.email }, loadAuthSecrets());
    // This order's webhooks are held back from here on, to arrive after the capture and newest first
    // (only this order's: other test files' payments go on meanwhile).
    await paymentsAdmin('POST', '/admin/faults', { holdWebhooksForOrder: placeOrder.id });
    const authorised = (await company.admin.api.request<{ authorizeOrderPayment: Payment }>(AUTHORIZE, { r: request, c: card() })).authorizeOrderPayment;
    expect(authorised).toMatchObject({ purpose: 'ORDER', status: 'AUTHORIZED', orderId: placeOrder.id, captured: null, amount: placeOrder.total });
    expect((await company.admin.api.request<{ order: { cardPayment: Payment } }>(`query($id: ID!) { order(id: $id) { cardPayment { ${PAYMENT} } } }`, { id: placeOrder.id })).order.cardPayment.id).toBe(authorised.id);

    const delivered = await eventually(async () => (await outboxMessages('DELIVERED')).find((m) => m.key === placeOrder.id), 30_000, 'the order to reach the ERP');
    const erpNumber: string = JSON.parse(delivered.result!).orderNumber;
    // Shipped, but not delivered: nothing is captured yet.
    await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 2 });
    await syncNow('deliveryNotes');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await intentOf(authorised.id)).status).toBe('requires_capture');
    expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 1 })).toEqual({ orderNumber: erpNumber, status: 'DELIVERED' });
    await syncNow('deliveryNotes');
    const captured = await eventually(async () => {
      const { order } = await company.admin.api.request<{ order: { cardPayment: Payment } }>(`query($id: ID!) { order(id: $id) { cardPayment { ${PAYMENT} } } }`, { id: placeOrder.id });
      return order.cardPayment.status === 'CAPTURED' ? order.cardPayment : undefined;
    }, 30_000, 'the card to be captured at delivery');
    expect(captured.captured).toEqual({ amount: placeOrder.total.amount });
    const capturesBefore = (await paymentsAdmin('GET', '/admin/counters')).captures;
    // The sync repeats (and the ERP's note is re-read): no second capture is asked for.
    await syncNow('deliveryNotes');
    await syncNow('deliveryNotes');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await paymentsAdmin('GET', '/admin/counters')).captures).toBe(capturesBefore);
    expect((await intentOf(authorised.id))).toMatchObject({ status: 'succeeded', amount_received: Math.round(Number(new Decimal(placeOrder.total.amount).mul(100))) });
    // Out of order and late: the capture's event arrives before the authorisation's, both after the capture was recorded; nothing changes.
    const events = (await paymentsAdmin('GET', '/admin/events')).filter((e: any) => e.data.object.metadata.hubPaymentId === authorised.id);
    expect(events.map((e: any) => e.type)).toEqual(['payment_intent.amount_capturable_updated', 'payment_intent.succeeded']);
    const { released } = await paymentsAdmin('POST', '/admin/webhooks/release', { reverse: true });
    expect(released.filter((id: string) => events.some((e: any) => e.id === id)).length).toBe(2);
    await eventually(async () => {
      const { deliveries } = await paymentsAdmin('GET', '/admin/webhooks');
      return events.every((e: any) => deliveries.some((d: any) => d.eventId === e.id && d.status === 200)) || undefined;
    }, 20_000, 'the held webhooks to be delivered');
    await paymentsAdmin('DELETE', '/admin/faults');
    // And twice: each again, by hand; taken once.
    for (const e of events) expect((await postWebhook(e)).body).toEqual({ received: true, duplicate: true });
    expect((await company.admin.api.request<{ cardPayment: Payment }>(ONE, { id: authorised.id })).cardPayment.status).toBe('CAPTURED');
    // Staff refund part of it, then the rest; more is refused, and a customer may not refund.
    const REFUND = `mutation($id: ID!, $a: Decimal, $k: String!) { refundCardPayment(id: $id, amount: $a, idempotencyKey: $k) { ${PAYMENT} } }`;
    const desk = await as('orders@hub.example');
    const refundKey = key();
    const part = (await desk.request<{ refundCardPayment: Payment }>(REFUND, { id: authorised.id, a: '1.00', k: refundKey })).refundCardPayment;
    expect(part).toMatchObject({ status: 'CAPTURED', refunded: { amount: '1.00' } });
    // The same key again: refunded once.
    expect((await desk.request<{ refundCardPayment: Payment }>(REFUND, { id: authorised.id, a: '1.00', k: refundKey })).refundCardPayment.refunded).toEqual({ amount: '1.00' });
    const tooMuch = await failure(desk.request(REFUND, { id: authorised.id, a: placeOrder.total.amount, k: key() }));
    expect([tooMuch.codes[0], tooMuch.fields[0]]).toEqual(['BAD_USER_INPUT', 'amount']);
    expect((await failure(company.admin.api.request(REFUND, { id: authorised.id, k: key() }))).codes).toEqual(['FORBIDDEN']);
    const rest = (await desk.request<{ refundCardPayment: Payment }>(REFUND, { id: authorised.id, k: key() })).refundCardPayment;
    expect(rest).toMatchObject({ status: 'REFUNDED', refunded: { amount: placeOrder.total.amount } });
    expect((await intentOf(authorised.id)).amount_refunded).toBe(Math.round(Number(new Decimal(placeOrder.total.amount).mul(100))));
    expect((await failure(desk.request(REFUND, { id: authorised.id, k: key() }))).codes).toEqual(['CONFLICT']);
    // A second authorisation for the same order returns the first payment.
    expect((await company.admin.api.request<{ authorizeOrderPayment: Payment }>(AUTHORIZE, { r: request, c: card() })).authorizeOrderPayment.id).toBe(authorised.id);
  });
});
