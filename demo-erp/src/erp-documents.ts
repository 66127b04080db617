import Decimal from 'decimal.js';
import { ErpCreditNoteRecord, ErpCustomerRecord, ErpDeliveryNoteRecord, ErpInvoiceRecord, ErpOrderRecord } from '@hub/erp-contract';
import { signsDocumentsFor } from '@hub/demo-data';
import { ErpState } from './erp-state';
import { PrintedDocument, PrintedParty } from './printed-document';
import { VAT_RATE_PERCENT } from './reference';

/** The distributor running the demo ERP, as its documents print it. */
export const SELLER: PrintedParty = {
  title: 'Hub Demo Distribution S.A.',
  lines: ['Calle de la Industria 12, 46001 Valencia, España', 'Branch: ul. Piotrkowska 104, 90-926 Łódź, Polska', 'VAT ES-A46123456 · +34 960 000 000'],
};
const FOOTER = 'Hub Demo Distribution S.A. · Registro Mercantil de Valencia, Tomo 9999, Folio 1 · NIF A46123456';

export { signsDocumentsFor };

/** A credit note the ERP issued for a return it accepted. */
export interface ErpCreditNote {
  creditNoteNumber: string;
  returnNumber: string;
  customerNumber: string;
  deliveryNumber: string;
  orderNumber: string;
  reason: string;
  issuedAt: string;
  lines: Array<{ sku: string; quantity: string }>;
}

const day = (iso: string) => iso.slice(0, 10);
const money = (value: Decimal.Value, currency: string) => `${new Decimal(value).toFixed(2)} ${currency}`;

function buyer(customer: ErpCustomerRecord | undefined, customerNumber: string): PrintedParty {
  if (!customer) return { title: `Customer ${customerNumber}`, lines: [] };
  const a = customer.invoiceAddress;
  return { title: customer.name, lines: [a.street, `${a.postalCode} ${a.city}`, a.country, `Customer no. ${customer.customerNumber}`] };
}

function shipTo(customer: ErpCustomerRecord | undefined, code: string | null | undefined): PrintedParty | undefined {
  const address = customer?.deliveryAddresses.find((a) => a.code === code) ?? customer?.deliveryAddresses[0];
  return address ? { title: address.name, lines: [address.street, `${address.postalCode} ${address.city}`, address.country] } : undefined;
}

/** Builds what the ERP prints for each of its documents, from its own records. */
export class ErpDocuments {
  constructor(private readonly state: ErpState) {}

  private productName(sku: string): string {
    return this.state.get('products', sku)?.name ?? sku;
  }

  private unit(sku: string): string {
    return this.state.get('products', sku)?.unit ?? '';
  }

  private taxRate(customer: ErpCustomerRecord | undefined): string {
    return customer?.taxRatePercent ?? String(VAT_RATE_PERCENT);
  }

  private pricedColumns() {
    return [
      { header: 'Pos', width: 5 },
      { header: 'Item', width: 14 },
      { header: 'Description', width: 37 },
      { header: 'Qty', width: 8, align: 'right' as const },
      { header: 'Unit', width: 11 },
      { header: 'Unit price', width: 12, align: 'right' as const },
      { header: 'Amount', width: 13, align: 'right' as const },
    ];
  }

  private pricedRows(order: ErpOrderRecord): string[][] {
    const rows = order.lines.flatMap((l) => [
      [String(l.lineNo), l.sku, this.productName(l.sku), l.quantity, this.unit(l.sku), new Decimal(l.unitPrice).toFixed(2), new Decimal(l.lineTotal).toFixed(2)],
      // A configured item (P7) is built to the options ordered: they are printed under its line.
      ...configurationRows(l.configuration?.summary),
    ]);
    // The delivery the web shop charged (O12) is part of the order's net amount.
    if (order.delivery) {
      const d = order.delivery;
      const what = [d.method, d.parcels ? `${d.parcels} parcel${d.parcels === 1 ? '' : 's'}` : null, d.pallets ? `${d.pallets} pallet${d.pallets === 1 ? '' : 's'}` : null].filter(Boolean).join(', ');
      rows.push(['', 'DELIVERY', `Delivery${what ? ` (${what})` : ''}`, '1', '', new Decimal(d.charge).toFixed(2), new Decimal(d.charge).toFixed(2)]);
    }
    return rows;
  }

