import { canSeeCompany, FileLinkRef, requirePermission, Viewer } from '@hub/auth';
import { ErpAdapter, ErpDocumentKind, ErpError } from '@hub/erp-contract';
import { HubError, notFound, unavailable } from '@hub/errors';
import { FileLinks, isUuid, ServedFile } from '@hub/subgraph-kit';
import { DocumentStore } from './document-store';
import { hasDigitalSignature, stampDuplicate } from './duplicate-stamp';

/** Documents as printed are accounting documents: whoever may see the company's invoices may open them. */
export const DOCUMENTS_PERMISSION = 'invoices.view';
/** The file route the finance subgraph serves documents on. */
export const DOCUMENTS_ROUTE = 'documents';

/** What a document link names (signed into the link, so it cannot be altered). */
export type DocumentRef =
  | { k: 'invoice'; id: string }
  | { k: 'deliveryNote'; id: string }
  /** Credit notes are known by their ERP number. */
  | { k: 'creditNote'; n: string }
  /** Order confirmations: the orders subgraph vouched for the order's ERP number and company when the link was made. */
  | { k: 'orderConfirmation'; id: string; n: string; c: string };

/** A document the viewer may open, as the hub knows it. */
interface VisibleDocument {
  kind: ErpDocumentKind;
  number: string;
  /** The hub's record says it is signed (the ERP's flag); the bytes are checked too. */
  signed: boolean;
  title: string;
}

/** The hub records of documents, with the tenant rule applied; null for another company's or a missing one. */
export interface DocumentRecords {
  invoice(id: string): Promise<{ number: string; companyId: string; digitallySigned: boolean } | null>;
  deliveryNote(id: string): Promise<{ number: string; companyId: string } | null>;
  creditNote(number: string): Promise<{ number: string; companyId: string } | null>;
}

function parseRef(ref: FileLinkRef): DocumentRef | null {
  if (!ref || typeof ref !== 'object' || Array.isArray(ref)) return null;
  const r = ref as Record<string, unknown>;
  if (r.k === 'creditNote') return typeof r.n === 'string' && r.n.length > 0 && r.n.length <= 64 ? { k: 'creditNote', n: r.n } : null;
  if (typeof r.id !== 'string' || !isUuid(r.id)) return null;
  if (r.k === 'invoice' || r.k === 'deliveryNote') return { k: r.k, id: r.id };
  if (r.k === 'orderConfirmation' && typeof r.n === 'string' && typeof r.c === 'string') return { k: r.k, id: r.id, n: r.n, c: r.c };
  return null;
}

/**
 * Links to documents as the ERP printed them, and the documents themselves: the original from the
 * DocumentStore, else from the ERP (then kept); signed ones byte for byte, others stamped "DUPLICATE".
 */
export class DocumentService {
  constructor(
    private readonly viewer: Viewer | null,
    private readonly records: DocumentRecords,
    private readonly store: DocumentStore,
    private readonly erp: () => ErpAdapter | null,
    private readonly links: FileLinks,
  ) {}

  /** A short-lived link to the document for this viewer; FORBIDDEN without invoices.view. */
  async linkTo(ref: DocumentRef): Promise<string> {
    const viewer = requirePermission(this.viewer, DOCUMENTS_PERMISSION);
    return this.links.url(viewer, DOCUMENTS_ROUTE, ref);
  }

  /** An order's confirmation link; null (after the permission check) while the ERP has no number for it. */
  async confirmationLink(order: { id: string; erpNumber: string | null; companyId: string | null }): Promise<string | null> {
    const viewer = requirePermission(this.viewer, DOCUMENTS_PERMISSION);
    if (!order.erpNumber || !order.companyId) return null;
    return this.links.url(viewer, DOCUMENTS_ROUTE, { k: 'orderConfirmation', id: order.id, n: order.erpNumber, c: order.companyId });
  }

  /** The file route: the same permission and tenant rule as the GraphQL fields, checked again at download. */
  async serve(rawRef: FileLinkRef): Promise<ServedFile> {
    requirePermission(this.viewer, DOCUMENTS_PERMISSION);
    const ref = parseRef(rawRef);
    if (!ref) throw notFound('This document');
    const document = await this.visible(ref);
    if (!document) throw notFound('This document');
    const body = await this.bytes(document);
    return { body, contentType: 'application/pdf', fileName: `${document.title} ${document.number}.pdf`, disposition: 'inline' };
  }

  private async visible(ref: DocumentRef): Promise<VisibleDocument | null> {
    if (ref.k === 'invoice') {
      const invoice = await this.records.invoice(ref.id);
      return invoice && canSeeCompany(this.viewer, invoice.companyId) ? { kind: 'invoice', number: invoice.number, signed: invoice.digitallySigned, title: 'Invoice' } : null;
    }
    if (ref.k === 'deliveryNote') {
      const note = await this.records.deliveryNote(ref.id);
      return note && canSeeCompany(this.viewer, note.companyId) ? { kind: 'deliveryNote', number: note.number, signed: false, title: 'Delivery note' } : null;
    }
    if (ref.k === 'creditNote') {
      const note = await this.records.creditNote(ref.n);
      // Signed or not is read from the bytes (the ledger record carries no flag).
      return note && canSeeCompany(this.viewer, note.companyId) ? { kind: 'creditNote', number: note.number, signed: false, title: 'Credit note' } : null;
    }
    return canSeeCompany(this.viewer, ref.c) ? { kind: 'orderConfirmation', number: ref.n, signed: false, title: 'Order confirmation' } : null;
  }

  private async bytes(document: VisibleDocument): Promise<Buffer> {
    let stored = await this.store.find(document.kind, document.number);
    if (!stored) {
      const original = await this.fetchOriginal(document);
      // The ERP's flag, or a signature found in the bytes: a signed file is never altered.
      const digitallySigned = document.signed || hasDigitalSignature(original);
      await this.store.keep({ kind: document.kind, number: document.number, original, digitallySigned });
      stored = { kind: document.kind, number: document.number, original, digitallySigned, stamped: null };
    }
    if (stored.digitallySigned) return stored.original;
    if (stored.stamped) return stored.stamped;
    const stamped = await stampDuplicate(stored.original);
    await this.store.keepStamped(document.kind, document.number, stamped);
    return stamped;
  }

  private async fetchOriginal(document: VisibleDocument): Promise<Buffer> {
    const erp = this.erp();
    const down = () => unavailable(`The ERP cannot be reached and ${document.title.toLowerCase()} ${document.number} has not been kept by the hub yet; try again later.`);
    if (!erp) throw down();
    try {
      return await erp.fetchDocument(document.kind, document.number);
    } catch (error) {
      if (error instanceof ErpError && error.kind === 'VALIDATION') throw new HubError('NOT_FOUND', `The ERP has no printed ${document.title.toLowerCase()} ${document.number}.`);
      if (error instanceof ErpError) throw down();
      throw error;
    }
  }
}
