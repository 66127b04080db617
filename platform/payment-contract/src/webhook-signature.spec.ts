import { signWebhook, verifyWebhook, WebhookSignatureError } from './webhook-signature';
import { fromMinorUnits, toMinorUnits } from './http-payment-provider';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded' });
  const now = 1_800_000_000;

  it('accepts the signature of the same secret and body within the window', () => {
    expect(() => verifyWebhook(body, signWebhook(body, 'whsec_a', now), 'whsec_a', { now: now + 10 })).not.toThrow();
  });

  it('refuses another secret, another body, an old timestamp and a missing or malformed header', () => {
    const header = signWebhook(body, 'whsec_a', now);
    expect(() => verifyWebhook(body, header, 'whsec_b', { now })).toThrow(WebhookSignatureError);
    expect(() => verifyWebhook(`${body} `, header, 'whsec_a', { now })).toThrow('signature does not match');
    expect(() => verifyWebhook(body, header, 'whsec_a', { now: now + 301 })).toThrow('outside the tolerance');
    expect(() => verifyWebhook(body, undefined, 'whsec_a', { now })).toThrow('no signature');
    expect(() => verifyWebhook(body, 'v1=abc', 'whsec_a', { now })).toThrow('malformed');
  });

  it('accepts any one of several v1 signatures (a secret being rolled)', () => {
    const good = signWebhook(body, 'whsec_new', now).split(',')[1];
    expect(() => verifyWebhook(body, `t=${now},v1=${'0'.repeat(64)},${good}`, 'whsec_new', { now })).not.toThrow();
  });
});

describe('minor units', () => {
  it('converts decimal text both ways without floats', () => {
    expect(toMinorUnits('12.5')).toBe(1250);
    expect(toMinorUnits('0.07')).toBe(7);
    expect(toMinorUnits('1999')).toBe(199900);
    expect(fromMinorUnits(1250)).toBe('12.50');
    expect(fromMinorUnits(7)).toBe('0.07');
    expect(() => toMinorUnits('1.234')).toThrow('not an amount');
  });
});
