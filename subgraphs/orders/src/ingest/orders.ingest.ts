import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpOrderRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';
import { publishOrderStatusChanges } from '../order/order-events';

export const ORDER_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'customer_order',
  columns: {
    id: 'uuid',
    number: 'text',
    erp_number: 'text',
    company_id: 'uuid',
    status: 'text',
    placed_at: 'timestamptz',
    currency: 'char(3)',
    total: 'numeric',
  },
  key: ['id'],
  // Hub-owned (who placed a web order, its retry key), and the merge's own timestamp.
  notFromErp: ['idempotency_key', 'placed_by_user_id', 'placed_by_actor_id', 'updated_at'],
  // An order deleted in the ERP is shown as cancelled rather than vanishing from the history.
  onDelete: { set: { status: "'CANCELLED'", updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
});

export const ORDER_LINE_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'order_line',
  columns: {
    id: 'uuid',
    order_id: 'uuid',
    line_no: 'integer',
    product_id: 'uuid',
    sku: 'text',
    quantity: 'numeric',
    unit_price: 'numeric',
    line_total: 'numeric',
  },
  key: ['order_id', 'line_no'],
  notFromErp: [],
  insertOnly: ['id'],
  onDelete: 'delete',
});

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
    ORDER_TARGET,
    page.rows.map(
      (o): RowOf<typeof ORDER_TARGET> => ({
        id: orderIdOf(o),
        number: o.orderNumber,
        erp_number: o.orderNumber,
        company_id: erpEntityId('customer', o.customerNumber),
        status: o.status,
        placed_at: o.placedAt,
        currency: o.currency,
        total: o.total,
      }),
    ),
    page.deletions.map((orderNumber) => ({ id: erpEntityId('order', orderNumber) })),
    { returnChangedKeys: true },
  );
  if (page.rows.length > 0) {
    const lines = await mergeRows(
      client,
      ORDER_LINE_TARGET,
      page.rows.flatMap((o) =>
        o.lines.map(
          (l): RowOf<typeof ORDER_LINE_TARGET> => ({
            id: erpEntityId('order', `${orderIdOf(o)}#${l.lineNo}`),
            order_id: orderIdOf(o),
            line_no: l.lineNo,
            product_id: erpEntityId('product', l.sku),
            sku: l.sku,
            quantity: l.quantity,
            unit_price: l.unitPrice,
            line_total: l.lineTotal,
          }),
        ),
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
