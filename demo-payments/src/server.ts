import { bearerKeyMatches, readBodyText, sendJson } from '@hub/simulator-http';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { PAYMENT_SIGNATURE_HEADER, PaymentEvent, signWebhook } from '@hub/payment-contract';
import { behaviourOf, PaymentLedger, PaymentRefusal } from './payment-ledger';

export const DEFAULT_DEMO_PAYMENTS_API_KEY = 'demo-payments-key';
export const DEFAULT_DEMO_PAYMENTS_ADMIN_KEY = 'demo-payments-admin-key';
export const DEFAULT_DEMO_PAYMENTS_WEBHOOK_SECRET = 'whsec_demo-payments-webhook-secret';

/** Failure modes on request; admin endpoints and the 3-D Secure page are never affected. */
export interface DemoPaymentsFaults {
  /** Every API request gets 503. */
  down: boolean;
  /** How long the timing-out test card keeps its request waiting (ms). */
  hangMs: number;
  /** Webhooks are kept back (in order) until released (POST /admin/webhooks/release). */
  holdWebhooks: boolean;
  /**
   * Only the webhooks of these orders' payment intents (metadata.orderId) are kept back: a test holds
   * its own payment's events while other tests' payments go on being delivered.
   */
  holdWebhooksForOrders: string[];
}

export interface StartDemoPaymentsOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  adminKey?: string;
  webhookSecret?: string;
  /** Where events are POSTed (set later with POST /admin/webhook-endpoint). */
  webhookUrl?: string | null;
}

