import { Readable } from 'node:stream';
import { Decimal, formatAmount } from '@hub/money';
import { InvoiceRow } from '../invoice/invoice.repository';
import { isoDay } from '../period/day.inputs';
import { ExportHeadings } from '../export/export-headings';
import { pdfTable, PdfRow } from '../export/pdf-table.writer';
import { ExportBranding } from '../export/export-branding';

/** The invoice list as a PDF table, drawn while the rows are read, with totals per currency at the end. */
export function invoicesPdf(batches: AsyncIterable<InvoiceRow[]>, h: ExportHeadings, generatedAt: Date, branding?: ExportBranding): Readable {
  async function* rows(): AsyncGenerator<PdfRow[]> {
    const totals = new Map<string, { total: Decimal; open: Decimal }>();
    for await (const batch of batches) {
      yield batch.map((r) => {
        const money = (v: string | null) => (v === null ? '' : formatAmount(new Decimal(v), r.currency));
        const t = totals.get(r.currency) ?? { total: new Decimal(0), open: new Decimal(0) };
        t.total = t.total.plus(r.total);
        t.open = t.open.plus(r.openAmount ?? 0);
        totals.set(r.currency, t);
        return { cells: [r.number, isoDay(r.issuedAt), isoDay(r.dueAt), r.orderNumber ?? '', h.statuses[r.status], money(r.netTotal), money(r.taxTotal), money(r.total), money(r.openAmount), r.currency] };
      });
    }
    yield [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, t]) => ({ cells: [h.totals, '', '', '', '', '', '', formatAmount(t.total, currency), formatAmount(t.open, currency), currency], bold: true }));
  }
  return pdfTable(
    {
      title: h.title,
      subtitle: `${h.generated} ${isoDay(generatedAt)}`,
      pageLabel: h.page,
      branding,
      columns: [
        { header: h.number, width: 90 }, { header: h.issued, width: 70 }, { header: h.due, width: 70 }, { header: h.order, width: 90 }, { header: h.status, width: 70 },
        { header: h.net, width: 80, right: true }, { header: h.tax, width: 70, right: true }, { header: h.total, width: 80, right: true }, { header: h.open, width: 80, right: true },
        { header: h.currency, width: 34 },
      ],
    },
    rows(),
  );
}
