import { Entity } from '@mikro-orm/core';
import { PoolClient } from 'pg';
import { ErpError } from '@hub/erp-contract';
import { OutboxMessage, OutboxMessageBase, OutboxStore } from '@hub/outbox';
import { publishReturnStatusChanged } from '../return/return-events';
import { ReturnDisposition, ReturnStatus } from '../return/return-status';
import { statusesBefore } from '../return/return.state-machine';

/** Returns whose disposition staff decided, waiting to be (or already) delivered to the ERP. */
@Entity({ tableName: 'outbox_message' })
export class FinanceOutboxMessageEntity extends OutboxMessageBase {}

/** A return's disposition (credit note or exchange) for the ERP; its key is the return's id, so the ERP books it once. */
export const RETURN_DISPOSED_TOPIC = 'return.disposed';

/**
 * The ERP took the return: it becomes CREDITED (with the ERP's credit note number; the note itself
 * is read back in this same transaction, see the topic's ingestAfterDelivery) or EXCHANGED. A replay
 * of the receipt changes nothing.
 */
export async function acknowledgeReturn(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void> {
  const id = String(message.payload.hubReturnId);
  const disposition = message.payload.disposition === ReturnDisposition.EXCHANGE ? ReturnDisposition.EXCHANGE : ReturnDisposition.CREDIT;
  const to = disposition === ReturnDisposition.EXCHANGE ? ReturnStatus.EXCHANGED : ReturnStatus.CREDITED;
  const creditNote = typeof receipt.creditNoteNumber === 'string' && receipt.creditNoteNumber ? receipt.creditNoteNumber : null;
  const { rows } = await client.query<{ id: string }>(
    `update finance.return_request set status = $2, erp_return_number = $3, credit_note_number = $4, status_reason = null, updated_at = now()
      where id = $1 and status = any($5::text[]) returning id`,
    [id, to, String(receipt.returnNumber), creditNote, statusesBefore(to)],
  );
  if (rows.length === 0) return;
  await client.query(
    `insert into finance.return_status_event (id, return_id, at, from_status, to_status, actor_user_id, note) values (gen_random_uuid(), $1, now(), $2, $3, null, $4)`,
    [id, ReturnStatus.ASSESSED, to, creditNote ? `ERP return ${String(receipt.returnNumber)}, credit note ${creditNote}` : `ERP return ${String(receipt.returnNumber)}`],
  );
  await publishReturnStatusChanged(client, id);
}

/** The ERP refused the disposition, or delivery stopped: the return stays ASSESSED with the reason; staff resend the message. */
export async function returnDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const id = String(message.payload.hubReturnId);
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused ? `The ERP refused the return: ${error.erpReason ?? error.message}` : 'Delivery to the ERP has stopped; staff will send it again.';
  const { rowCount } = await client.query(`update finance.return_request set status_reason = $2, updated_at = now() where id = $1 and status = $3`, [id, reason, ReturnStatus.ASSESSED]);
  if (rowCount) await publishReturnStatusChanged(client, id);
}

/** The finance subgraph's outbox, as the integrator's dispatcher sees it. */
export const financeOutbox = new OutboxStore('finance');
