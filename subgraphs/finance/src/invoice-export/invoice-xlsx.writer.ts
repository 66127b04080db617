import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Decimal } from '@hub/money';
import { InvoiceRow } from '../invoice/invoice.repository';
import { ExportHeadings } from '../export/export-headings';
import { ExportBranding } from '../export/export-branding';
import { appendBrandingRows } from '../export/xlsx-branding.writer';

const AMOUNT = '#,##0.00';

/**
 * The invoice list as an XLSX workbook, written while the rows are read: exceljs's streaming
 * writer commits each row, so memory holds a batch of rows and the zip's buffers, not the sheet.
 * Amounts are numeric cells (Excel keeps doubles; cents are exact below 2^53), with totals per currency.
 */
export function invoicesXlsx(batches: AsyncIterable<InvoiceRow[]>, h: ExportHeadings, branding?: ExportBranding): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(h.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: h.number, key: 'number', width: 16 },
    { header: h.issued, key: 'issued', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: h.due, key: 'due', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: h.order, key: 'order', width: 14 },
    { header: h.status, key: 'status', width: 12 },
    { header: h.net, key: 'net', width: 14, style: { numFmt: AMOUNT } },
    { header: h.tax, key: 'tax', width: 12, style: { numFmt: AMOUNT } },
    { header: h.total, key: 'total', width: 14, style: { numFmt: AMOUNT } },
    { header: h.open, key: 'open', width: 14, style: { numFmt: AMOUNT } },
    { header: h.currency, key: 'currency', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const num = (v: string | null) => (v === null ? null : Number(v));
  (async () => {
    const totals = new Map<string, { total: Decimal; open: Decimal }>();
    for await (const batch of batches) {
      for (const r of batch) {
        sheet
          .addRow({
            number: r.number, issued: r.issuedAt, due: r.dueAt, order: r.orderNumber, status: h.statuses[r.status], net: num(r.netTotal), tax: num(r.taxTotal),
            total: num(r.total), open: num(r.openAmount), currency: r.currency,
          })
          .commit();
        const t = totals.get(r.currency) ?? { total: new Decimal(0), open: new Decimal(0) };
        t.total = t.total.plus(r.total);
        t.open = t.open.plus(r.openAmount ?? 0);
        totals.set(r.currency, t);
      }
    }
    for (const [currency, t] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
      const row = sheet.addRow({ number: h.totals, total: t.total.toNumber(), open: t.open.toNumber(), currency });
      row.font = { bold: true };
      row.commit();
    }
    if (branding) appendBrandingRows(sheet, branding);
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}
