import { PoolClient } from 'pg';
import { NotificationDeclaration, NotificationNotice } from '@hub/subgraph-kit';
import { DELIVERY_NOTES_PERMISSION } from '../delivery-note/delivery-note.service';
import { SHIPMENT_STATUS_CHANGED_TOPIC } from './shipment-events';
import { ShipmentStatus } from './shipment-status';

/**
 * What a shipment's events tell the company's users who follow its orders (orders.view; finance
 * does not know who placed an order, and each user can switch either category off): "shipped" once
 * the parcel has its number and tracking link, "delivered" once the carrier delivered it. Both come
 * from the shipment's facts when the event is read, not from the event, so an event that arrives
 * late or twice still sends each once (the ref names the shipment and the step).
 */
export async function shipmentNotices(client: PoolClient, event: { key: string }): Promise<NotificationNotice[]> {
  const { rows } = await client.query<{
    id: string; company_id: string; order_id: string | null; delivery_note_number: string; status: ShipmentStatus; carrier: string | null;
    parcel_number: string | null; tracking_url: string | null; delivered_at: Date | null; signed_by: string | null;
  }>(
    `select id, company_id, order_id, delivery_note_number, status, carrier, parcel_number, tracking_url, delivered_at, signed_by
       from finance.shipment where id = $1`,
    [event.key],
  );
  const shipment = rows[0];
  if (!shipment?.parcel_number) return [];
  const values = {
    shipmentId: shipment.id,
    orderId: shipment.order_id ?? '',
    deliveryNoteNumber: shipment.delivery_note_number,
    carrier: shipment.carrier ?? '',
    parcelNumber: shipment.parcel_number,
    trackingUrl: shipment.tracking_url ?? '',
    deliveredAt: shipment.delivered_at ? shipment.delivered_at.toISOString().slice(0, 10) : '',
    signedBy: shipment.signed_by ?? '—',
  };
  const recipientCompany = { companyId: shipment.company_id, permission: DELIVERY_NOTES_PERMISSION };
  const notices: NotificationNotice[] = [{ ref: `shipment:${shipment.id}:shipped`, template: 'shipment.shipped', recipientUserIds: [], recipientCompany, values }];
  if (shipment.status === ShipmentStatus.DELIVERED) notices.push({ ref: `shipment:${shipment.id}:delivered`, template: 'shipment.delivered', recipientUserIds: [], recipientCompany, values });
  return notices;
}

export const SHIPMENT_NOTIFICATIONS: readonly NotificationDeclaration[] = [{ topic: SHIPMENT_STATUS_CHANGED_TOPIC, notices: shipmentNotices }];
