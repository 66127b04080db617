import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpPaymentProvider, PaymentEvent, PaymentProviderError, PAYMENT_SIGNATURE_HEADER, TEST_CARDS, verifyWebhook } from '@hub/payment-contract';
import { DemoPaymentsHandle, startDemoPayments } from './server';

const card = (number: string) => ({ card: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' } });

describe('demo payment provider', () => {
  let demo: DemoPaymentsHandle;
  let receiver: Server;
  const received: PaymentEvent[] = [];
  let provider: HttpPaymentProvider;

  beforeAll(async () => {
    // A webhook receiver that checks every signature as the hub does.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        verifyWebhook(raw, req.headers[PAYMENT_SIGNATURE_HEADER] as string, demo.webhookSecret);
        received.push(JSON.parse(raw.toString('utf8')));
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    demo = await startDemoPayments({ webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
    provider = new HttpPaymentProvider({ baseUrl: demo.url, apiKey: demo.apiKey, timeoutMs: 1000 });
  });
  afterAll(async () => {
    await demo.stop();
    await new Promise((r) => receiver.close(r));
  });

  const eventsOf = async (intentId: string, count: number) => {
    for (let i = 0; i < 100 && received.filter((e) => e.data.object.id === intentId).length < count; i++) await new Promise((r) => setTimeout(r, 20));
    return received.filter((e) => e.data.object.id === intentId).map((e) => e.type);
  };

  it('authorises with manual capture, captures once, refunds partly and signs each event', async () => {
    const intent = await provider.createPaymentIntent({ amount: 12_50, currency: 'EUR', capture_method: 'manual', payment_method: card(TEST_CARDS.succeeds) }, 'order-1');
    expect(intent).toMatchObject({ status: 'requires_capture', amount_capturable: 1250, currency: 'eur', card: { last4: '4242' } });
    // The same key answers with the same intent: one authorisation.
    expect((await provider.createPaymentIntent({ amount: 12_50, currency: 'EUR', capture_method: 'manual', payment_method: card(TEST_CARDS.succeeds) }, 'order-1')).id).toBe(intent.id);
    const captured = await provider.capture(intent.id, 'capture-1');
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 1250, amount_capturable: 0 });
    expect((await provider.capture(intent.id, 'capture-1')).status).toBe('succeeded');
    await expect(provider.capture(intent.id, 'capture-2')).rejects.toMatchObject({ kind: 'INVALID', code: 'payment_intent_unexpected_state' });
    expect((await provider.refund(intent.id, 'refund-1', 500)).amount).toBe(500);
    await expect(provider.refund(intent.id, 'refund-2', 800)).rejects.toMatchObject({ kind: 'INVALID', code: 'amount_too_large' });
    expect(await eventsOf(intent.id, 3)).toEqual(['payment_intent.amount_capturable_updated', 'payment_intent.succeeded', 'charge.refunded']);
  });

  it('declines the declined card with 402 and keeps the intent', async () => {
    const error = await provider.createPaymentIntent({ amount: 1000, currency: 'eur', capture_method: 'manual', payment_method: card(TEST_CARDS.declined) }, 'order-2').catch((e) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error).toMatchObject({ kind: 'CARD', code: 'card_declined', paymentIntent: { status: 'requires_payment_method' } });
  });

  it('sends the 3-D Secure card through the challenge page', async () => {
    const intent = await provider.createPaymentIntent({ amount: 2000, currency: 'eur', capture_method: 'automatic', payment_method: card(TEST_CARDS.requires3ds), return_url: 'http://shop.example/back' }, 'order-3');
    expect(intent.status).toBe('requires_action');
    const page = intent.next_action!.redirect_to_url.url;
    expect(await (await fetch(page)).text()).toContain('20.00 EUR');
    const done = await fetch(page, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=succeed', redirect: 'manual' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`http://shop.example/back?payment_intent=${intent.id}`);
    expect((await provider.retrievePaymentIntent(intent.id)).status).toBe('succeeded');
  });

  it('lets the timing-out card and a provider that is down look unavailable', async () => {
    demo.faults.hangMs = 3000;
    await expect(provider.createPaymentIntent({ amount: 1000, currency: 'eur', capture_method: 'manual', payment_method: card(TEST_CARDS.timesOut) }, 'order-4')).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
    demo.faults.down = true;
    await expect(provider.retrievePaymentIntent('pi_00')).rejects.toMatchObject({ kind: 'UNAVAILABLE', status: 503 });
    demo.faults.down = false;
    await expect(new HttpPaymentProvider({ baseUrl: demo.url, apiKey: 'wrong' }).retrievePaymentIntent('pi_00')).rejects.toMatchObject({ kind: 'AUTH' });
  });
});
