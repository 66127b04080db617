import { PoolClient } from 'pg';
import { ErpExtensionRecord, ErpPurchaseOrderRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { IngestPage, MergeResult } from '@hub/ingest';
import { recordCatalogueChange } from '../catalogue-cache/catalogue-change.repository';

/** ERP purchase order statuses whose goods are still to come. */
const OPEN = new Set(['OPEN', 'CONFIRMED', 'PARTLY_RECEIVED']);

/**
 * The open lines of the ERP's purchase orders in this page replace what was kept of those orders
 * (deleted orders, received or cancelled ones leave nothing): one delete and one insert per page.
 * Lines of items the catalogue does not have are skipped.
 */
export async function ingestIncomingSupply(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  const orders = page.rows as ErpPurchaseOrderRecord[];
  const numbers = [...orders.map((o) => o.purchaseOrderNumber ?? o.key), ...page.deletions];
  const lines = orders
    .filter((o) => OPEN.has(o.status) && Array.isArray(o.lines))
    .flatMap((o) => o.lines.map((l) => ({ po: o.purchaseOrderNumber, line_no: l.lineNo, product_id: erpEntityId('product', l.sku), quantity: l.quantity, received: l.receivedQuantity ?? '0', expected: l.deliveryDate })));
  const { rowCount: deleted, rows: gone } = await client.query<{ product_id: string }>(
    `delete from products.incoming_supply where purchase_order_number = any($1::text[]) returning product_id::text`, [numbers]);
  const touched = gone.map((r) => r.product_id);
  let inserted = 0;
  if (lines.length) {
    const result = await client.query(
      `insert into products.incoming_supply (purchase_order_number, line_no, product_id, quantity, expected_date)
       select l.po, l.line_no, l.product_id, l.quantity - l.received, l.expected
         from jsonb_to_recordset($1::jsonb) as l(po text, line_no int, product_id uuid, quantity numeric, received numeric, expected date)
         join products.product p on p.id = l.product_id
        where l.quantity - l.received > 0
       returning product_id::text`,
      [JSON.stringify(lines)],
    );
    inserted = result.rowCount ?? 0;
    touched.push(...result.rows.map((r: { product_id: string }) => r.product_id));
  }
  // Incoming goods decide availability (Product.stock): the catalogue cache drops the answers showing these items.
  await recordCatalogueChange(client, 'STOCK', touched);
  return { read: page.rows.length, inserted, updated: 0, deleted: deleted ?? 0, changedKeys: [] };
}
