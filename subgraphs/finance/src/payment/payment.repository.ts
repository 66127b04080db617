import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { PoolClient } from 'pg';
import { ErpPaymentSubmission } from '@hub/erp-contract';
import { PaymentIntent } from '@hub/payment-contract';
import { FinanceOutboxMessageEntity } from '../outbox/finance-outbox';
import { CardPaymentEntity } from './card-payment.entity';
import { PAYMENT_RECEIVED_TOPIC } from './payment-outbox';
import { PaymentPurpose, PaymentStatus } from './payment-status';
import { applyIntent } from './payment.state-machine';

/**
 * Takes the provider's view of a payment's intent, under the payment's row lock: its status moves
 * forwards only (payment.state-machine.ts), and an invoice payment that becomes CAPTURED gets its
 * outbox message for the ERP in the same transaction, so the ERP hears of it exactly once however
 * many answers and webhooks tell of the capture. Returns whether anything changed.
 */
export async function recordIntent(em: EntityManager, paymentId: string, intent: PaymentIntent, failureReason?: string | null): Promise<boolean> {
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(CardPaymentEntity, { id: paymentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!payment) return false;
    if (payment.providerIntentId && payment.providerIntentId !== intent.id) return false;
    const before = payment.status;
    const next = applyIntent({ status: payment.status, capturedAmount: payment.capturedAmount, refundedAmount: payment.refundedAmount }, intent);
    const firstAnswer = payment.providerIntentId === null;
    if (!next && !firstAnswer) return false;
    const now = new Date();
    payment.providerIntentId = intent.id;
    payment.cardLast4 = intent.card?.last4 ?? payment.cardLast4;
    payment.cardBrand = intent.card?.brand ?? payment.cardBrand;
    if (next) {
      payment.status = next.status;
      payment.capturedAmount = next.capturedAmount;
      payment.refundedAmount = next.refundedAmount;
    }
    payment.redirectUrl = payment.status === PaymentStatus.REQUIRES_ACTION ? intent.next_action?.redirect_to_url.url ?? payment.redirectUrl : null;
    if (payment.status === PaymentStatus.DECLINED) payment.failureReason = failureReason ?? intent.last_payment_error?.message ?? 'The card was declined.';
    else if (payment.status !== before) payment.failureReason = null;
    if (payment.status === PaymentStatus.AUTHORIZED && before !== PaymentStatus.AUTHORIZED) payment.authorizedAt = now;
    const capturedNow = (payment.status === PaymentStatus.CAPTURED || payment.status === PaymentStatus.REFUNDED) && payment.capturedAt === null;
    if (capturedNow) {
      payment.capturedAt = now;
      if (payment.purpose === PaymentPurpose.INVOICE) {
        const submission: ErpPaymentSubmission = {
          hubPaymentId: payment.id, customerNumber: payment.customerNumber, invoiceNumber: payment.invoiceNumber!, amount: payment.capturedAmount ?? payment.amount,
          currency: payment.currency, paidAt: now.toISOString(), method: 'CARD', providerReference: intent.id,
        };
        tx.create(FinanceOutboxMessageEntity, { topic: PAYMENT_RECEIVED_TOPIC, key: payment.id, payload: submission as unknown as Record<string, unknown> });
      }
    }
    payment.updatedAt = now;
    await tx.flush();
    return true;
  });
}

/** The provider could not be reached for the payment's first answer: it stays CREATED with the reason (a retry with the same key asks again). */
export async function recordUnreachable(em: EntityManager, paymentId: string, reason: string): Promise<void> {
  await em.nativeUpdate(CardPaymentEntity, { id: paymentId, status: PaymentStatus.CREATED }, { failureReason: reason, updatedAt: new Date() });
}

/**
 * With the delivery notes sync: an order's card authorised for an order now delivered is due for
 * capture. Set-based and guarded by `capture_requested_at is null`, so a sync that repeats (or a note
 * changed again) asks for no second capture.
 */
export async function requestCapturesForDeliveredNotes(client: PoolClient, deliveryNoteIds: readonly string[]): Promise<number> {
  if (deliveryNoteIds.length === 0) return 0;
  const { rowCount } = await client.query(
    `update finance.card_payment p set capture_requested_at = now(), updated_at = now()
       from (select distinct order_id from finance.delivery_note where id = any($1::uuid[]) and delivered_at is not null and order_id is not null) d
      where p.order_id = d.order_id and p.purpose = 'ORDER' and p.status = 'AUTHORIZED' and p.capture_requested_at is null`,
    [deliveryNoteIds],
  );
  return rowCount ?? 0;
}

/** Payments due for capture, oldest first, locked for this worker (SKIP LOCKED: another worker takes others). */
export async function claimDueCaptures(client: PoolClient, limit: number): Promise<Array<{ id: string; providerIntentId: string; attempts: number }>> {
  const { rows } = await client.query<{ id: string; provider_intent_id: string; capture_attempts: number }>(
    `select id, provider_intent_id, capture_attempts from finance.card_payment
      where status = 'AUTHORIZED' and capture_requested_at is not null and capture_requested_at <= now() and provider_intent_id is not null
      order by capture_requested_at limit $1 for update skip locked`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, providerIntentId: r.provider_intent_id, attempts: r.capture_attempts }));
}
