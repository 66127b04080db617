import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpOrderRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';
import { publishOrderStatusChanges } from '../order/order-events';
import { OrderEventSource } from '../order/order-status';
import { recordTimeline, TimelineRow } from '../order/order-timeline';
import { diffOrderLines, LineState } from '../order/order-corrections';

export const ORDER_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'customer_order',
  columns: {
    id: 'uuid',
    number: 'text',
    erp_number: 'text',
    company_id: 'uuid',
    customer_number: 'text',
    status: 'text',
    placed_at: 'timestamptz',
    currency: 'char(3)',
    total: 'numeric',
    delivery_date: 'date',
    pickup_store_code: 'text',
    pickup_code: 'text',
  },
  key: ['id'],
  // Hub-owned: who placed a web order and what they asked for (retry key, delivery, references, quote), the web
  // workflow's reasons, the tax the hub computed, and the merge's own timestamp.
  notFromErp: [
    'idempotency_key', 'request_fingerprint', 'placed_by_user_id', 'placed_by_actor_id', 'status_reason', 'hold_reasons', 'tax_total',
    'delivery_address_code', 'branch_id', 'customer_reference', 'notes', 'quote_id', 'quote_price_changes', 'updated_at',
    // The store's handover (the ERP hears of it through the outbox and reports COLLECTED).
    'handed_over_at', 'handed_over_by_user_id',
    // The delivery the hub charged when placing (O12); the ERP has it in the order's total.
    'delivery',
    // The discounts the web order carried and the blanket order it draws down (the ERP's total already counts them).
    'discounts', 'blanket_order_id', 'blanket_order_number',
    // The public shop guest's contact and address, and how the order is paid (the ERP gets both with the order).
    'guest_contact', 'payment_method',
  ],
  // An order deleted in the ERP is shown as cancelled rather than vanishing from the history.
  onDelete: { set: { status: "'CANCELLED'", updated_at: 'now()' } },
  // Once the ERP reports on an order, a reason the web gave for its state (a refusal, a stopped delivery) is over.
  onChange: { updated_at: 'now()', status_reason: 'null' },
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
    ordered_line_no: 'integer',
    warehouse_code: 'text',
    back_ordered: 'boolean',
    delivery_date: 'date',
  },
  key: ['order_id', 'line_no'],
  // A configured product's options as ordered (P7): the hub's, kept on the ordered line.
  notFromErp: ['configuration'],
  insertOnly: ['id'],
  onDelete: 'delete',
});

/** The hub id of an ERP order: the hub's own id for web orders, else derived from the ERP number. */
export function orderIdOf(row: Pick<ErpOrderRecord, 'hubOrderId' | 'orderNumber'>): string {
  return row.hubOrderId ?? erpEntityId('order', row.orderNumber);
}

interface Snapshot {
  status: string;
  lines: LineState[];
}

/** The orders' status and lines before the merge, to tell what the ERP changed (one statement each). */
async function snapshot(client: PoolClient, ids: string[]): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>();
  if (ids.length === 0) return out;
  const orders = await client.query<{ id: string; status: string }>('select id, status from orders.customer_order where id = any($1::uuid[])', [ids]);
  for (const row of orders.rows) out.set(row.id, { status: row.status, lines: [] });
  const lines = await client.query<{ order_id: string; line_no: number; ordered_line_no: number | null; sku: string; quantity: string; unit_price: string }>(
    'select order_id, line_no, ordered_line_no, sku, quantity::text, unit_price::text from orders.order_line where order_id = any($1::uuid[]) order by order_id, line_no',
    [ids],
  );
  for (const l of lines.rows) out.get(l.order_id)?.lines.push({ lineNo: l.line_no, orderedLineNo: l.ordered_line_no, sku: l.sku, quantity: l.quantity, unitPrice: l.unit_price });
  return out;
}