  invoice(inv: ErpInvoiceRecord): PrintedDocument {
    const customer = this.state.get('customers', inv.customerNumber);
    const order = inv.orderNumber ? this.state.get('orders', inv.orderNumber) : undefined;
    const rate = this.taxRate(customer);
    const terms = customer?.paymentTermsDays ?? 30;
    return {
      title: 'Invoice',
      number: inv.invoiceNumber,
      date: new Date(inv.issuedAt),
      seller: SELLER,
      buyer: buyer(customer, inv.customerNumber),
      shipTo: shipTo(customer, order?.deliveryAddressCode),
      facts: [
        ['Invoice date', day(inv.issuedAt)],
        ['Due date', day(inv.dueAt)],
        ['Customer no.', inv.customerNumber],
        ...(inv.orderNumber ? [['Order no.', inv.orderNumber] as [string, string]] : []),
        ...(order?.customerReference ? [['Your reference', order.customerReference] as [string, string]] : []),
        ['Currency', inv.currency],
      ],
      columns: this.pricedColumns(),
      rows: order ? this.pricedRows(order) : [['1', '', `Goods and services as agreed`, '1', '', inv.netTotal, inv.netTotal]],
      totals: [
        ['Net amount', money(inv.netTotal, inv.currency)],
        [`VAT ${rate} %`, money(inv.taxTotal, inv.currency)],
        ['Total due', money(inv.total, inv.currency), true],
      ],
      notes: [
        `Payment terms: ${terms} days net, due ${day(inv.dueAt)}. Please quote ${inv.invoiceNumber} with your payment.`,
        'Bank transfer to IBAN ES91 2100 0418 4502 0005 1332 (BIC CAIXESBBXXX). Late payments bear statutory interest.',
      ],
      footer: FOOTER,
      signature: inv.digitallySigned ? { location: 'Valencia, ES' } : undefined,
    };
  }

  creditNote(note: ErpCreditNote): PrintedDocument {
    const customer = this.state.get('customers', note.customerNumber);
    const order = this.state.get('orders', note.orderNumber);
    const rate = this.taxRate(customer);
    const currency = order?.currency ?? customer?.currency ?? 'EUR';
    const rows = note.lines.map((l, i) => {
      const price = order?.lines.find((o) => o.sku === l.sku)?.unitPrice ?? '0';
      return [String(i + 1), l.sku, this.productName(l.sku), l.quantity, this.unit(l.sku), new Decimal(price).toFixed(2), new Decimal(price).mul(l.quantity).toFixed(2)];
    });
    const net = rows.reduce((sum, r) => sum.plus(r[6]), new Decimal(0));
    const tax = net.mul(rate).div(100).toDecimalPlaces(2);
    return {
      title: 'Credit note',
      number: note.creditNoteNumber,
      date: new Date(note.issuedAt),
      seller: SELLER,
      buyer: buyer(customer, note.customerNumber),
      facts: [['Credit note date', day(note.issuedAt)], ['Customer no.', note.customerNumber], ['Return no.', note.returnNumber], ['Delivery note', note.deliveryNumber], ['Order no.', note.orderNumber]],
      columns: this.pricedColumns(),
      rows,
      totals: [['Net credit', money(net, currency)], [`VAT ${rate} %`, money(tax, currency)], ['Total credited', money(net.plus(tax), currency), true]],
      notes: [`Credit for goods returned (${note.reason}). The amount is set off against your open invoices.`],
      footer: FOOTER,
      signature: customer && signsDocumentsFor(customer.country) ? { location: 'Valencia, ES' } : undefined,
    };
  }

