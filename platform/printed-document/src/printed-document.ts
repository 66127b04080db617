import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';

/** An address block as printed (name first). */
export interface PrintedParty {
  title: string;
  lines: string[];
}

export interface PrintedColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'right';
}

/** A commercial document as the ERP prints it: what goes where, not how it is drawn. */
export interface PrintedDocument {
  /** "Invoice", "Credit note", "Delivery note", "Order confirmation". */
  title: string;
  number: string;
  /** The date the document is of (also its PDF creation date, so a document renders to the same bytes each time). */
  date: Date;
  seller: PrintedParty;
  buyer: PrintedParty;
  /** A second address block beside the buyer's (the delivery address). */
  shipTo?: PrintedParty;
  /** Label and value pairs at the top right: dates, numbers, references. */
  facts: Array<[string, string]>;
  columns: PrintedColumn[];
  rows: string[][];
  /** Label, value and whether it is the grand total (bold). */
  totals: Array<[string, string, boolean?]>;
  /** Paragraphs below the totals: payment terms, bank details, notes. */
  notes: string[];
  /** The seller's legal line in every page's footer. */
  footer: string;
  /**
   * The document is signed digitally (PKCS#7) after layout, by its printer (the demo ERP signs with
   * its certificate): the signing place is printed under the notes.
   */
  signature?: { location: string };
}

/** Who printed the document: the PDF's producer and creator entries. */
export interface DocumentPrinter {
  producer: string;
  creator: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const ROW_HEIGHT = 15;
const FONT_SIZE = 9;
const GREY = rgb(0.42, 0.42, 0.42);
const RULE = rgb(0.75, 0.75, 0.75);

/**
 * DejaVu Sans (from the dejavu-fonts-ttf package) covers Latin Extended, Greek and Cyrillic:
 * "Łódź", "Škoda", "Ferretería" print as such. Embedded as a subset, so a document carries only its glyphs.
 */
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
function fonts(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontFiles;
}

/** Cuts text to a width, with an ellipsis. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Renders the document as PDF bytes (a signed one: see layoutDocument). */
export async function renderDocument(doc: PrintedDocument, printer: DocumentPrinter): Promise<Buffer> {
  return Buffer.from(await (await layoutDocument(doc, printer)).save());
}

/**
 * Lays the document out as a PDF, not yet saved (a printer that signs adds its signature to it):
 * header on the first page, the table over as many pages as it needs, totals and notes at the end.
 */
export async function layoutDocument(doc: PrintedDocument, printer: DocumentPrinter): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(fonts().regular, { subset: true });
  const bold = await pdf.embedFont(fonts().bold, { subset: true });
  pdf.setTitle(`${doc.title} ${doc.number}`);
  pdf.setAuthor(doc.seller.title);
  pdf.setSubject(`${doc.title} ${doc.number} for ${doc.buyer.title}`);
  pdf.setProducer(printer.producer);
  pdf.setCreator(printer.creator);
  pdf.setCreationDate(doc.date);
  pdf.setModificationDate(doc.date);

  const [width, height] = A4;
  const tableWidth = width - 2 * MARGIN;
  const totalShare = doc.columns.reduce((sum, c) => sum + c.width, 0);
  const columnX: number[] = [];
  let x = MARGIN;
  for (const column of doc.columns) {
    columnX.push(x);
    x += (column.width / totalShare) * tableWidth;
  }
  const columnWidth = (i: number) => (doc.columns[i].width / totalShare) * tableWidth;
  const text = (page: PDFPage, value: string, at: { x: number; y: number; size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; right?: number }) => {
    const font = at.font ?? regular;
    const size = at.size ?? FONT_SIZE;
    const drawX = at.right !== undefined ? at.right - font.widthOfTextAtSize(value, size) : at.x;
    page.drawText(value, { x: drawX, y: at.y, size, font, color: at.color ?? rgb(0, 0, 0) });
  };
  const block = (page: PDFPage, party: PrintedParty, left: number, top: number, label?: string): number => {
    let y = top;
    if (label) {
      text(page, label, { x: left, y, size: 7.5, color: GREY });
      y -= 12;
    }
    text(page, party.title, { x: left, y, font: bold, size: 10 });
    y -= 13;
    for (const line of party.lines) {
      text(page, line, { x: left, y });
      y -= 12;
    }
    return y;
  };

