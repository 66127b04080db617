import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCreditNoteRecord, ErpDeliveryNoteRecord, ErpInvoiceRecord, ErpOpenItemRecord, ErpPaymentRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';
import { publishOrderDocumentsChanged } from '../order/order-documents-events';
import { openShipmentsForDeliveryNotes } from '../shipment/shipment-carrier.ingest';
import { requestCapturesForDeliveredNotes } from '../payment/payment.repository';

const orderIdOf = (hubOrderId: string | null | undefined, orderNumber: string | null): string | null =>
  hubOrderId ?? (orderNumber ? erpEntityId('order', orderNumber) : null);

export const INVOICE_TARGET = defineMergeTarget({
  schema: 'finance',
  table: 'invoice',
  columns: {
    id: 'uuid',
    number: 'text',
    company_id: 'uuid',
    order_id: 'uuid',
    order_number: 'text',
    issued_at: 'timestamptz',
    due_at: 'timestamptz',
    currency: 'char(3)',
    net_total: 'numeric',
    tax_total: 'numeric',
    total: 'numeric',
    open_amount: 'numeric',
    status: 'text',
    digitally_signed: 'boolean',
  },
  key: ['id'],
  notFromErp: [],
  onDelete: 'delete',
});

/** Invoices; the orders whose invoices changed are announced to their subscribers. */
export async function ingestInvoices(client: PoolClient, page: IngestPage<ErpInvoiceRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    INVOICE_TARGET,
    page.rows.map(
      (i): RowOf<typeof INVOICE_TARGET> => ({
        id: erpEntityId('invoice', i.invoiceNumber),
        number: i.invoiceNumber,
        company_id: erpEntityId('customer', i.customerNumber),
        order_id: orderIdOf(i.hubOrderId, i.orderNumber),
        order_number: i.orderNumber,
        issued_at: i.issuedAt,
        due_at: i.dueAt,
        currency: i.currency,
        net_total: i.netTotal,
        tax_total: i.taxTotal,
        total: i.total,
        open_amount: i.openAmount,
        status: i.status,
        digitally_signed: i.digitallySigned,
      }),
    ),
    page.deletions.map((n) => ({ id: erpEntityId('invoice', n) })),
    { returnChangedKeys: true },
  );
  await publishOrderDocumentsChanged(client, 'invoice', result.changedKeys);
  return result;
}

export const DELIVERY_NOTE_TARGET = defineMergeTarget({
  schema: 'finance',
  table: 'delivery_note',
  columns: {
    id: 'uuid',
    number: 'text',
    company_id: 'uuid',
    order_id: 'uuid',
    order_number: 'text',
    customer_number: 'text',
    shipped_at: 'timestamptz',
    delivered_at: 'timestamptz',
    carrier: 'text',
    tracking_number: 'text',
    lines: 'jsonb',
    ship_to: 'jsonb',
    weight_grams: 'integer',
    cod_amount: 'numeric',
    packaging_fee: 'numeric',
    currency: 'char(3)',
    drop_shipped_by: 'text',
  },
  key: ['id'],
  notFromErp: [],
  onDelete: 'delete',
});