/**
 * Merges ERP orders (new ERP-side orders, status changes, the ERP's split of lines by warehouse and
 * into back orders, delivery dates, operator corrections of lines). Every status the ERP reports and
 * every correction (ordered lines before and after) goes into the orders' timelines; orders that
 * really changed are announced to `orderStatusChanged` subscribers, and returned in `changedKeys`.
 */
export async function ingestOrders(client: PoolClient, page: IngestPage<ErpOrderRecord>): Promise<MergeResult> {
  // A deleted ERP order is found by its ERP number: a web order's hub id is not derived from it.
  const deletedIds = page.deletions.length === 0 ? [] : (await client.query<{ id: string }>('select id from orders.customer_order where erp_number = any($1::text[]) or id = any($2::uuid[])', [page.deletions, page.deletions.map((n) => erpEntityId('order', n))])).rows.map((r) => r.id);
  const ids = page.rows.map(orderIdOf);
  const before = await snapshot(client, [...ids, ...deletedIds]);

  const orders = await mergeRows(
    client,
    ORDER_TARGET,
    page.rows.map(
      (o): RowOf<typeof ORDER_TARGET> => ({
        id: orderIdOf(o),
        number: o.orderNumber,
        erp_number: o.orderNumber,
        company_id: erpEntityId('customer', o.customerNumber),
        customer_number: o.customerNumber,
        status: o.status,
        placed_at: o.placedAt,
        currency: o.currency,
        total: o.total,
        delivery_date: o.deliveryDate ?? null,
        pickup_store_code: o.pickupStoreCode ?? null,
        pickup_code: o.pickupCode ?? null,
      }),
    ),
    deletedIds.map((id) => ({ id })),
    { returnChangedKeys: true },
  );
  const timeline: TimelineRow[] = [];
  for (const id of deletedIds) {
    const previous = before.get(id);
    if (previous && previous.status !== 'CANCELLED') timeline.push({ orderId: id, status: 'CANCELLED', previous: previous.status, source: OrderEventSource.ERP_SYNC, details: null });
  }
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
            ordered_line_no: l.orderedLineNo ?? null,
            warehouse_code: l.warehouseCode ?? null,
            back_ordered: l.backOrdered ?? false,
            delivery_date: l.deliveryDate ?? null,
          }),
        ),
      ),
      [],
      { returnChangedKeys: true },
    );
    // Lines the ERP operator removed: every line the ERP's order no longer has.
    const keep = page.rows.flatMap((o) => o.lines.map((l) => ({ orderId: orderIdOf(o), lineNo: l.lineNo })));
    const removed = await client.query<{ order_id: string }>(
      `delete from orders.order_line l using unnest($1::uuid[]) as o(id)
        where l.order_id = o.id
          and not exists (select 1 from unnest($2::uuid[], $3::int[]) as k(order_id, line_no) where k.order_id = l.order_id and k.line_no = l.line_no)
        returning l.order_id`,
      [ids, keep.map((k) => k.orderId), keep.map((k) => k.lineNo)],
    );
    const changed = new Set([...orders.changedKeys, ...lines.changedKeys, ...removed.rows.map((r) => r.order_id)]);
    orders.changedKeys = [...changed];

    for (const o of page.rows) {
      const id = orderIdOf(o);
      const previous = before.get(id);
      if (!previous || previous.status !== o.status) {
        timeline.push({ orderId: id, status: o.status, previous: previous?.status ?? null, source: OrderEventSource.ERP_SYNC, details: null });
      }
      if (previous && previous.lines.length > 0) {
        const corrections = diffOrderLines(previous.lines, o.lines.map((l) => ({ lineNo: l.lineNo, orderedLineNo: l.orderedLineNo ?? null, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })));
        if (corrections.length > 0) timeline.push({ orderId: id, status: o.status, previous: o.status, source: OrderEventSource.ERP_CORRECTION, details: { corrections } });
      }
    }
  }
  await recordTimeline(client, timeline);
  // Subscribers hear of it when (and only if) the sync's transaction commits.
  await publishOrderStatusChanges(client, orders.changedKeys);
  return orders;
}
