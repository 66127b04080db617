import { createHash, randomBytes } from 'node:crypto';
import { CaptureMethod, PaymentEvent, PaymentEventType, PaymentIntent, Refund, TEST_CARDS } from '@hub/payment-contract';

/** A refusal the server answers with its status and code (Stripe's error shape). */
export class PaymentRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly paymentIntent: PaymentIntent | null = null) {
    super(message);
  }
}

/** What a card does when it is charged (the demo provider's test cards). */
export type CardBehaviour = 'SUCCEEDS' | 'DECLINED' | 'INSUFFICIENT_FUNDS' | 'REQUIRES_3DS' | 'TIMES_OUT';

export function behaviourOf(cardNumber: string): CardBehaviour | null {
  const n = cardNumber.replace(/[\s-]/g, '');
  if (n === TEST_CARDS.declined) return 'DECLINED';
  if (n === TEST_CARDS.insufficientFunds) return 'INSUFFICIENT_FUNDS';
  if (n === TEST_CARDS.requires3ds) return 'REQUIRES_3DS';
  if (n === TEST_CARDS.timesOut) return 'TIMES_OUT';
  // Any other number that passes the Luhn check is a card that works.
  return /^\d{12,19}$/.test(n) && luhn(n) ? 'SUCCEEDS' : null;
}

