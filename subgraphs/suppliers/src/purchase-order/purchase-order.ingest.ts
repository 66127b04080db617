import { PoolClient } from 'pg';
import { ErpExtensionRecord, ErpPurchaseOrderRecord } from '@hub/erp-contract';
import { IngestPage, MergeResult } from '@hub/ingest';
import { isUuid } from '@hub/subgraph-kit';
import { PurchaseOrderStatus } from './purchase-order-status';
import { reachablePairs } from './purchase-order.state-machine';
import { publishPurchaseOrdersChanged } from './purchase-order-events';

/** The ERP's statuses as the hub's; an OPEN order in the ERP is still negotiated on the hub (its status stays the hub's). */
const STATUS_FROM_ERP: Readonly<Record<ErpPurchaseOrderRecord['status'], PurchaseOrderStatus | null>> = {
  OPEN: null,
  CONFIRMED: PurchaseOrderStatus.CONFIRMED,
  PARTLY_RECEIVED: PurchaseOrderStatus.PARTLY_RECEIVED,
  RECEIVED: PurchaseOrderStatus.RECEIVED,
  CANCELLED: PurchaseOrderStatus.CANCELLED,
};

/**
 * The ERP's purchase orders onto the hub's, in three statements for the page. The ERP is master
 * once it has an order: its number always; once it is past OPEN, its status (where the state
 * machine reaches it) and each line's quantity, price, date and received quantity. Orders the hub
 * did not place are the ERP's own business and skipped. Each status change lands on the timeline.
 */
export async function ingestPurchaseOrders(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  const rows = (page.rows as ErpPurchaseOrderRecord[])
    .filter((r) => typeof r.hubPurchaseOrderId === 'string' && isUuid(r.hubPurchaseOrderId) && r.status in STATUS_FROM_ERP && Array.isArray(r.lines))
    .map((r) => ({ id: r.hubPurchaseOrderId, number: r.purchaseOrderNumber, status: STATUS_FROM_ERP[r.status], lines: r.lines }));
  if (rows.length === 0) return { read: page.rows.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] };
  const pairs = reachablePairs();
  const { rows: changed } = await client.query<{ id: string; old_status: string; status: string }>(
    `with o as (select * from jsonb_to_recordset($1::jsonb) as o(id uuid, number text, status text)),
          before as (select po.id, po.status from suppliers.purchase_order po join o on o.id = po.id for update of po)
     update suppliers.purchase_order po
        set erp_number = o.number,
            status = case when o.status is not null and exists (select 1 from unnest($2::text[], $3::text[]) p(f, t) where p.f = po.status and p.t = o.status) then o.status else po.status end,
            updated_at = now()
       from o, before b
      where po.id = o.id and b.id = po.id
        and (po.erp_number is distinct from o.number
             or (o.status is not null and po.status is distinct from o.status and exists (select 1 from unnest($2::text[], $3::text[]) p(f, t) where p.f = po.status and p.t = o.status)))
      returning po.id, b.status as old_status, po.status`,
    [JSON.stringify(rows), pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  const moved = changed.filter((c) => c.old_status !== c.status);
  if (moved.length) {
    await client.query(
      `insert into suppliers.purchase_order_event (id, purchase_order_id, at, kind, line_no, text, by, by_user_id)
       select gen_random_uuid(), m.id, now(), 'STATUS', null, 'The ERP reports the order ' || replace(lower(m.status), '_', ' ') || '.', 'ERP', null
         from unnest($1::uuid[], $2::text[]) as m(id, status)`,
      [moved.map((m) => m.id), moved.map((m) => m.status)],
    );
  }
  const { rows: lineOrders } = await client.query<{ id: string }>(
    `update suppliers.purchase_order_line l
        set quantity = x.quantity, unit_price = x.unit_price, delivery_date = x.delivery_date, received_quantity = x.received_quantity
       from (select o.id, (ln->>'lineNo')::int as line_no, (ln->>'quantity')::numeric as quantity, (ln->>'unitPrice')::numeric as unit_price,
                    (ln->>'deliveryDate')::date as delivery_date, coalesce((ln->>'receivedQuantity')::numeric, 0) as received_quantity
               from jsonb_to_recordset($1::jsonb) as o(id uuid, status text, lines jsonb) cross join lateral jsonb_array_elements(o.lines) ln
              where o.status is not null) x, suppliers.purchase_order po
      where l.purchase_order_id = x.id and l.line_no = x.line_no and po.id = x.id and not (po.status = any($2::text[]))
        and (l.quantity, l.unit_price, l.delivery_date, l.received_quantity) is distinct from (x.quantity, x.unit_price, x.delivery_date, x.received_quantity)
      returning l.purchase_order_id as id`,
    [JSON.stringify(rows), [PurchaseOrderStatus.SENT, PurchaseOrderStatus.CHANGE_PROPOSED]],
  );
  await publishPurchaseOrdersChanged(client, [...new Set([...changed.map((c) => c.id), ...lineOrders.map((l) => l.id)])]);
  return { read: page.rows.length, inserted: 0, updated: changed.length + lineOrders.length, deleted: 0, changedKeys: [] };
}
