import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/** A document carries a digital signature when it has a signature dictionary with signed byte ranges. */
export function hasDigitalSignature(pdf: Buffer): boolean {
  return pdf.includes('/ByteRange') && (pdf.includes('/adbe.pkcs7') || pdf.includes('/ETSI.CAdES') || pdf.includes('/Type /Sig'));
}

/**
 * The ERP's original with "DUPLICATE" drawn over every page, diagonally and semi-transparent, and
 * a line at the top saying what it is. The pages themselves are kept as printed (not redrawn).
 */
export async function stampDuplicate(original: Buffer): Promise<Buffer> {
  const pdf = await PDFDocument.load(original, { updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const red = rgb(0.78, 0.1, 0.1);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.min(width, height) / 6.5;
    const textWidth = font.widthOfTextAtSize('DUPLICATE', size);
    // Centred along the diagonal: start left of centre by half the text's length, rotated 45°.
    const angle = Math.PI / 4;
    const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3;
    const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3;
    page.drawText('DUPLICATE', { x, y, size, font, color: red, opacity: 0.22, rotate: degrees(45) });
    page.drawText('DUPLICATE - copy of the original document', { x: 48, y: height - 24, size: 8, font, color: red });
  }
  return Buffer.from(await pdf.save());
}
