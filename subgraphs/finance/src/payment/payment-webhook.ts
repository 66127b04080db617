import { PAYMENT_SIGNATURE_HEADER, PaymentEvent, verifyWebhook, WebhookSignatureError } from '@hub/payment-contract';
import { WebhookRoute } from '@hub/subgraph-kit';
import { CardPaymentEntity, PaymentWebhookEventEntity } from './card-payment.entity';
import { paymentProviderSettings } from './payment-provider';
import { recordIntent } from './payment.repository';

/**
 * The payment provider's webhooks, at the finance subgraph's `POST /webhooks/payments`. A bad or old
 * signature is refused (400) and changes nothing. Each event is taken once by its id; an event that
 * comes twice answers 200 and changes nothing; one that comes late or out of order (an
 * authorisation after the capture) finds no forward move and changes nothing (recordIntent).
 */
export const paymentWebhookRoute: WebhookRoute = {
  name: 'payments',
  async handle({ rawBody, headers, em }) {
    const secret = paymentProviderSettings().webhookSecret;
    if (!secret) return { status: 503, body: { error: 'no webhook secret configured' } };
    try {
      verifyWebhook(rawBody, headers[PAYMENT_SIGNATURE_HEADER] as string | undefined, secret);
    } catch (error) {
      if (error instanceof WebhookSignatureError) return { status: 400, body: { error: `signature refused: ${error.message}` } };
      throw error;
    }
    let event: PaymentEvent;
    try {
      event = JSON.parse(rawBody.toString('utf8')) as PaymentEvent;
    } catch {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
    const intent = event?.data?.object;
    if (typeof event?.id !== 'string' || typeof event.type !== 'string' || intent?.object !== 'payment_intent' || typeof intent.id !== 'string') return { status: 400, body: { error: 'not a payment event' } };
    const seen = await em.count(PaymentWebhookEventEntity, { eventId: event.id });
    if (seen > 0) return { status: 200, body: { received: true, duplicate: true } };
    const payment = await em.findOne(CardPaymentEntity, { providerIntentId: intent.id }, { fields: ['id'] });
    // A payment the hub wrote but whose first answer it has not recorded yet: metadata names it.
    const paymentId = payment?.id ?? (typeof intent.metadata?.hubPaymentId === 'string' ? intent.metadata.hubPaymentId : null);
    const applied = paymentId ? await recordIntent(em.fork(), paymentId, intent) : false;
    // Recorded after it was applied: a crash between the two has the provider send it again, and applying twice changes nothing.
    await em.getConnection().execute(
      `insert into finance.payment_webhook_event (event_id, type, intent_id, occurred_at, received_at, applied) values (?, ?, ?, to_timestamp(?), now(), ?) on conflict (event_id) do nothing`,
      [event.id, event.type, intent.id, Number(event.created) || Math.floor(Date.now() / 1000), applied],
    );
    return { status: 200, body: { received: true, applied } };
  },
};
