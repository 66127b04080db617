import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { PaymentIntent } from '@hub/payment-contract';
import { financeSubgraph } from '../index';
import { CardPaymentEntity } from './card-payment.entity';
import { claimDueCaptures, recordIntent, requestCapturesForDeliveredNotes } from './payment.repository';
import { PaymentPurpose, PaymentStatus } from './payment-status';

const intent = (id: string, status: PaymentIntent['status'], received = 0, refunded = 0): PaymentIntent => ({
  id, object: 'payment_intent', amount: 1250, amount_capturable: status === 'requires_capture' ? 1250 : 0, amount_received: received, amount_refunded: refunded, currency: 'eur',
  capture_method: 'manual', status, card: { last4: '4242', brand: 'visa' }, next_action: null, last_payment_error: null, metadata: {}, description: null, created: 0,
});

describe('payment repository (real PostgreSQL)', () => {
  let db: SpecDatabase;

  async function payment(p: Partial<CardPaymentEntity> & { id: string }): Promise<void> {
    const em = db.em();
    em.create(CardPaymentEntity, {
      purpose: PaymentPurpose.ORDER, amount: '12.50', currency: 'EUR', captureMethod: 'MANUAL', status: PaymentStatus.CREATED, refundedAmount: '0.00',
      idempotencyKey: `k-${p.id}`, requestFingerprint: 'f', ...p,
    });
    await em.flush();
  }

  async function note(orderId: string, delivered: boolean): Promise<string> {
    const id = randomUUID();
    await db.em().execute(
      `insert into finance.delivery_note (id, number, company_id, order_id, order_number, shipped_at, delivered_at, carrier, tracking_number, lines)
       values (?, ?, ?, ?, 'SO-1', now(), ${delivered ? 'now()' : 'null'}, 'DHL', 'T', '[]'::jsonb)`,
      [id, `DN-${id.slice(0, 8)}`, randomUUID(), orderId],
    );
    return id;
  }

  const row = async (id: string) => (await db.em().findOne(CardPaymentEntity, { id }))!;
  const outbox = async (key: string) => (await db.pool.query(`select topic, payload from finance.outbox_message where key = $1`, [key])).rows;

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
  });
  afterAll(() => db?.drop());

  it('asks for the capture of an authorised order card once its note is delivered, and only once however often the note comes', async () => {
    const orderId = randomUUID();
    const id = randomUUID();
    await payment({ id, orderId, status: PaymentStatus.AUTHORIZED, providerIntentId: `pi_${id}` });
    const shipped = await note(orderId, false);
    const client = await db.pool.connect();
    try {
      expect(await requestCapturesForDeliveredNotes(client, [shipped])).toBe(0);
      const delivered = await note(orderId, true);
      expect(await requestCapturesForDeliveredNotes(client, [delivered])).toBe(1);
      expect(await requestCapturesForDeliveredNotes(client, [delivered, shipped])).toBe(0);
      await client.query('begin');
      expect(await claimDueCaptures(client, 10)).toEqual([{ id, providerIntentId: `pi_${id}`, attempts: 0 }]);
      // Locked: another worker skips it.
      const other = await db.pool.connect();
      try {
        await other.query('begin');
        expect((await claimDueCaptures(other, 10)).map((p) => p.id)).not.toContain(id);
        await other.query('rollback');
      } finally {
        other.release();
      }
      await client.query('rollback');
    } finally {
      client.release();
    }
  });

  it('writes an invoice payment\'s outbox message with its capture, once, and never moves backwards', async () => {
    const id = randomUUID();
    await payment({ id, purpose: PaymentPurpose.INVOICE, invoiceNumber: 'INV-1', customerNumber: 'C1', captureMethod: 'AUTOMATIC' });
    expect(await recordIntent(db.em(), id, intent(`pi_${id}`, 'succeeded', 1250))).toBe(true);
    expect(await row(id)).toMatchObject({ status: PaymentStatus.CAPTURED, capturedAmount: '12.50', providerIntentId: `pi_${id}`, cardLast4: '4242' });
    const messages = await outbox(id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ topic: 'payment.received', payload: { hubPaymentId: id, invoiceNumber: 'INV-1', amount: '12.50', currency: 'EUR', method: 'CARD', providerReference: `pi_${id}` } });
    // The same answer again, and an older one: nothing changes, no second message.
    expect(await recordIntent(db.em(), id, intent(`pi_${id}`, 'succeeded', 1250))).toBe(false);
    expect(await recordIntent(db.em(), id, intent(`pi_${id}`, 'requires_capture'))).toBe(false);
    expect(await outbox(id)).toHaveLength(1);
    // Another intent's answer is not this payment's.
    expect(await recordIntent(db.em(), id, intent('pi_other', 'canceled'))).toBe(false);
    expect((await row(id)).status).toBe(PaymentStatus.CAPTURED);
  });

  it('an order card captured sends nothing to the ERP (the order went there already)', async () => {
    const id = randomUUID();
    await payment({ id, orderId: randomUUID(), status: PaymentStatus.AUTHORIZED, providerIntentId: `pi_${id}` });
    expect(await recordIntent(db.em(), id, intent(`pi_${id}`, 'succeeded', 1250))).toBe(true);
    expect((await row(id)).status).toBe(PaymentStatus.CAPTURED);
    expect(await outbox(id)).toEqual([]);
  });
});
