import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpOrderRecord } from '@hub/erp-contract';
import { IngestPage, MergeResult, mergeRows, MergeTarget } from '@hub/ingest';
import { publishOrderStatusChanges } from '../order/order-events';

const ORDER: MergeTarget = {
  schema: 'orders',
  table: 'customer_order',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'number', type: 'text' },
    { name: 'erp_number', type: 'text' },
    { name: 'company_id', type: 'uuid' },
    { name: 'status', type: 'text' },
    { name: 'placed_at', type: 'timestamptz' },
    { name: 'currency', type: 'char(3)' },
    { name: 'total', type: 'numeric' },
  ],
  key: ['id'],
  // An order deleted in the ERP is shown as cancelled rather than vanishing from the history.
  onDelete: { set: { status: "'CANCELLED'", updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
};

const ORDER_LINE: MergeTarget = {
  schema: 'orders',
  table: 'order_line',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'order_id', type: 'uuid' },
    { name: 'line_no', type: 'integer' },
    { name: 'product_id', type: 'uuid' },
    { name: 'sku', type: 'text' },
    { name: 'quantity', type: 'numeric' },
    { name: 'unit_price', type: 'numeric' },
    { name: 'line_total', type: 'numeric' },
  ],
  key: ['order_id', 'line_no'],
  insertOnly: ['id'],
  onDelete: 'delete',
};

/** The hub id of an ERP order: the hub's own id for web orders, else derived from the ERP number. */
export function orderIdOf(row: Pick<ErpOrderRecord, 'hubOrderId' | 'orderNumber'>): string {
  return row.hubOrderId ?? erpEntityId('order', row.orderNumber);
}

/**
 * Merges ERP orders (new ERP-side orders, status changes, operator corrections of lines).
 * Orders that really changed are announced to `orderStatusChanged` subscribers, and returned in `changedKeys`.
 */
export async function ingestOrders(client: PoolClient, page: IngestPage<ErpOrderRecord>): Promise<MergeResult> {
  const orders = await mergeRows(
    client,
    ORDER,
    page.rows.map((o) => [orderIdOf(o), o.orderNumber, o.orderNumber, erpEntityId('customer', o.customerNumber), o.status, o.placedAt, o.currency, o.total]),
    page.deletions.map((orderNumber) => [erpEntityId('order', orderNumber)]),
    { returnChangedKeys: true },
  );
  if (page.rows.length > 0) {
    const lines = await mergeRows(
      client,
      ORDER_LINE,
      page.rows.flatMap((o) =>
        o.lines.map((l) => [erpEntityId('order', `${orderIdOf(o)}#${l.lineNo}`), orderIdOf(o), l.lineNo, erpEntityId('product', l.sku), l.sku, l.quantity, l.unitPrice, l.lineTotal]),
      ),
      [],
      { returnChangedKeys: true },
    );
    // Lines the ERP operator removed.
    const removed = await client.query<{ order_id: string }>(
      `delete from orders.order_line l using unnest($1::uuid[], $2::int[]) as c(order_id, line_count)
        where l.order_id = c.order_id and l.line_no > c.line_count returning l.order_id`,
      [page.rows.map(orderIdOf), page.rows.map((o) => Math.max(0, ...o.lines.map((l) => l.lineNo)))],
    );
    const changed = new Set([...orders.changedKeys, ...lines.changedKeys, ...removed.rows.map((r) => r.order_id)]);
    orders.changedKeys = [...changed];
  }
  // Subscribers hear of it when (and only if) the sync's transaction commits.
  await publishOrderStatusChanges(client, orders.changedKeys);
  return orders;
}
