import { PaymentProviderError } from './payment-error';
import { CreatePaymentIntentRequest, PaymentIntent, Refund } from './payment-records';

/** What the hub needs of a card payment provider. Every call that changes money carries an idempotency key. */
export interface PaymentProvider {
  createPaymentIntent(request: CreatePaymentIntentRequest, idempotencyKey: string): Promise<PaymentIntent>;
  retrievePaymentIntent(id: string): Promise<PaymentIntent>;
  capture(id: string, idempotencyKey: string, amountToCapture?: number): Promise<PaymentIntent>;
  cancel(id: string, idempotencyKey: string): Promise<PaymentIntent>;
  refund(paymentIntentId: string, idempotencyKey: string, amount?: number): Promise<Refund>;
}

export interface HttpPaymentProviderOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request; a provider that hangs counts as unavailable (the outcome is unknown). */
  timeoutMs?: number;
}

/** The payment provider protocol (payment-records.ts) over HTTP+JSON. */
export class HttpPaymentProvider implements PaymentProvider {
  private readonly baseUrl: string;

  constructor(private readonly options: HttpPaymentProviderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
  }

  createPaymentIntent(request: CreatePaymentIntentRequest, idempotencyKey: string): Promise<PaymentIntent> {
    return this.call('POST', '/v1/payment_intents', request, idempotencyKey);
  }

  retrievePaymentIntent(id: string): Promise<PaymentIntent> {
    return this.call('GET', `/v1/payment_intents/${encodeURIComponent(id)}`);
  }

  capture(id: string, idempotencyKey: string, amountToCapture?: number): Promise<PaymentIntent> {
    return this.call('POST', `/v1/payment_intents/${encodeURIComponent(id)}/capture`, amountToCapture === undefined ? {} : { amount_to_capture: amountToCapture }, idempotencyKey);
  }

  cancel(id: string, idempotencyKey: string): Promise<PaymentIntent> {
    return this.call('POST', `/v1/payment_intents/${encodeURIComponent(id)}/cancel`, {}, idempotencyKey);
  }

  refund(paymentIntentId: string, idempotencyKey: string, amount?: number): Promise<Refund> {
    return this.call('POST', '/v1/refunds', amount === undefined ? { payment_intent: paymentIntentId } : { payment_intent: paymentIntentId, amount }, idempotencyKey);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new PaymentProviderError('UNAVAILABLE', 'unreachable', `The payment provider did not answer: ${(error as Error).message}`, 0);
    }
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text in the message
    }
    if (response.ok && parsed) return parsed as T;
    const error = parsed?.error ?? {};
    const message = `The payment provider answered ${response.status}: ${error.message ?? text.slice(0, 200)}`;
    if (response.status === 402) throw new PaymentProviderError('CARD', error.code ?? 'card_declined', error.message ?? 'The card was declined.', 402, error.payment_intent ?? null);
    if (response.status === 401 || response.status === 403) throw new PaymentProviderError('AUTH', error.code ?? 'unauthorized', message, response.status);
    if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new PaymentProviderError('INVALID', error.code ?? 'invalid_request', message, response.status);
    throw new PaymentProviderError('UNAVAILABLE', error.code ?? 'unavailable', message, response.status);
  }
}

/** Decimal text ("12.50") to whole minor units (1250); the hub's currencies have two decimals. */
export function toMinorUnits(amount: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Whole minor units back to decimal text with two decimals. */
export function fromMinorUnits(units: number): string {
  const abs = Math.abs(units);
  return `${units < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
