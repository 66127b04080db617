import { PoolClient } from 'pg';
import { ErpError } from '@hub/erp-contract';
import { OutboxMessage } from '@hub/outbox';

/** An invoice paid online by card, for the ERP's books; keyed by the hub's payment id, so the ERP books it once. */
export const PAYMENT_RECEIVED_TOPIC = 'payment.received';

/** The ERP booked the payment: the payment keeps the ERP's number (its payment record and the invoice's open item are read back at once). */
export async function acknowledgePayment(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void> {
  await client.query(`update finance.card_payment set erp_payment_number = $2, failure_reason = null, updated_at = now() where id = $1 and erp_payment_number is null`, [
    String(message.payload.hubPaymentId),
    String(receipt.paymentNumber),
  ]);
}

/** The ERP refused the payment or delivery stopped: the money is taken, so staff must book it; the payment says why. */
export async function paymentDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused ? `The ERP refused the payment: ${error.erpReason ?? error.message}` : 'Delivery to the ERP has stopped; staff will send it again.';
  await client.query(`update finance.card_payment set failure_reason = $2, updated_at = now() where id = $1`, [String(message.payload.hubPaymentId), reason]);
}