function luhn(n: string): boolean {
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

interface Stored {
  fingerprint: string;
  status: number;
  body: unknown;
}

/**
 * The provider's books: payment intents, refunds, the events they caused, and the idempotency keys
 * seen (a repeated request with the same key gets the first answer; with another body, 400).
 */
export class PaymentLedger {
  private readonly intents = new Map<string, PaymentIntent>();
  private readonly refunds = new Map<string, Refund>();
  private readonly answers = new Map<string, Stored>();
  readonly events: PaymentEvent[] = [];
  readonly counters = { created: 0, captures: 0, captureRefusals: 0, cancels: 0, refunds: 0, replays: 0 };

  constructor(private readonly onEvent: (event: PaymentEvent) => void, private readonly publicUrl: () => string) {}

  /** Runs `action` once per idempotency key (per endpoint); a replay answers as the first time. */
  once(scope: string, key: string | undefined, body: unknown, action: () => { status: number; body: unknown }): { status: number; body: unknown } {
    if (!key) return action();
    if (key.length > 255) throw new PaymentRefusal(400, 'idempotency_key_invalid', 'The Idempotency-Key may be at most 255 characters.');
    const print = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    const k = `${scope} ${key}`;
    const seen = this.answers.get(k);
    if (seen) {
      if (seen.fingerprint !== print) throw new PaymentRefusal(400, 'idempotency_key_in_use', `Keys for idempotent requests can only be used with the same parameters they were first used with (${key}).`);
      this.counters.replays++;
      return { status: seen.status, body: seen.body };
    }
    let answer: { status: number; body: unknown };
    try {
      answer = action();
    } catch (error) {
      // Card errors are kept for the key, like Stripe does; invalid requests are not.
      if (error instanceof PaymentRefusal && error.status === 402) this.answers.set(k, { fingerprint: print, status: 402, body: { error: { type: 'card_error', code: error.code, message: error.message, payment_intent: error.paymentIntent } } });
      throw error;
    }
    this.answers.set(k, { fingerprint: print, ...answer });
    return answer;
  }

  create(body: any): PaymentIntent {
    const amount = body?.amount;
    if (!Number.isInteger(amount) || amount < 50 || amount > 99_999_999) throw new PaymentRefusal(400, 'parameter_invalid_integer', 'amount must be a whole number of minor units between 50 and 99999999.');
    if (typeof body.currency !== 'string' || !/^[a-zA-Z]{3}$/.test(body.currency)) throw new PaymentRefusal(400, 'parameter_invalid', 'currency must be an ISO 4217 code.');
    const captureMethod: CaptureMethod = body.capture_method === 'automatic' ? 'automatic' : body.capture_method === 'manual' ? 'manual' : (() => { throw new PaymentRefusal(400, 'parameter_invalid', "capture_method must be 'manual' or 'automatic'."); })();
    const card = body.payment_method?.card;
    const behaviour = typeof card?.number === 'string' ? behaviourOf(card.number) : null;
    if (!behaviour) throw new PaymentRefusal(402, 'incorrect_number', 'Your card number is incorrect.');
    const year = Number(card.exp_year);
    const month = Number(card.exp_month);
    const today = new Date();
    if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year < today.getUTCFullYear() || (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1)) {
      throw new PaymentRefusal(402, 'expired_card', 'Your card has expired.');
    }
    if (typeof card.cvc !== 'string' || !/^\d{3,4}$/.test(card.cvc)) throw new PaymentRefusal(402, 'incorrect_cvc', "Your card's security code is incorrect.");
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(body.metadata ?? {})) if (typeof v === 'string') metadata[k] = v.slice(0, 500);
    const number = card.number.replace(/[\s-]/g, '');
    const intent: PaymentIntent = {
      id: id('pi'), object: 'payment_intent', amount, amount_capturable: 0, amount_received: 0, amount_refunded: 0, currency: body.currency.toLowerCase(), capture_method: captureMethod,
      status: 'requires_payment_method', card: { last4: number.slice(-4), brand: number.startsWith('4') ? 'visa' : number.startsWith('5') ? 'mastercard' : 'card' },
      next_action: null, last_payment_error: null, metadata, description: typeof body.description === 'string' ? body.description.slice(0, 500) : null, created: now(),
    };
    this.intents.set(intent.id, intent);
    this.counters.created++;
    if (behaviour === 'DECLINED' || behaviour === 'INSUFFICIENT_FUNDS') {
      intent.last_payment_error = behaviour === 'DECLINED'
        ? { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' }
        : { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
      this.emit('payment_intent.payment_failed', intent);
      throw new PaymentRefusal(402, 'card_declined', intent.last_payment_error.message, this.copy(intent));
    }
    if (behaviour === 'REQUIRES_3DS') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'redirect_to_url', redirect_to_url: { url: `${this.publicUrl()}/3ds/${intent.id}`, return_url: typeof body.return_url === 'string' ? body.return_url : null } };
      return this.copy(intent);
    }
    this.authorised(intent);
    return this.copy(intent);
  }

  /** The payer finished (or failed) the 3-D Secure step on the provider's page. */
  completeAuthentication(intentId: string, succeed: boolean): PaymentIntent {
    const intent = this.get(intentId);
    if (intent.status !== 'requires_action') throw new PaymentRefusal(400, 'payment_intent_unexpected_state', `This PaymentIntent's status is ${intent.status}; it needs no authentication.`);
    intent.next_action = null;
    if (!succeed) {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { code: 'payment_intent_authentication_failure', message: 'The card holder did not complete 3-D Secure.' };
      this.emit('payment_intent.payment_failed', intent);
      return this.copy(intent);
    }
    this.authorised(intent);
    return this.copy(intent);
  }

  private authorised(intent: PaymentIntent): void {
    if (intent.capture_method === 'manual') {
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
      this.emit('payment_intent.amount_capturable_updated', intent);
    } else {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
      this.emit('payment_intent.succeeded', intent);
    }
  }

  retrieve(intentId: string): PaymentIntent {
    return this.copy(this.get(intentId));
  }

  capture(intentId: string, amountToCapture: unknown): PaymentIntent {
    const intent = this.get(intentId);
    if (intent.status !== 'requires_capture') {
      this.counters.captureRefusals++;
      throw new PaymentRefusal(400, 'payment_intent_unexpected_state', `This PaymentIntent could not be captured because it has a status of ${intent.status}.`, this.copy(intent));
    }
    const amount = amountToCapture === undefined ? intent.amount_capturable : amountToCapture;
    if (!Number.isInteger(amount) || (amount as number) <= 0 || (amount as number) > intent.amount_capturable) throw new PaymentRefusal(400, 'amount_too_large', `amount_to_capture must be 1..${intent.amount_capturable}.`);
    intent.amount_received = amount as number;
    intent.amount_capturable = 0;
    intent.status = 'succeeded';
    this.counters.captures++;
    this.emit('payment_intent.succeeded', intent);
    return this.copy(intent);
  }

  cancel(intentId: string): PaymentIntent {
    const intent = this.get(intentId);
    if (intent.status === 'succeeded' || intent.status === 'canceled') throw new PaymentRefusal(400, 'payment_intent_unexpected_state', `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`, this.copy(intent));
    intent.status = 'canceled';
    intent.amount_capturable = 0;
    intent.next_action = null;
    this.counters.cancels++;
    this.emit('payment_intent.canceled', intent);
    return this.copy(intent);
  }

  refund(body: any): Refund {
    const intent = this.get(String(body?.payment_intent ?? ''));
    if (intent.status !== 'succeeded') throw new PaymentRefusal(400, 'charge_not_captured', 'Only a captured payment can be refunded.');
    const left = intent.amount_received - intent.amount_refunded;
    const amount = body.amount === undefined ? left : body.amount;
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) throw new PaymentRefusal(400, 'amount_too_large', `The refund may be 1..${left} (what is captured and not yet refunded).`);
    intent.amount_refunded += amount;
    const refund: Refund = { id: id('re'), object: 'refund', payment_intent: intent.id, amount, currency: intent.currency, status: 'succeeded', created: now() };
    this.refunds.set(refund.id, refund);
    this.counters.refunds++;
    this.emit('charge.refunded', intent);
    return refund;
  }

  list(): PaymentIntent[] {
    return [...this.intents.values()].map((i) => this.copy(i));
  }

  private get(intentId: string): PaymentIntent {
    const intent = this.intents.get(intentId);
    if (!intent) throw new PaymentRefusal(404, 'resource_missing', `No such payment_intent: '${intentId}'`);
    return intent;
  }

  private copy(intent: PaymentIntent): PaymentIntent {
    return JSON.parse(JSON.stringify(intent)) as PaymentIntent;
  }

  private emit(type: PaymentEventType, intent: PaymentIntent): void {
    const event: PaymentEvent = { id: id('evt'), object: 'event', type, created: now(), data: { object: this.copy(intent) } };
    this.events.push(event);
    this.onEvent(event);
  }
}
