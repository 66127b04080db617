import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { Decimal, formatAmount } from '@hub/money';
import { InvoiceRow } from '../invoice/invoice.repository';
import { isoDay } from '../period/day.inputs';
import { ExportHeadings } from './export-headings';

// DejaVu Sans prints every name of the hub's markets (Łódź, Ferretería, Göteborg); read once.
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function dejaVu(): { regular: Buffer; bold: Buffer } {
  return (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });
}

const MARGIN = 36;
const ROW = 14;
/** Column x positions and widths on A4 landscape (842 × 595 pt); amounts right-aligned. */
const COLUMNS: Array<{ key: keyof ExportHeadings; x: number; width: number; right?: boolean }> = [
  { key: 'number', x: 36, width: 90 },
  { key: 'issued', x: 130, width: 70 },
  { key: 'due', x: 204, width: 70 },
  { key: 'order', x: 278, width: 90 },
  { key: 'status', x: 372, width: 70 },
  { key: 'net', x: 446, width: 80, right: true },
  { key: 'tax', x: 530, width: 70, right: true },
  { key: 'total', x: 604, width: 80, right: true },
  { key: 'open', x: 688, width: 80, right: true },
  { key: 'currency', x: 772, width: 34 },
];

/**
 * The invoice list as a PDF table, drawn while the rows are read: pdfkit writes each finished page
 * to its stream, so memory holds the page being drawn, not the document. Headings on every page,
 * totals per currency at the end.
 */
export function invoicesPdf(batches: AsyncIterable<InvoiceRow[]>, h: ExportHeadings, generatedAt: Date): Readable {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: h.title, Producer: 'ERP integration hub' } });
  const { regular, bold } = dejaVu();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  let page = 0;
  let y = 0;
  const bottom = () => doc.page.height - MARGIN - ROW;
  const cells = (values: Partial<Record<keyof ExportHeadings, string>>, font: 'body' | 'bold') => {
    doc.font(font).fontSize(8);
    for (const c of COLUMNS) {
      const text = values[c.key];
      if (text) doc.text(text, c.x, y, { width: c.width, align: c.right ? 'right' : 'left', lineBreak: false, ellipsis: true });
    }
    y += ROW;
  };
  const header = () => {
    page++;
    y = MARGIN;
    doc.font('bold').fontSize(14).text(h.title, MARGIN, y, { lineBreak: false });
    doc.font('body').fontSize(8).text(`${h.generated} ${isoDay(generatedAt)} · ${h.page} ${page}`, 600, y + 4, { width: 206, align: 'right', lineBreak: false });
    y += 26;
    cells(Object.fromEntries(COLUMNS.map((c) => [c.key, h[c.key] as string])), 'bold');
    doc.moveTo(MARGIN, y - 3).lineTo(doc.page.width - MARGIN, y - 3).lineWidth(0.5).stroke();
  };
  const line = (values: Partial<Record<keyof ExportHeadings, string>>, font: 'body' | 'bold' = 'body') => {
    if (y > bottom()) {
      doc.addPage();
      header();
    }
    cells(values, font);
  };
  header();
  (async () => {
    const totals = new Map<string, { total: Decimal; open: Decimal }>();
    for await (const batch of batches) {
      for (const r of batch) {
        const money = (v: string | null) => (v === null ? '' : formatAmount(new Decimal(v), r.currency));
        line({
          number: r.number, issued: isoDay(r.issuedAt), due: isoDay(r.dueAt), order: r.orderNumber ?? '', status: h.statuses[r.status],
          net: money(r.netTotal), tax: money(r.taxTotal), total: money(r.total), open: money(r.openAmount), currency: r.currency,
        });
        const t = totals.get(r.currency) ?? { total: new Decimal(0), open: new Decimal(0) };
        t.total = t.total.plus(r.total);
        t.open = t.open.plus(r.openAmount ?? 0);
        totals.set(r.currency, t);
      }
      // Let the finished pages flow out before the next batch is read.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const [currency, t] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
      line({ number: h.totals, total: formatAmount(t.total, currency), open: formatAmount(t.open, currency), currency }, 'bold');
    }
    doc.end();
  })().catch((error) => doc.destroy(error));
  return doc;
}
