import { Pool } from 'pg';
import { componentLogger } from '@hub/observability';
import { PaymentProviderError } from '@hub/payment-contract';
import { paymentProviderSettings } from './payment-provider';
import { claimDueCaptures } from './payment.repository';
import { applyIntent } from './payment.state-machine';
import { PaymentStatus } from './payment-status';

const log = componentLogger('payment capture');

/**
 * Captures the cards of delivered orders (asked for by the delivery notes' ingest), a few at a time,
 * each under its row lock with the payment id as the provider's idempotency key: a worker that dies
 * mid-capture and another that takes over capture once between them, and the provider refuses a
 * second capture of a captured intent anyway. Runs beside each finance server (whileServing).
 */
export async function captureDuePayments(pool: Pool, limit = 20): Promise<number> {
  const provider = paymentProviderSettings().provider;
  if (!provider) return 0;
  const client = await pool.connect();
  let captured = 0;
  try {
    await client.query('begin');
    const due = await claimDueCaptures(client, limit);
    for (const payment of due) {
      let intent;
      try {
        intent = await provider.capture(payment.providerIntentId, `hub-capture-${payment.id}`);
      } catch (error) {
        if (error instanceof PaymentProviderError && error.kind === 'INVALID') {
          // Captured (or cancelled) already, e.g. by an earlier attempt whose answer was lost: take the provider's word.
          intent = await provider.retrievePaymentIntent(payment.providerIntentId).catch(() => null);
        }
        if (!intent) {
          const reason = (error as Error).message;
          // Tried again later, later each time (at most every ten minutes).
          await client.query(
            `update finance.card_payment set capture_attempts = capture_attempts + 1, failure_reason = $2, capture_requested_at = now() + least(interval '10 minutes', interval '1 second' * power(2, capture_attempts)), updated_at = now() where id = $1`,
            [payment.id, reason],
          );
          log.warn({ paymentId: payment.id }, `capture failed: ${reason}`);
          continue;
        }
      }
      const row = (await client.query<{ status: PaymentStatus; captured_amount: string | null; refunded_amount: string }>(`select status, captured_amount::text, refunded_amount::text from finance.card_payment where id = $1`, [payment.id])).rows[0];
      const next = applyIntent({ status: row.status, capturedAmount: row.captured_amount, refundedAmount: row.refunded_amount }, intent);
      if (next) {
        await client.query(
          `update finance.card_payment set status = $2, captured_amount = $3, refunded_amount = $4, captured_at = coalesce(captured_at, case when $2 in ('CAPTURED', 'REFUNDED') then now() end),
                  capture_attempts = capture_attempts + 1, failure_reason = null, updated_at = now() where id = $1`,
          [payment.id, next.status, next.capturedAmount, next.refundedAmount],
        );
        if (next.status === PaymentStatus.CAPTURED) captured++;
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return captured;
}

/** The capture loop beside the finance server: every HUB_PAYMENTS_CAPTURE_EVERY_MS (default 2 s). */
export async function startPaymentCaptures(databaseUrl: string): Promise<() => Promise<void>> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'hub-finance-captures' });
  // An idle connection lost while the database restarts: the next run reports it (an unhandled 'error' would end the process).
  pool.on('error', (error) => log.warn({ err: error }, 'capture pool lost a connection'));
  const every = Number(process.env.HUB_PAYMENTS_CAPTURE_EVERY_MS ?? 2000);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => (stopped ? 0 : captureDuePayments(pool).catch((error) => log.error({ err: error }, 'capture run failed'))));
  }, every);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await pool.end();
  };
}
