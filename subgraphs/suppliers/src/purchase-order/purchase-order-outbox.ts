import { PoolClient } from 'pg';
import { randomUUID } from 'node:crypto';
import { ErpError, ErpPurchaseOrderConfirmationSubmission } from '@hub/erp-contract';
import { Decimal } from '@hub/money';
import { OutboxMessage } from '@hub/outbox';
import { PurchaseOrderStatus } from './purchase-order-status';
import { publishPurchaseOrderChanged } from './purchase-order-events';

/** A purchase order for the ERP, keyed by the order's id, so the ERP books it once however often it is sent. */
export const PURCHASE_ORDER_PLACED_TOPIC = 'purchaseOrder.placed';
/** What supplier and buyer agreed, keyed `<order id>:confirmed` (an order is confirmed once). */
export const PURCHASE_ORDER_CONFIRMED_TOPIC = 'purchaseOrder.confirmed';

export const confirmationKey = (purchaseOrderId: string): string => `${purchaseOrderId}:confirmed`;

/** The agreed lines of a confirmed order, as the ERP takes them. */
export function confirmationPayload(
  purchaseOrderId: string, erpNumber: string, lines: ReadonlyArray<{ lineNo: number; quantity: string; unitPrice: string; deliveryDate: string }>, at: Date,
): ErpPurchaseOrderConfirmationSubmission {
  return {
    hubPurchaseOrderId: purchaseOrderId, purchaseOrderNumber: erpNumber, confirmedAt: at.toISOString(),
    lines: lines.map((l) => ({ lineNo: l.lineNo, quantity: new Decimal(l.quantity).toString(), unitPrice: new Decimal(l.unitPrice).toString(), deliveryDate: l.deliveryDate })).sort((a, b) => a.lineNo - b.lineNo),
  };
}

/** Writes the confirmation message on the caller's transaction, once per order (its key is unique). */
export async function enqueueConfirmation(client: PoolClient, purchaseOrderId: string, erpNumber: string): Promise<void> {
  const { rows } = await client.query<{ line_no: number; quantity: string; unit_price: string; delivery_date: string }>(
    `select line_no, quantity::text, unit_price::text, to_char(delivery_date, 'YYYY-MM-DD') as delivery_date from suppliers.purchase_order_line where purchase_order_id = $1 order by line_no`,
    [purchaseOrderId],
  );
  const payload = confirmationPayload(purchaseOrderId, erpNumber, rows.map((r) => ({ lineNo: r.line_no, quantity: r.quantity, unitPrice: r.unit_price, deliveryDate: r.delivery_date })), new Date());
  await client.query(
    `insert into suppliers.outbox_message (id, topic, key, payload, status, attempts, next_attempt_at, created_at)
     values ($1, $2, $3, $4::jsonb, 'PENDING', 0, now(), now()) on conflict (key) do nothing`,
    [randomUUID(), PURCHASE_ORDER_CONFIRMED_TOPIC, confirmationKey(purchaseOrderId), JSON.stringify(payload)],
  );
}

async function addEvent(client: PoolClient, purchaseOrderId: string, kind: string, text: string): Promise<void> {
  await client.query(
    `insert into suppliers.purchase_order_event (id, purchase_order_id, at, kind, line_no, text, by, by_user_id) values ($1, $2, now(), $3, null, $4, 'ERP', null)`,
    [randomUUID(), purchaseOrderId, kind, text],
  );
}

/**
 * The ERP booked the order: it keeps the ERP's number. If supplier and buyer agreed every line
 * while it was on its way, the agreement follows now (it needs the ERP's number).
 */
export async function acknowledgePurchaseOrder(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void> {
  const id = String(message.payload.hubPurchaseOrderId);
  const number = String(receipt.purchaseOrderNumber);
  // The ERP's record may have been read back (and its number taken) in this same transaction already: the update does not depend on it.
  const { rows } = await client.query<{ status: string; announced: boolean }>(
    `update suppliers.purchase_order po set erp_number = $2, status_reason = null, updated_at = now() where id = $1
     returning po.status, exists (select 1 from suppliers.purchase_order_event e where e.purchase_order_id = po.id and e.kind = 'IN_ERP') as announced`,
    [id, number],
  );
  if (rows.length === 0) return;
  if (!rows[0].announced) await addEvent(client, id, 'IN_ERP', `The ERP booked it as ${number}.`);
  await publishPurchaseOrderChanged(client, id);
  // Agreed while on its way: the agreement follows now (once: its key is unique).
  if (rows[0].status === PurchaseOrderStatus.CONFIRMED) await enqueueConfirmation(client, id, number);
}

/** The ERP took the agreed lines. */
export async function acknowledgeConfirmation(client: PoolClient, message: OutboxMessage): Promise<void> {
  const id = String(message.payload.hubPurchaseOrderId);
  await addEvent(client, id, 'CONFIRMED_IN_ERP', 'The ERP took the agreed quantities, prices and dates.');
  await publishPurchaseOrderChanged(client, id);
}

/** The ERP refused the order or its confirmation, or delivery stopped: the order shows why; staff resend the message. */
export async function purchaseOrderDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused ? `The ERP refused the purchase order: ${error.erpReason ?? error.message}` : 'Delivery to the ERP has stopped; staff will send it again.';
  const id = String(message.payload.hubPurchaseOrderId);
  const { rowCount } = await client.query(`update suppliers.purchase_order set status_reason = $2, updated_at = now() where id = $1`, [id, reason]);
  if (!rowCount) return;
  await addEvent(client, id, 'ERP_REFUSED', reason);
  await publishPurchaseOrderChanged(client, id);
}
