import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { ExportBranding } from './export-branding';

// DejaVu Sans prints every name of the hub's markets (Łódź, Ferretería, Göteborg); read once.
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function dejaVu(): { regular: Buffer; bold: Buffer } {
  return (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });
}

const MARGIN = 36;

/**
 * pdfkit's openImage (missing from its type definitions): an image opened once and drawn on many
 * pages is embedded once, where drawing the Buffer each time would embed it again on every page.
 * Typed as the Buffer image() takes (the opened image is accepted there too).
 */
export function openImage(doc: PDFKit.PDFDocument, bytes: Buffer): Buffer {
  return (doc as unknown as { openImage(src: Buffer): Buffer }).openImage(bytes);
}
const ROW = 14;
const LOGO_WIDTH = 56;

export interface PdfColumn {
  header: string;
  width: number;
  right?: boolean;
}

export interface PdfRow {
  cells: string[];
  bold?: boolean;
}

/**
 * A table as a PDF on A4 landscape, drawn while its rows arrive: pdfkit writes each finished page
 * to its stream, so memory holds the page being drawn, not the document. The title, a subtitle and
 * the column headings repeat on every page, with the page number.
 */
export function pdfTable(
  options: { title: string; subtitle: string; pageLabel: string; columns: readonly PdfColumn[]; branding?: ExportBranding },
  rows: AsyncIterable<PdfRow[]>,
): Readable {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: options.title, Producer: 'ERP integration hub' } });
  const { regular, bold } = dejaVu();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const xs: number[] = [];
  let x = MARGIN;
  for (const c of options.columns) {
    xs.push(x);
    x += c.width + 4;
  }
  // Opened once: pdfkit then embeds the logo once and refers to it from every page.
  const logo = options.branding?.logo ? openImage(doc, options.branding.logo) : null;
  let page = 0;
  let y = 0;
  const cells = (values: readonly string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(8);
    options.columns.forEach((c, i) => {
      const text = values[i];
      if (text) doc.text(text, xs[i], y, { width: c.width, align: c.right ? 'right' : 'left', lineBreak: false, ellipsis: true });
    });
    y += ROW;
  };
  const header = () => {
    page++;
    y = MARGIN;
    const brand = options.branding;
    if (brand) {
      // The deployment's logo and name in its colour above the title, its legal footer at the foot of every page.
      if (logo) doc.image(logo, MARGIN, y - 2, { fit: [LOGO_WIDTH, 14] });
      doc.font('bold').fontSize(10).fillColor(brand.primaryColor).text(brand.name, logo ? MARGIN + LOGO_WIDTH + 6 : MARGIN, y, { lineBreak: false });
      doc.fillColor('black');
      if (brand.legalFooter) {
        // Written inside the bottom margin, which pdfkit would otherwise answer with a new page.
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.font('body').fontSize(7).text(brand.legalFooter, MARGIN, doc.page.height - MARGIN + 8, { width: doc.page.width - 2 * MARGIN, lineBreak: false, ellipsis: true });
        doc.page.margins.bottom = bottom;
      }
      y += 14;
    }
    doc.font('bold').fontSize(14).text(options.title, MARGIN, y, { lineBreak: false });
    doc.font('body').fontSize(8).text(`${options.subtitle} · ${options.pageLabel} ${page}`, 400, y + 4, { width: doc.page.width - MARGIN - 400, align: 'right', lineBreak: false });
    y += 26;
    cells(options.columns.map((c) => c.header), 'bold');
    doc.moveTo(MARGIN, y - 3).lineTo(doc.page.width - MARGIN, y - 3).lineWidth(0.5).stroke();
  };
  header();
  (async () => {
    for await (const batch of rows) {
      for (const row of batch) {
        if (y > doc.page.height - MARGIN - ROW) {
          doc.addPage();
          header();
        }
        cells(row.cells, row.bold ? 'bold' : 'body');
      }
      // Let the finished pages flow out before the next batch is read.
      await new Promise((resolve) => setImmediate(resolve));
    }
    doc.end();
  })().catch((error) => doc.destroy(error));
  return doc;
}