/** Delivery notes; the orders whose delivery notes changed are announced to their subscribers. */
export async function ingestDeliveryNotes(client: PoolClient, page: IngestPage<ErpDeliveryNoteRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    DELIVERY_NOTE_TARGET,
    page.rows.map(
      (d): RowOf<typeof DELIVERY_NOTE_TARGET> => ({
        id: erpEntityId('deliveryNote', d.deliveryNumber),
        number: d.deliveryNumber,
        company_id: erpEntityId('customer', d.customerNumber),
        order_id: orderIdOf(d.hubOrderId, d.orderNumber),
        order_number: d.orderNumber,
        customer_number: d.customerNumber,
        shipped_at: d.shippedAt,
        delivered_at: d.deliveredAt,
        carrier: d.carrier,
        tracking_number: d.trackingNumber,
        lines: d.lines,
        ship_to: d.shipTo ?? null,
        weight_grams: d.weightGrams ?? null,
        cod_amount: d.codAmount ?? null,
        packaging_fee: d.packagingFee ?? null,
        currency: d.currency ?? null,
        drop_shipped_by: d.dropShippedBy ?? null,
      }),
    ),
    page.deletions.map((n) => ({ id: erpEntityId('deliveryNote', n) })),
    { returnChangedKeys: true },
  );
  await openShipmentsForDeliveryNotes(client, result.changedKeys);
  // Delivered: the orders' cards authorised at order are captured now (once, however often the note comes).
  await requestCapturesForDeliveredNotes(client, result.changedKeys);
  await publishOrderDocumentsChanged(client, 'delivery_note', result.changedKeys);
  return result;
}

export const OPEN_ITEM_TARGET = defineMergeTarget({
  schema: 'finance',
  table: 'open_item',
  columns: {
    document_number: 'text',
    company_id: 'uuid',
    document_type: 'text',
    due_date: 'date',
    amount: 'numeric',
    open_amount: 'numeric',
    currency: 'char(3)',
  },
  key: ['document_number'],
  notFromErp: [],
  onDelete: 'delete',
});

export function ingestOpenItems(client: PoolClient, page: IngestPage<ErpOpenItemRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    OPEN_ITEM_TARGET,
    page.rows.map(
      (o): RowOf<typeof OPEN_ITEM_TARGET> => ({
        document_number: o.documentNumber,
        company_id: erpEntityId('customer', o.customerNumber),
        document_type: o.documentType,
        due_date: o.dueDate,
        amount: o.amount,
        open_amount: o.openAmount,
        currency: o.currency,
      }),
    ),
    page.deletions.map((n) => ({ document_number: n })),
  );
}

export const CREDIT_NOTE_TARGET = defineMergeTarget({
  schema: 'finance',
  table: 'credit_note',
  columns: {
    number: 'text',
    company_id: 'uuid',
    invoice_number: 'text',
    issued_at: 'timestamptz',
    currency: 'char(3)',
    net_total: 'numeric',
    tax_total: 'numeric',
    total: 'numeric',
  },
  key: ['number'],
  notFromErp: [],
  onDelete: 'delete',
});

export function ingestCreditNotes(client: PoolClient, page: IngestPage<ErpCreditNoteRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    CREDIT_NOTE_TARGET,
    page.rows.map(
      (c): RowOf<typeof CREDIT_NOTE_TARGET> => ({
        number: c.creditNoteNumber,
        company_id: erpEntityId('customer', c.customerNumber),
        invoice_number: c.invoiceNumber,
        issued_at: c.issuedAt,
        currency: c.currency,
        net_total: c.netTotal,
        tax_total: c.taxTotal,
        total: c.total,
      }),
    ),
    page.deletions.map((n) => ({ number: n })),
  );
}

export const PAYMENT_TARGET = defineMergeTarget({
  schema: 'finance',
  table: 'payment',
  columns: {
    payment_number: 'text',
    company_id: 'uuid',
    invoice_number: 'text',
    paid_at: 'timestamptz',
    currency: 'char(3)',
    amount: 'numeric',
  },
  key: ['payment_number'],
  notFromErp: [],
  onDelete: 'delete',
});

export function ingestPayments(client: PoolClient, page: IngestPage<ErpPaymentRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    PAYMENT_TARGET,
    page.rows.map(
      (p): RowOf<typeof PAYMENT_TARGET> => ({
        payment_number: p.paymentNumber,
        company_id: erpEntityId('customer', p.customerNumber),
        invoice_number: p.invoiceNumber,
        paid_at: p.paidAt,
        currency: p.currency,
        amount: p.amount,
      }),
    ),
    page.deletions.map((n) => ({ payment_number: n })),
  );
}