  /** A credit note of the ledger that no return produced (a price correction, a goodwill credit): its totals against the invoice it corrects. */
  ledgerCreditNote(note: ErpCreditNoteRecord): PrintedDocument {
    const customer = this.state.get('customers', note.customerNumber);
    const rate = this.taxRate(customer);
    const what = note.invoiceNumber ? `Credit on invoice ${note.invoiceNumber}` : 'Credit on account';
    return {
      title: 'Credit note',
      number: note.creditNoteNumber,
      date: new Date(note.issuedAt),
      seller: SELLER,
      buyer: buyer(customer, note.customerNumber),
      facts: [['Credit note date', day(note.issuedAt)], ['Customer no.', note.customerNumber], ['Invoice', note.invoiceNumber ?? '-']],
      columns: this.pricedColumns(),
      rows: [['1', '', what, '1', '', new Decimal(note.netTotal).toFixed(2), new Decimal(note.netTotal).toFixed(2)]],
      totals: [['Net credit', money(note.netTotal, note.currency)], [`VAT ${rate} %`, money(note.taxTotal, note.currency)], ['Total credited', money(note.total, note.currency), true]],
      notes: ['The amount is set off against your open invoices.'],
      footer: FOOTER,
      signature: customer && signsDocumentsFor(customer.country) ? { location: 'Valencia, ES' } : undefined,
    };
  }

  deliveryNote(dn: ErpDeliveryNoteRecord): PrintedDocument {
    const customer = this.state.get('customers', dn.customerNumber);
    const order = this.state.get('orders', dn.orderNumber);
    return {
      title: 'Delivery note',
      number: dn.deliveryNumber,
      date: new Date(dn.shippedAt),
      seller: SELLER,
      buyer: buyer(customer, dn.customerNumber),
      shipTo: shipTo(customer, order?.deliveryAddressCode),
      facts: [
        // Printed when the goods leave: nothing that changes later (the delivery itself) is on it.
        ['Shipped', day(dn.shippedAt)],
        ['Order no.', dn.orderNumber],
        ['Carrier', dn.carrier],
        ['Tracking no.', dn.trackingNumber],
      ],
      columns: [
        { header: 'Pos', width: 6 },
        { header: 'Item', width: 16 },
        { header: 'Description', width: 50 },
        { header: 'Qty', width: 12, align: 'right' },
        { header: 'Unit', width: 16 },
      ],
      rows: dn.lines.map((l) => [String(l.lineNo), l.sku, this.productName(l.sku), l.quantity, this.unit(l.sku)]),
      totals: [['Lines', String(dn.lines.length)]],
      notes: ['Please check the goods on arrival and note any damage on the carrier’s receipt. Returns within 12 months quoting this delivery note.'],
      footer: FOOTER,
    };
  }

  orderConfirmation(order: ErpOrderRecord): PrintedDocument {
    const customer = this.state.get('customers', order.customerNumber);
    const rate = this.taxRate(customer);
    const tax = new Decimal(order.total).mul(rate).div(100).toDecimalPlaces(2);
    return {
      title: 'Order confirmation',
      number: order.orderNumber,
      date: new Date(order.placedAt),
      seller: SELLER,
      buyer: buyer(customer, order.customerNumber),
      shipTo: shipTo(customer, order.deliveryAddressCode),
      facts: [
        ['Order date', day(order.placedAt)],
        ['Customer no.', order.customerNumber],
        ...(order.customerReference ? [['Your reference', order.customerReference] as [string, string]] : []),
        ...(order.deliveryDate ? [['Delivery date', order.deliveryDate] as [string, string]] : []),
      ],
      columns: this.pricedColumns(),
      rows: this.pricedRows(order),
      totals: [['Net amount', money(order.total, order.currency)], [`VAT ${rate} %`, money(tax, order.currency)], ['Total', money(new Decimal(order.total).plus(tax), order.currency), true]],
      notes: [`Payment terms: ${customer?.paymentTermsDays ?? 30} days net from the invoice date. Thank you for your order.`],
      footer: FOOTER,
    };
  }
}

/** A configuration's summary as description-only rows of at most about 40 characters, split between its options. */
function configurationRows(summary: string | null | undefined): string[][] {
  if (!summary) return [];
  const rows: string[] = [];
  for (const part of summary.split(', ')) {
    const last = rows.length - 1;
    if (last >= 0 && rows[last].length + part.length + 2 <= 40) rows[last] = `${rows[last]}, ${part}`;
    else rows.push(part);
  }
  return rows.map((text) => ['', '', `  ${text}`, '', '', '', '']);
}
