import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpDeliveryNoteRecord, ErpInvoiceRecord, ErpOpenItemRecord } from '@hub/erp-contract';
import { IngestPage, MergeResult, mergeRows, MergeTarget } from '@hub/ingest';

const orderIdOf = (hubOrderId: string | null | undefined, orderNumber: string | null): string | null =>
  hubOrderId ?? (orderNumber ? erpEntityId('order', orderNumber) : null);

const INVOICE: MergeTarget = {
  schema: 'finance',
  table: 'invoice',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'number', type: 'text' },
    { name: 'company_id', type: 'uuid' },
    { name: 'order_id', type: 'uuid' },
    { name: 'order_number', type: 'text' },
    { name: 'issued_at', type: 'timestamptz' },
    { name: 'due_at', type: 'timestamptz' },
    { name: 'currency', type: 'char(3)' },
    { name: 'net_total', type: 'numeric' },
    { name: 'tax_total', type: 'numeric' },
    { name: 'total', type: 'numeric' },
    { name: 'open_amount', type: 'numeric' },
    { name: 'status', type: 'text' },
    { name: 'digitally_signed', type: 'boolean' },
  ],
  key: ['id'],
  onDelete: 'delete',
};

export function ingestInvoices(client: PoolClient, page: IngestPage<ErpInvoiceRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    INVOICE,
    page.rows.map((i) => [
      erpEntityId('invoice', i.invoiceNumber), i.invoiceNumber, erpEntityId('customer', i.customerNumber), orderIdOf(i.hubOrderId, i.orderNumber), i.orderNumber,
      i.issuedAt, i.dueAt, i.currency, i.netTotal, i.taxTotal, i.total, i.openAmount, i.status, i.digitallySigned,
    ]),
    page.deletions.map((n) => [erpEntityId('invoice', n)]),
  );
}

const DELIVERY_NOTE: MergeTarget = {
  schema: 'finance',
  table: 'delivery_note',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'number', type: 'text' },
    { name: 'company_id', type: 'uuid' },
    { name: 'order_id', type: 'uuid' },
    { name: 'order_number', type: 'text' },
    { name: 'shipped_at', type: 'timestamptz' },
    { name: 'delivered_at', type: 'timestamptz' },
    { name: 'carrier', type: 'text' },
    { name: 'tracking_number', type: 'text' },
    { name: 'lines', type: 'jsonb' },
  ],
  key: ['id'],
  onDelete: 'delete',
};

export function ingestDeliveryNotes(client: PoolClient, page: IngestPage<ErpDeliveryNoteRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    DELIVERY_NOTE,
    page.rows.map((d) => [
      erpEntityId('deliveryNote', d.deliveryNumber), d.deliveryNumber, erpEntityId('customer', d.customerNumber), orderIdOf(d.hubOrderId, d.orderNumber), d.orderNumber,
      d.shippedAt, d.deliveredAt, d.carrier, d.trackingNumber, d.lines,
    ]),
    page.deletions.map((n) => [erpEntityId('deliveryNote', n)]),
  );
}

const OPEN_ITEM: MergeTarget = {
  schema: 'finance',
  table: 'open_item',
  columns: [
    { name: 'document_number', type: 'text' },
    { name: 'company_id', type: 'uuid' },
    { name: 'document_type', type: 'text' },
    { name: 'due_date', type: 'date' },
    { name: 'amount', type: 'numeric' },
    { name: 'open_amount', type: 'numeric' },
    { name: 'currency', type: 'char(3)' },
  ],
  key: ['document_number'],
  onDelete: 'delete',
};

export function ingestOpenItems(client: PoolClient, page: IngestPage<ErpOpenItemRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    OPEN_ITEM,
    page.rows.map((o) => [o.documentNumber, erpEntityId('customer', o.customerNumber), o.documentType, o.dueDate, o.amount, o.openAmount, o.currency]),
    page.deletions.map((n) => [n]),
  );
}
