import { DocumentPrinter, layoutDocument, PrintedDocument } from '@hub/printed-document';
import { signPdf } from './document-signature';

export type { PrintedColumn, PrintedDocument, PrintedParty } from '@hub/printed-document';

const DEMO_ERP_PRINTER: DocumentPrinter = { producer: 'Demo ERP document printer (pdf-lib)', creator: 'Demo ERP' };

/** The demo ERP's documents in the shared layout; those with a signature signed with its certificate. */
export async function renderDocument(doc: PrintedDocument): Promise<Buffer> {
  const pdf = await layoutDocument(doc, DEMO_ERP_PRINTER);
  if (doc.signature) return signPdf(pdf, doc.date, doc.signature.location);
  return Buffer.from(await pdf.save());
}
