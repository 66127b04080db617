import { readFileSync } from 'node:fs';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { ExportBranding } from '../export/export-branding';

/** What a return label shows. */
export interface ReturnLabelContent {
  rmaNumber: string;
  deliveryNoteNumber: string;
  /** The sender (the customer company's name as the ERP has it, or its customer number). */
  sender: string;
  lines: ReadonlyArray<{ sku: string; quantity: string }>;
  issuedAt: Date;
  /** The deployment's logo, name (in its colour) and legal footer on the label. */
  branding: ExportBranding;
}

let font: Buffer | null = null;
function dejaVu(): Buffer {
  return (font ??= readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
}

/** The RMA number as a Code 128 barcode (PNG), large enough for a hand scanner or a phone camera. */
export function rmaBarcodePng(rmaNumber: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text: rmaNumber, scale: 3, height: 18, includetext: true, textxalign: 'center', paddingwidth: 10, paddingheight: 6 });
}

/** The return label as a PDF (A6): the deployment's branding, the RMA number in Code 128, where it goes, what is in the parcel. */
export async function renderReturnLabel(content: ReturnLabelContent): Promise<Buffer> {
  const barcode = await rmaBarcodePng(content.rmaNumber);
  const doc = new PDFDocument({ size: 'A6', margin: 20, info: { Title: `Return label ${content.rmaNumber}`, Producer: 'ERP integration hub' } });
  doc.registerFont('body', dejaVu());
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const brand = content.branding;
  if (brand.logo) doc.image(brand.logo, 20, 14, { fit: [60, 20] });
  doc.font('body').fontSize(9).fillColor(brand.primaryColor).text(brand.name, brand.logo ? 86 : 20, 18, { width: doc.page.width - (brand.logo ? 106 : 40), lineBreak: false, ellipsis: true });
  doc.fillColor('black').text('', 20, 40);
  doc.font('body').fontSize(14).text('RETURN', { align: 'center' });
  doc.fontSize(9).text(`RMA ${content.rmaNumber}`, { align: 'center' });
  doc.moveDown(0.5);
  doc.image(barcode, { fit: [257, 90], align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(8).text('To: Returns department, central warehouse');
  doc.text(`From: ${content.sender}`);
  doc.text(`Delivery note: ${content.deliveryNoteNumber}`);
  doc.text(`Issued: ${content.issuedAt.toISOString().slice(0, 10)}`);
  doc.moveDown(0.5);
  for (const line of content.lines.slice(0, 12)) doc.text(`${line.sku}  × ${line.quantity}`);
  if (content.lines.length > 12) doc.text(`… and ${content.lines.length - 12} more lines`);
  if (brand.legalFooter) {
    // Inside the bottom margin, which pdfkit would otherwise answer with a second page.
    doc.page.margins.bottom = 0;
    doc.fontSize(6).text(brand.legalFooter, 20, doc.page.height - 16, { width: doc.page.width - 40, align: 'center', lineBreak: false, ellipsis: true });
  }
  doc.end();
  return done;
}