/** One webhook delivery attempt as the provider saw it. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  at: string;
  status: number;
}

export interface DemoPaymentsHandle {
  url: string;
  apiKey: string;
  adminKey: string;
  webhookSecret: string;
  ledger: PaymentLedger;
  faults: DemoPaymentsFaults;
  stop(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const text = await readBodyText(req, 64 * 1024, () => new PaymentRefusal(413, 'body_too_large', 'body too large'));
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    // The 3-D Secure page's form posts urlencoded.
    if (/^[\w%=&+.-]*$/.test(text)) return Object.fromEntries(new URLSearchParams(text));
    throw new PaymentRefusal(400, 'invalid_request', 'body is not JSON');
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Starts the demo payment provider's HTTP server (the protocol of @hub/payment-contract, its 3-D Secure page and /admin). */
export async function startDemoPayments(options: StartDemoPaymentsOptions = {}): Promise<DemoPaymentsHandle> {
  const apiKey = options.apiKey ?? DEFAULT_DEMO_PAYMENTS_API_KEY;
  const adminKey = options.adminKey ?? DEFAULT_DEMO_PAYMENTS_ADMIN_KEY;
  const webhookSecret = options.webhookSecret ?? DEFAULT_DEMO_PAYMENTS_WEBHOOK_SECRET;
  const faults: DemoPaymentsFaults = { down: false, hangMs: 15_000, holdWebhooks: false, holdWebhooksForOrders: [] };
  let webhookUrl = options.webhookUrl ?? null;
  let publicUrl = '';
  const held: PaymentEvent[] = [];
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<void>>();
  let stopped = false;

  /** POSTs one event, signed now, trying again a few times on failure (as providers do, with growing pauses). */
  const deliver = (event: PaymentEvent): void => {
    const target = webhookUrl;
    if (!target || stopped) return;
    const run = (async () => {
      for (let attempt = 0; attempt < 5 && !stopped; attempt++) {
        const body = JSON.stringify(event);
        let status = 0;
        try {
          const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', [PAYMENT_SIGNATURE_HEADER]: signWebhook(body, webhookSecret) }, body, signal: AbortSignal.timeout(10_000) });
          status = response.status;
          await response.text();
        } catch {
          status = 0;
        }
        deliveries.push({ eventId: event.id, type: event.type, at: new Date().toISOString(), status });
        if (status >= 200 && status < 300) return;
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt).unref());
      }
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
  };
  const heldBack = (event: PaymentEvent) => {
    const orderId = (event.data?.object as { metadata?: Record<string, string> } | undefined)?.metadata?.orderId;
    return faults.holdWebhooks || (orderId !== undefined && faults.holdWebhooksForOrders.includes(orderId));
  };
  const onEvent = (event: PaymentEvent) => (heldBack(event) ? held.push(event) : deliver(event));
  const ledger = new PaymentLedger(onEvent, () => publicUrl);

  const admin = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (!bearerKeyMatches(req.headers.authorization, adminKey)) throw new PaymentRefusal(401, 'unauthorized', 'admin key required');
    if (req.method === 'GET' && path === '/admin/payment_intents') return sendJson(res, 200, ledger.list());
    if (req.method === 'GET' && path === '/admin/events') return sendJson(res, 200, ledger.events);
    if (req.method === 'GET' && path === '/admin/webhooks') return sendJson(res, 200, { url: webhookUrl, held: held.map((e) => e.id), deliveries });
    if (req.method === 'GET' && path === '/admin/counters') return sendJson(res, 200, ledger.counters);
    if (req.method === 'POST' && path === '/admin/webhook-endpoint') {
      const body = await readJson(req);
      if (body.url !== null && (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))) throw new PaymentRefusal(400, 'invalid_request', 'url must be an http(s) URL or null');
      webhookUrl = body.url;
      return sendJson(res, 200, { url: webhookUrl });
    }
    // Sends held events, in the order they happened or (reverse: true) newest first, as a network may.
    if (req.method === 'POST' && path === '/admin/webhooks/release') {
      const body = await readJson(req);
      const events = held.splice(0, held.length);
      if (body.reverse) events.reverse();
      for (const e of events) deliver(e);
      return sendJson(res, 200, { released: events.map((e) => e.id) });
    }
    const resend = /^\/admin\/events\/(evt_[a-f0-9]+)\/resend$/.exec(path);
    if (req.method === 'POST' && resend) {
      const event = ledger.events.find((e) => e.id === resend[1]);
      if (!event) throw new PaymentRefusal(404, 'resource_missing', `no event ${resend[1]}`);
      deliver(event);
      return sendJson(res, 200, { resent: event.id });
    }
    if (req.method === 'GET' && path === '/admin/faults') return sendJson(res, 200, faults);
    if (req.method === 'POST' && path === '/admin/faults') {
      const body = await readJson(req);
      if (body.down !== undefined) faults.down = Boolean(body.down);
      if (body.holdWebhooks !== undefined) faults.holdWebhooks = Boolean(body.holdWebhooks);
      if (body.holdWebhooksForOrder !== undefined) {
        if (typeof body.holdWebhooksForOrder !== 'string' || body.holdWebhooksForOrder === '') throw new PaymentRefusal(400, 'invalid_request', 'holdWebhooksForOrder must be an order id');
        faults.holdWebhooksForOrders.push(body.holdWebhooksForOrder);
      }
      if (body.hangMs !== undefined) {
        if (!Number.isInteger(body.hangMs) || body.hangMs < 0 || body.hangMs > 120_000) throw new PaymentRefusal(400, 'invalid_request', 'hangMs must be 0..120000');
        faults.hangMs = body.hangMs;
      }
      return sendJson(res, 200, faults);
    }
    if (req.method === 'DELETE' && path === '/admin/faults') {
      Object.assign(faults, { down: false, hangMs: 15_000, holdWebhooks: false, holdWebhooksForOrders: [] });
      for (const e of held.splice(0, held.length)) deliver(e);
      return sendJson(res, 200, faults);
    }
    throw new PaymentRefusal(404, 'resource_missing', 'no such admin endpoint');
  };

  /** The issuer's 3-D Secure page: the payer (or a test) approves or fails the challenge, then goes back to the shop. */
  const threeDSecure = async (req: IncomingMessage, res: ServerResponse, intentId: string): Promise<void> => {
    if (req.method === 'GET') {
      const intent = ledger.retrieve(intentId);
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>3-D Secure</title></head><body>
<h1>Confirm your payment</h1><p>${escapeHtml((intent.amount / 100).toFixed(2))} ${escapeHtml(intent.currency.toUpperCase())} with the card ending ${escapeHtml(intent.card.last4)}.</p>
<form method="post"><button name="outcome" value="succeed">Complete</button><button name="outcome" value="fail">Fail</button></form></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (req.method !== 'POST') throw new PaymentRefusal(405, 'method_not_allowed', 'GET or POST');
    const body = await readJson(req);
    if (body.outcome !== 'succeed' && body.outcome !== 'fail') throw new PaymentRefusal(400, 'invalid_request', "outcome must be 'succeed' or 'fail'");
    const returnUrl = ledger.retrieve(intentId).next_action?.redirect_to_url.return_url ?? null;
    const intent = ledger.completeAuthentication(intentId, body.outcome === 'succeed');
    if (returnUrl && !(req.headers.accept ?? '').includes('application/json')) {
      res.writeHead(303, { location: `${returnUrl}${returnUrl.includes('?') ? '&' : '?'}payment_intent=${intent.id}` });
      res.end();
      return;
    }
    return sendJson(res, 200, intent);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (faults.down) throw new PaymentRefusal(503, 'api_unavailable', 'The payment provider is unavailable.');
    if (!bearerKeyMatches(req.headers.authorization, apiKey)) throw new PaymentRefusal(401, 'unauthorized', 'Invalid API key provided.');
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const body = await readJson(req);
      if (typeof body.payment_method?.card?.number === 'string' && behaviourOf(body.payment_method.card.number) === 'TIMES_OUT') {
        // The card network never answers in time: the caller's timeout fires first; nothing is authorised.
        await new Promise((r) => setTimeout(r, faults.hangMs).unref());
        throw new PaymentRefusal(504, 'timeout', 'The card network did not answer.');
      }
      const answer = ledger.once('create', key, body, () => ({ status: 200, body: ledger.create(body) }));
      return sendJson(res, answer.status, answer.body);
    }
    const one = /^\/v1\/payment_intents\/(pi_[a-f0-9]+)(?:\/(capture|cancel))?$/.exec(path);
    if (one && req.method === 'GET' && !one[2]) return sendJson(res, 200, ledger.retrieve(one[1]));
    if (one && req.method === 'POST' && one[2]) {
      const body = await readJson(req);
      const answer = ledger.once(`${one[2]} ${one[1]}`, key, body, () => ({ status: 200, body: one[2] === 'capture' ? ledger.capture(one[1], body.amount_to_capture) : ledger.cancel(one[1]) }));
      return sendJson(res, answer.status, answer.body);
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const body = await readJson(req);
      const answer = ledger.once('refund', key, body, () => ({ status: 200, body: ledger.refund(body) }));
      return sendJson(res, answer.status, answer.body);
    }
    throw new PaymentRefusal(404, 'resource_missing', 'no such endpoint');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://payments').pathname;
    if (path.startsWith('/admin/')) return admin(req, res, path);
    if (req.method === 'GET' && path === '/health') return sendJson(res, faults.down ? 503 : 200, { status: faults.down ? 'down' : 'ok' });
    const page = /^\/3ds\/(pi_[a-f0-9]+)$/.exec(path);
    if (page) return threeDSecure(req, res, page[1]);
    return api(req, res, path);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const refusal = error instanceof PaymentRefusal ? error : new PaymentRefusal(500, 'api_error', (error as Error).message);
      if (res.headersSent) return void res.end();
      sendJson(res, refusal.status, { error: { type: refusal.status === 402 ? 'card_error' : 'invalid_request_error', code: refusal.code, message: refusal.message, payment_intent: refusal.paymentIntent ?? undefined } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  publicUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  return {
    url: publicUrl,
    apiKey,
    adminKey,
    webhookSecret,
    ledger,
    faults,
    stop: async () => {
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...pending]);
    },
  };
}
