import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Decimal, formatAmount } from '@hub/money';
import { ExportHeadings } from '../export/export-headings';
import { pdfTable, PdfRow } from '../export/pdf-table.writer';
import { ExportBranding } from '../export/export-branding';
import { appendBrandingRows } from '../export/xlsx-branding.writer';
import { isoDay } from '../period/day.inputs';
import { Statement } from './statement.service';

const AMOUNT = '#,##0.00';

/** Per currency: the opening balance, every movement with its running balance, the closing balance; the branding below. */
export function statementXlsx(s: Statement, h: ExportHeadings, branding?: ExportBranding): Readable {
  const t = h.statement;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t.title);
  sheet.columns = [
    { header: t.date, key: 'date', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: t.kind, key: 'kind', width: 14 },
    { header: t.document, key: 'document', width: 18 },
    { header: t.invoice, key: 'invoice', width: 16 },
    { header: t.amount, key: 'amount', width: 14, style: { numFmt: AMOUNT } },
    { header: t.balance, key: 'balance', width: 14, style: { numFmt: AMOUNT } },
    { header: h.currency, key: 'currency', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for (const a of s.accounts) {
      const opening = sheet.addRow({ date: new Date(`${s.from}T00:00:00Z`), kind: t.opening, balance: a.opening.toNumber(), currency: a.currency });
      opening.font = { bold: true };
      opening.commit();
      for (const m of a.lines) {
        sheet.addRow({ date: m.at, kind: t.kinds[m.kind], document: m.documentNumber, invoice: m.invoiceNumber, amount: Number(m.amount), balance: m.balance.toNumber(), currency: a.currency }).commit();
      }
      const closing = sheet.addRow({ date: new Date(`${s.to}T00:00:00Z`), kind: t.closing, balance: a.closing.toNumber(), currency: a.currency });
      closing.font = { bold: true };
      closing.commit();
    }
    if (branding) appendBrandingRows(sheet, branding);
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}

export function statementPdf(s: Statement, h: ExportHeadings, branding?: ExportBranding): Readable {
  const t = h.statement;
  async function* rows(): AsyncGenerator<PdfRow[]> {
    for (const a of s.accounts) {
      const m = (v: Parameters<typeof formatAmount>[0]) => formatAmount(v, a.currency);
      yield [{ cells: [s.from, t.opening, '', '', '', m(a.opening), a.currency], bold: true }];
      yield a.lines.map((l) => ({ cells: [isoDay(l.at), t.kinds[l.kind], l.documentNumber, l.invoiceNumber ?? '', m(new Decimal(l.amount)), m(l.balance), a.currency] }));
      yield [{ cells: [s.to, t.closing, '', '', '', m(a.closing), a.currency], bold: true }];
    }
  }
  return pdfTable(
    {
      title: t.title,
      subtitle: `${s.from} – ${s.to}`,
      pageLabel: h.page,
      branding,
      columns: [
        { header: t.date, width: 70 }, { header: t.kind, width: 100 }, { header: t.document, width: 120 }, { header: t.invoice, width: 110 },
        { header: t.amount, width: 100, right: true }, { header: t.balance, width: 100, right: true }, { header: h.currency, width: 50 },
      ],
    },
    rows(),
  );
}
