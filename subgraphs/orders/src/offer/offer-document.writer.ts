import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { OfferEntity } from './offer.entity';
import { OfferBranding, imageExtension } from './offer-branding';

// DejaVu Sans prints every name of the hub's markets (Łódź, Göteborg); read once.
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function dejaVu(): { regular: Buffer; bold: Buffer } {
  return (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });
}

export interface OfferDocumentImages {
  branding: OfferBranding;
  /** The customer's logo, when the offer names one that could be read. */
  partnerLogo: Buffer | null;
}

const money = (amount: string, currency: string) => `${amount} ${currency}`;

function addressLines(offer: OfferEntity): string[] {
  const p = offer.partner;
  const lines = [p.name];
  if (p.erpNumber) lines.push(`Customer no. ${p.erpNumber}`);
  if (p.address) lines.push(p.address.street, `${p.address.postalCode} ${p.address.city}`, p.address.country);
  const contact = [p.contactName, p.contactEmail, p.contactPhone].filter(Boolean).join(' · ');
  if (contact) lines.push(`Contact: ${contact}`);
  return lines;
}

function termLines(offer: OfferEntity): Array<[string, string]> {
  const t = offer.content.terms;
  return ([['Payment', t.payment], ['Transport', t.transport], ['Validity', t.validity], ['Notes', t.notes]] as Array<[string, string | null]>).filter((e): e is [string, string] => !!e[1]);
}

/** The offer as a one-document PDF (A4): the distributor's branding, the customer's logo, address and contacts, lines, services, totals and terms. */
export function offerPdf(offer: OfferEntity, images: OfferDocumentImages): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Offer ${offer.number}`, Producer: 'ERP integration hub' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = dejaVu();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const c = offer.content;
  const brand = images.branding;
  let y = 40;
  if (brand.logo) doc.image(brand.logo, 40, y, { fit: [90, 36] });
  doc.font('bold').fontSize(14).fillColor(brand.primaryColor).text(brand.name, brand.logo ? 140 : 40, y + 8, { lineBreak: false });
  if (images.partnerLogo) doc.image(images.partnerLogo, 455, y, { fit: [100, 40] });
  doc.fillColor('black');
  y += 56;
  doc.font('bold').fontSize(18).text(`Offer ${offer.number}`, 40, y);
  y += 24;
  doc.font('body').fontSize(9).text(`Version ${offer.version} · valid until ${offer.validUntil}${offer.title ? ` · ${offer.title}` : ''}`, 40, y);
  y += 20;
  doc.font('bold').fontSize(9).text('For', 40, y);
  y += 13;
  doc.font('body');
  for (const line of addressLines(offer)) {
    doc.text(line, 40, y);
    y += 12;
  }
  y += 10;
  const cols: Array<[string, number, number, boolean]> = [['#', 40, 20, false], ['SKU', 62, 80, false], ['Product', 144, 170, false], ['Qty', 316, 40, true], ['Packing', 360, 70, false], ['Unit price', 432, 60, true], ['Total', 494, 60, true]];
  const row = (values: string[], font: 'body' | 'bold') => {
    if (y > 760) {
      doc.addPage();
      y = 40;
    }
    doc.font(font).fontSize(8);
    cols.forEach(([, x, w, right], i) => doc.text(values[i] ?? '', x, y, { width: w, align: right ? 'right' : 'left', lineBreak: false, ellipsis: true }));
    y += 14;
  };
  row(cols.map((col) => col[0]), 'bold');
  for (const l of c.lines) row([String(l.lineNo), l.sku, l.name, l.quantity, l.packing, l.unitPrice, l.lineTotal], 'body');
  row(['', '', 'Goods', '', '', '', money(c.linesTotal, c.currency)], 'bold');
  if (c.services.length) {
    y += 6;
    row(['', 'Service', 'Extra services', 'Qty', '', 'Unit price', 'Total'], 'bold');
    for (const s of c.services) row(['', s.code, s.name, s.quantity, '', s.unitPrice, s.total], 'body');
    row(['', '', 'Services', '', '', '', money(c.servicesTotal, c.currency)], 'bold');
  }
  y += 4;
  row(['', '', 'Total before tax', '', '', '', money(c.total, c.currency)], 'bold');
  y += 10;
  for (const [label, text] of termLines(offer)) {
    doc.font('bold').fontSize(9).text(`${label}:`, 40, y, { continued: true }).font('body').text(` ${text}`, { width: 515 });
    y = doc.y + 4;
  }
  if (brand.legalFooter) doc.font('body').fontSize(7).fillColor('#555555').text(brand.legalFooter, 40, 800, { width: 515, lineBreak: false });
  doc.end();
  return done;
}

/** The offer as a workbook: one sheet with the same parts as the PDF, amounts as numbers with two decimals. */
export async function offerXlsx(offer: OfferEntity, images: OfferDocumentImages): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = images.branding.name;
  const sheet = workbook.addWorksheet(offer.number);
  sheet.columns = [{ width: 6 }, { width: 16 }, { width: 40 }, { width: 10 }, { width: 16 }, { width: 14 }, { width: 14 }];
  const c = offer.content;
  const color = `FF${images.branding.primaryColor.slice(1).toUpperCase()}`;
  const brand = sheet.addRow([images.branding.name]);
  brand.font = { bold: true, size: 14, color: { argb: color } };
  if (images.partnerLogo) {
    const extension = imageExtension(images.partnerLogo);
    if (extension) sheet.addImage(workbook.addImage({ buffer: images.partnerLogo as unknown as ExcelJS.Buffer, extension }), { tl: { col: 5, row: 0 }, ext: { width: 120, height: 40 } });
  }
  sheet.addRow([`Offer ${offer.number}`]).font = { bold: true, size: 16 };
  sheet.addRow([`Version ${offer.version}`, '', `Valid until ${offer.validUntil}`]);
  if (offer.title) sheet.addRow([offer.title]);
  sheet.addRow([]);
  for (const line of addressLines(offer)) sheet.addRow(['', line]);
  sheet.addRow([]);
  sheet.addRow(['#', 'SKU', 'Product', 'Qty', 'Packing', 'Unit price', 'Total']).font = { bold: true };
  const amount = (value: string) => Number(value);
  for (const l of c.lines) sheet.addRow([l.lineNo, l.sku, l.name, amount(l.quantity), l.packing, amount(l.unitPrice), amount(l.lineTotal)]);
  sheet.addRow(['', '', 'Goods', '', '', c.currency, amount(c.linesTotal)]).font = { bold: true };
  if (c.services.length) {
    sheet.addRow(['', 'Service', 'Extra services', 'Qty', '', 'Unit price', 'Total']).font = { bold: true };
    for (const s of c.services) sheet.addRow(['', s.code, s.name, amount(s.quantity), '', amount(s.unitPrice), amount(s.total)]);
    sheet.addRow(['', '', 'Services', '', '', c.currency, amount(c.servicesTotal)]).font = { bold: true };
  }
  sheet.addRow(['', '', 'Total before tax', '', '', c.currency, amount(c.total)]).font = { bold: true };
  sheet.getColumn(6).numFmt = '#,##0.00##';
  sheet.getColumn(7).numFmt = '#,##0.00';
  sheet.addRow([]);
  for (const [label, text] of termLines(offer)) sheet.addRow(['', `${label}:`, text]);
  if (images.branding.legalFooter) {
    sheet.addRow([]);
    sheet.addRow([images.branding.legalFooter]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
