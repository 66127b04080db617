import { PoolClient } from 'pg';
import { ErpDropShipOrderRecord, ErpExtensionRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { IngestPage, MergeResult } from '@hub/ingest';
import { DropShipOrderStatus } from './drop-ship-status';
import { erpStatusApplies } from './drop-ship.state-machine';

const STATUSES = Object.values(DropShipOrderStatus);
const ERP_STATUSES: ReadonlySet<string> = new Set(['OPEN', 'SHIPPED', 'CANCELLED']);

/**
 * The ERP's drop-ship orders onto the suppliers': new ones are inserted for their supplier (by its
 * ERP number; a supplier the hub does not know is skipped); known ones take the ERP's SHIPPED or
 * CANCELLED where the state machine allows, with the parcel. Only the delivery address and the
 * lines are kept: the record carries nothing else of the customer, and nothing else is stored.
 */
export async function ingestDropShipOrders(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  const rows = (page.rows as ErpDropShipOrderRecord[])
    .filter((r) => typeof r.dropShipOrderNumber === 'string' && ERP_STATUSES.has(r.status) && r.deliveryAddress && Array.isArray(r.lines))
    .map((r) => ({
      id: erpEntityId('dropShipOrder', r.dropShipOrderNumber), number: r.dropShipOrderNumber, supplier_number: r.supplierNumber, status: r.status,
      address: { name: r.deliveryAddress.name, street: r.deliveryAddress.street, postalCode: r.deliveryAddress.postalCode, city: r.deliveryAddress.city, country: r.deliveryAddress.country },
      lines: r.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
      carrier: r.carrier ?? null, parcel_number: r.parcelNumber ?? null, shipped_at: r.shippedAt ?? null, created_at: r.createdAt,
    }));
  if (rows.length === 0) return { read: page.rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const pairs = STATUSES.flatMap((from) => STATUSES.filter((to) => erpStatusApplies(from, to)).map((to) => [from, to]));
  const { rows: inserted } = await client.query<{ id: string }>(
    `insert into suppliers.drop_ship_order (id, erp_number, supplier_id, status, delivery_address, lines, carrier, parcel_number, shipped_at, created_at, updated_at)
     select r.id, r.number, s.id, r.status, r.address, r.lines, r.carrier, r.parcel_number, r.shipped_at, r.created_at, now()
       from jsonb_to_recordset($1::jsonb) as r(id uuid, number text, supplier_number text, status text, address jsonb, lines jsonb, carrier text, parcel_number text, shipped_at timestamptz, created_at timestamptz)
       join suppliers.supplier s on s.erp_number = r.supplier_number
     on conflict (erp_number) do nothing
     returning id`,
    [JSON.stringify(rows)],
  );
  const { rows: updated } = await client.query<{ id: string }>(
    `update suppliers.drop_ship_order d
        set status = r.status, carrier = coalesce(r.carrier, d.carrier), parcel_number = coalesce(r.parcel_number, d.parcel_number),
            shipped_at = coalesce(r.shipped_at, d.shipped_at), updated_at = now()
       from jsonb_to_recordset($1::jsonb) as r(number text, status text, carrier text, parcel_number text, shipped_at timestamptz)
      where d.erp_number = r.number and not (d.id = any($4::uuid[]))
        and exists (select 1 from unnest($2::text[], $3::text[]) p(f, t) where p.f = d.status and p.t = r.status)
      returning d.id`,
    [JSON.stringify(rows), pairs.map((p) => p[0]), pairs.map((p) => p[1]), inserted.map((r) => r.id)],
  );
  return { read: page.rows.length, inserted: inserted.length, updated: updated.length, deleted: 0, changedKeys: [] };
}
