import { E164, MAX_SMS_BODY, SmsRecord, SmsRequest } from '@hub/sms-contract';

/** A request the gateway will never accept as it is (400). */
export class InvalidSms extends Error {}

/**
 * What the demo gateway has accepted, in order, and the same message again for a reference it
 * has seen (a sender retrying after a lost answer gets the first message, not a second text).
 */
export class SmsOutbox {
  private readonly messages: SmsRecord[] = [];
  private readonly byReference = new Map<string, SmsRecord>();
  private readonly byId = new Map<string, SmsRecord>();

  accept(input: unknown): { message: SmsRecord; created: boolean } {
    const request = validate(input);
    const seen = this.byReference.get(request.reference);
    if (seen) return { message: seen, created: false };
    const message: SmsRecord = { id: `SM${String(this.messages.length + 1).padStart(8, '0')}`, ...request, status: 'accepted', createdAt: new Date().toISOString() };
    this.messages.push(message);
    this.byReference.set(message.reference, message);
    this.byId.set(message.id, message);
    return { message, created: true };
  }

  find(id: string): SmsRecord | undefined {
    return this.byId.get(id);
  }

  /** The handset got them: every accepted message becomes delivered (the admin API's "deliver"). */
  deliverAll(): number {
    let delivered = 0;
    for (const m of this.messages) {
      if (m.status === 'accepted') {
        m.status = 'delivered';
        delivered++;
      }
    }
    return delivered;
  }

  list(to?: string | null): SmsRecord[] {
    return to ? this.messages.filter((m) => m.to === to) : [...this.messages];
  }
}

function validate(input: unknown): SmsRequest {
  const body = (input ?? {}) as Record<string, unknown>;
  for (const field of ['to', 'from', 'body', 'reference'] as const) {
    if (typeof body[field] !== 'string' || (body[field] as string).trim() === '') throw new InvalidSms(`${field} is required`);
  }
  const request = { to: body.to as string, from: body.from as string, body: body.body as string, reference: body.reference as string };
  if (!E164.test(request.to)) throw new InvalidSms(`to must be an E.164 number (+ and 8 to 15 digits), got "${request.to}"`);
  if (request.body.length > MAX_SMS_BODY) throw new InvalidSms(`body is longer than ${MAX_SMS_BODY} characters`);
  if (request.from.length > 15) throw new InvalidSms('from is longer than 15 characters');
  return request;
}
