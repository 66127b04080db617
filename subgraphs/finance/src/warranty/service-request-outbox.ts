import { PoolClient } from 'pg';
import { ErpError } from '@hub/erp-contract';
import { OutboxMessage } from '@hub/outbox';
import { publishServiceRequestChanged } from './service-request-events';

/** A service request for the ERP's workshop, keyed by the request's id, so the ERP opens one service order however often it is sent. */
export const SERVICE_REQUESTED_TOPIC = 'service.requested';

/** The ERP opened its service order: the request keeps its number (its status and history arrive with the serviceOrders sync, read back at once). */
export async function acknowledgeServiceRequest(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void> {
  const id = String(message.payload.hubServiceRequestId);
  const { rowCount } = await client.query(
    `update finance.service_request set erp_service_order_number = $2, status_reason = null, updated_at = now() where id = $1 and erp_service_order_number is null`,
    [id, String(receipt.serviceOrderNumber)],
  );
  if (rowCount) await publishServiceRequestChanged(client, id);
}

/** The ERP refused the request, or delivery stopped: the request stays OPENED with the reason; staff resend the message. */
export async function serviceRequestDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused ? `The ERP refused the service request: ${error.erpReason ?? error.message}` : 'Delivery to the ERP has stopped; staff will send it again.';
  const id = String(message.payload.hubServiceRequestId);
  const { rowCount } = await client.query(`update finance.service_request set status_reason = $2, updated_at = now() where id = $1`, [id, reason]);
  if (rowCount) await publishServiceRequestChanged(client, id);
}
