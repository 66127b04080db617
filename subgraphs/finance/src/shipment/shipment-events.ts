import { PoolClient } from 'pg';
import { publishEvents } from '@hub/events';
import { ORDER_DOCUMENTS_CHANGED_TOPIC } from '../order/order-documents-events';

/** The event behind `subscription { shipmentStatusChanged(shipmentId) }` and the shipped/delivered e-mails; its key is the shipment id. */
export const SHIPMENT_STATUS_CHANGED_TOPIC = 'shipmentStatusChanged';

/**
 * Announces shipments whose status, parcel, timeline or cash collection changed, in the caller's
 * transaction: to their own subscribers and, through the order documents' topic, to the
 * subscribers of their orders (`orderStatusChanged`, `myOrdersChanged` carry `shipments`).
 */
export async function publishShipmentsChanged(client: PoolClient, shipmentIds: readonly string[]): Promise<void> {
  if (shipmentIds.length === 0) return;
  await publishEvents(client, SHIPMENT_STATUS_CHANGED_TOPIC, shipmentIds);
  const { rows } = await client.query<{ order_id: string }>('select distinct order_id from finance.shipment where id = any($1::uuid[]) and order_id is not null', [shipmentIds]);
  await publishEvents(client, ORDER_DOCUMENTS_CHANGED_TOPIC, rows.map((r) => r.order_id));
}
