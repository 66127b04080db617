import { PoolClient } from 'pg';
import { ErpError } from '@hub/erp-contract';
import { OutboxMessage } from '@hub/outbox';

/** Which supplier ships a product group, keyed `<group>:v<version>` so each change reaches the ERP once. */
export const DROP_SHIP_ASSIGNED_TOPIC = 'dropShip.assigned';
/** The supplier's parcel for a drop-ship order, keyed by the order's id. */
export const DROP_SHIP_SHIPPED_TOPIC = 'dropShip.shipped';

export async function acknowledgeAssignment(client: PoolClient, message: OutboxMessage): Promise<void> {
  await client.query(
    `update suppliers.drop_ship_assignment set in_erp_since = now(), status_reason = null where product_group = $1 and version = $2`,
    [String(message.payload.productGroup), Number(message.payload.version ?? 0)],
  );
}

export async function assignmentDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused ? `The ERP refused the assignment: ${error.erpReason ?? error.message}` : 'Delivery to the ERP has stopped; staff will send it again.';
  await client.query(`update suppliers.drop_ship_assignment set status_reason = $2 where product_group = $1`, [String(message.payload.productGroup), reason]);
}

/** The ERP took the parcel and issued the customer's delivery note (read back at once into finance, see the topic's ingestAfterDelivery). */
export async function acknowledgeDropShipment(client: PoolClient, message: OutboxMessage, receipt: Record<string, unknown>): Promise<void> {
  await client.query(
    `update suppliers.drop_ship_order set delivery_number = $2, status_reason = null, updated_at = now() where erp_number = $1`,
    [String(message.payload.dropShipOrderNumber), String(receipt.deliveryNumber)],
  );
}

export async function dropShipmentDeadLettered(client: PoolClient, message: OutboxMessage, error: ErpError): Promise<void> {
  const refused = error.kind === 'VALIDATION' || error.kind === 'CONFLICT';
  const reason = refused ? `The ERP refused the shipment: ${error.erpReason ?? error.message}` : 'Delivery to the ERP has stopped; staff will send it again.';
  await client.query(`update suppliers.drop_ship_order set status_reason = $2, updated_at = now() where erp_number = $1`, [String(message.payload.dropShipOrderNumber), reason]);
}
