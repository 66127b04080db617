import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a webhook's signature travels in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (Stripe's scheme). */
export const PAYMENT_SIGNATURE_HEADER = 'payment-signature';

/** Five minutes, as Stripe's libraries: an older signature is a replay (or a clock far off). */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export function signWebhook(rawBody: string | Buffer, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/**
 * Checks a webhook's signature header against the raw body: a missing or malformed header, a
 * signature by another secret or over another body, or a timestamp outside the tolerance is refused.
 * Any one of several v1 signatures may match (a provider rolling its secret sends both).
 */
export function verifyWebhook(
  rawBody: string | Buffer,
  header: string | undefined,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): void {
  if (!header || header.length > 2000) throw new WebhookSignatureError('no signature');
  const parts = header.split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v!);
  if (!Number.isInteger(timestamp) || signatures.length === 0) throw new WebhookSignatureError('malformed signature header');
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS)) throw new WebhookSignatureError('signature timestamp outside the tolerance');
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex'));
  const ok = signatures.some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new WebhookSignatureError('signature does not match');
}
