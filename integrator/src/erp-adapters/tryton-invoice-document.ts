import Decimal from 'decimal.js';
import { DocumentPrinter, PrintedDocument } from '@hub/printed-document';

/** The hub prints a Tryton invoice when Tryton's report gives no PDF (its ODT without LibreOffice). */
export const TRYTON_PRINTER: DocumentPrinter = { producer: 'ERP integration hub document printer (pdf-lib)', creator: 'Tryton 6.0 via the ERP integration hub' };

/** A posted Tryton customer invoice or credit note as read for printing; amounts are Tryton's decimal strings (negative on a credit note). */
export interface TrytonInvoicePrintout {
  number: string;
  creditNote: boolean;
  /** YYYY-MM-DD */
  issuedOn: string;
  dueOn: string;
  currency: string;
  customerNumber: string;
  customerName: string;
  customerAddress: string[];
  sellerName: string;
  sellerAddress: string[];
  orderNumber: string | null;
  description: string | null;
  paymentTerm: string | null;
  paid: boolean;
  amountToPay: string;
  lines: Array<{ sku: string; description: string; quantity: string; unit: string; unitPrice: string; amount: string }>;
  taxes: Array<{ description: string; amount: string }>;
  untaxedAmount: string;
  taxAmount: string;
  totalAmount: string;
}

const money = (value: Decimal.Value, currency: string) => `${new Decimal(value).toFixed(2)} ${currency}`;
/** A credit note prints its amounts positive (it is titled a credit note). */
const shown = (value: string, creditNote: boolean) => (creditNote ? new Decimal(value).neg() : new Decimal(value));

/** The invoice in the layout the demo ERP prints its own in: the same blocks, columns and totals. */
export function trytonInvoiceDocument(invoice: TrytonInvoicePrintout): PrintedDocument {
  const c = invoice.creditNote;
  const title = c ? 'Credit note' : 'Invoice';
  return {
    title,
    number: invoice.number,
    date: new Date(`${invoice.issuedOn}T00:00:00.000Z`),
    seller: { title: invoice.sellerName, lines: invoice.sellerAddress },
    buyer: { title: invoice.customerName, lines: [...invoice.customerAddress, `Customer no. ${invoice.customerNumber}`] },
    facts: [
      [`${title} date`, invoice.issuedOn],
      ...(c ? [] : [['Due date', invoice.dueOn] as [string, string]]),
      ['Customer no.', invoice.customerNumber],
      ...(invoice.orderNumber ? [['Order no.', invoice.orderNumber] as [string, string]] : []),
      ...(invoice.description ? [['Reference', invoice.description] as [string, string]] : []),
      ['Currency', invoice.currency],
    ],
    columns: [
      { header: 'Pos', width: 5 },
      { header: 'Item', width: 14 },
      { header: 'Description', width: 37 },
      { header: 'Qty', width: 8, align: 'right' },
      { header: 'Unit', width: 11 },
      { header: 'Unit price', width: 12, align: 'right' },
      { header: 'Amount', width: 13, align: 'right' },
    ],
    rows: invoice.lines.map((l, i) => [
      String(i + 1), l.sku, l.description, shown(l.quantity, c).toString(), l.unit, new Decimal(l.unitPrice).toFixed(2), shown(l.amount, c).toFixed(2),
    ]),
    totals: [
      ['Net amount', money(shown(invoice.untaxedAmount, c), invoice.currency)],
      ...invoice.taxes.map((t): [string, string] => [t.description, money(shown(t.amount, c), invoice.currency)]),
      [c ? 'Total credited' : 'Total due', money(shown(invoice.totalAmount, c), invoice.currency), true],
    ],
    notes: c
      ? ['This credit note reduces what you owe; it is set off against your open invoices.']
      : [
          invoice.paid
            ? 'Paid in full. Thank you.'
            : `Payment terms: ${invoice.paymentTerm ?? 'as agreed'}, due ${invoice.dueOn}; ${money(invoice.amountToPay, invoice.currency)} to pay. Please quote ${invoice.number} with your payment.`,
        ],
    footer: `${invoice.sellerName} · printed by the ERP integration hub from Tryton's posted ${title.toLowerCase()}`,
  };
}