  const pages: PDFPage[] = [];
  const tableHeader = (page: PDFPage, top: number): number => {
    page.drawRectangle({ x: MARGIN, y: top - 4, width: tableWidth, height: ROW_HEIGHT + 2, color: rgb(0.93, 0.93, 0.93) });
    doc.columns.forEach((c, i) => {
      const right = c.align === 'right' ? columnX[i] + columnWidth(i) - 4 : undefined;
      text(page, c.header, { x: columnX[i] + 4, y: top, font: bold, size: 8.5, right });
    });
    return top - ROW_HEIGHT - 4;
  };
  const newPage = (): { page: PDFPage; y: number } => {
    const page = pdf.addPage(A4);
    pages.push(page);
    if (pages.length === 1) {
      // Seller at the top left, the document's title and facts at the top right, buyer below.
      block(page, doc.seller, MARGIN, height - MARGIN - 4);
      text(page, doc.title.toUpperCase(), { x: 0, y: height - MARGIN - 6, font: bold, size: 18, right: width - MARGIN });
      text(page, doc.number, { x: 0, y: height - MARGIN - 24, font: bold, size: 11, right: width - MARGIN });
      let fy = height - MARGIN - 44;
      for (const [label, value] of doc.facts) {
        text(page, label, { x: width - MARGIN - 230, y: fy, color: GREY });
        text(page, value, { x: 0, y: fy, right: width - MARGIN });
        fy -= 12;
      }
      const top = Math.min(height - MARGIN - 120, fy - 14);
      const below = block(page, doc.buyer, MARGIN, top, doc.shipTo ? 'BILL TO' : 'CUSTOMER');
      const belowShip = doc.shipTo ? block(page, doc.shipTo, MARGIN + tableWidth / 2, top, 'DELIVER TO') : below;
      return { page, y: tableHeader(page, Math.min(below, belowShip) - 16) };
    }
    text(page, `${doc.title} ${doc.number} (continued)`, { x: MARGIN, y: height - MARGIN - 4, font: bold, size: 10 });
    return { page, y: tableHeader(page, height - MARGIN - 28) };
  };

  const bottom = MARGIN + 36;
  let { page, y } = newPage();
  for (const row of doc.rows) {
    if (y < bottom) ({ page, y } = newPage());
    row.forEach((cell, i) => {
      const c = doc.columns[i];
      const value = fit(cell, regular, FONT_SIZE, columnWidth(i) - 8);
      text(page, value, { x: columnX[i] + 4, y, right: c.align === 'right' ? columnX[i] + columnWidth(i) - 4 : undefined });
    });
    page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: MARGIN + tableWidth, y: y - 4 }, thickness: 0.3, color: RULE });
    y -= ROW_HEIGHT;
  }

  // Totals right-aligned under the table, then the notes; a new page when they do not fit.
  const notesHeight = doc.totals.length * 14 + 20 + doc.notes.length * 12 + 10;
  if (y - notesHeight < bottom) {
    page = pdf.addPage(A4);
    pages.push(page);
    y = height - MARGIN - 20;
  }
  y -= 8;
  for (const [label, value, grand] of doc.totals) {
    const font = grand ? bold : regular;
    text(page, label, { x: MARGIN + tableWidth * 0.55, y, font });
    text(page, value, { x: 0, y, font, right: MARGIN + tableWidth - 4 });
    y -= 14;
  }
  y -= 12;
  for (const note of doc.notes) {
    text(page, fit(note, regular, 8.5, tableWidth), { x: MARGIN, y, size: 8.5 });
    y -= 12;
  }
  if (doc.signature) text(page, `Digitally signed by the seller (${doc.signature.location}); any change to this file voids the signature.`, { x: MARGIN, y: y - 6, size: 8, color: GREY });

  pages.forEach((p, i) => {
    p.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: width - MARGIN, y: MARGIN + 14 }, thickness: 0.5, color: RULE });
    text(p, fit(doc.footer, regular, 7, tableWidth - 80), { x: MARGIN, y: MARGIN, size: 7, color: GREY });
    text(p, `Page ${i + 1} of ${pages.length}`, { x: 0, y: MARGIN, size: 7, color: GREY, right: width - MARGIN });
  });

  return pdf;
}
