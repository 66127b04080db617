import { PoolClient } from 'pg';
import { ErpBlanketOrderRecord, ErpExtensionRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const BLANKET_ORDER_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'blanket_order',
  columns: {
    id: 'uuid', number: 'text', company_id: 'uuid', customer_number: 'text', currency: 'char(3)', valid_from: 'date', valid_to: 'date', status: 'text',
    lines: 'jsonb', counted_hub_order_ids: 'text[]',
  },
  key: ['id'],
  notFromErp: [],
  onDelete: 'delete',
});

const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

/** The ERP's blanket orders (extension kind `blanketOrders`): agreed lines, what each line and shop has drawn, and the hub orders counted in it. */
export function ingestBlanketOrders(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  // An extension kind: the rows are checked here, not typed by the contract's kinds.
  const rows = (page.rows as ErpBlanketOrderRecord[]).filter(
    (b) => typeof b.blanketOrderNumber === 'string' && typeof b.customerNumber === 'string' && /^[A-Z]{3}$/.test(b.currency) && Array.isArray(b.lines)
      && b.lines.every((l) => Number.isInteger(l.lineNo) && typeof l.sku === 'string' && DECIMAL.test(l.quantity) && DECIMAL.test(l.unitPrice) && DECIMAL.test(l.drawnQuantity)),
  );
  return mergeRows(
    client,
    BLANKET_ORDER_TARGET,
    rows.map((b): RowOf<typeof BLANKET_ORDER_TARGET> => ({
      id: erpEntityId('blanketOrder', b.blanketOrderNumber),
      number: b.blanketOrderNumber,
      company_id: erpEntityId('customer', b.customerNumber),
      customer_number: b.customerNumber,
      currency: b.currency,
      valid_from: b.validFrom,
      valid_to: b.validTo,
      status: b.status === 'CLOSED' ? 'CLOSED' : 'OPEN',
      lines: b.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, drawnQuantity: l.drawnQuantity, shops: l.shops ?? null })),
      counted_hub_order_ids: (b.drawdowns ?? []).map((d) => d.hubOrderId).filter((id): id is string => typeof id === 'string'),
    })),
    page.deletions.map((number) => ({ id: erpEntityId('blanketOrder', number) })),
  );
}
