import { execFileSync } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadAuthSecrets, verifyFileLink, Viewer } from '@hub/auth';
import { ErpAdapter, ErpDocumentKind, ErpError } from '@hub/erp-contract';
import { FileLinks } from '@hub/subgraph-kit';
import { DocumentStore, StoredDocument } from './document-store';
import { DocumentRecords, DocumentService } from './document.service';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const INVOICE_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const SIGNED_A = 'abababab-abab-4bab-8bab-abababababab';
const INVOICE_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const NOTE_A = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const ORDER = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

const reader: Viewer = { userId: 'u-r', kind: 'CUSTOMER', companyId: A, supplierId: null, permissions: ['invoices.view'] };
const buyer: Viewer = { userId: 'u-b', kind: 'CUSTOMER', companyId: A, supplierId: null, permissions: ['orders.view'] };
const secrets = loadAuthSecrets({ HUB_TOKEN_SECRET: 'a-token-secret-for-the-document-service-spec-1', HUB_GATEWAY_SECRET: 'a-gateway-secret-for-the-document-service-spec' });

async function pdf(pages: number, text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595, 842]).drawText(`${text} page ${i}`, { x: 50, y: 700, size: 12, font });
  return Buffer.from(await doc.save());
}

const textOf = (bytes: Buffer, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-', '-'], { input: bytes }).toString();

class MemoryStore implements DocumentStore {
  readonly rows = new Map<string, StoredDocument>();
  async find(kind: ErpDocumentKind, number: string) {
    return this.rows.get(`${kind}:${number}`) ?? null;
  }
  async keep(d: { kind: ErpDocumentKind; number: string; original: Buffer; digitallySigned: boolean }) {
    if (!this.rows.has(`${d.kind}:${d.number}`)) this.rows.set(`${d.kind}:${d.number}`, { ...d, stamped: null });
  }
  async keepStamped(kind: ErpDocumentKind, number: string, stamped: Buffer) {
    const row = this.rows.get(`${kind}:${number}`)!;
    if (!row.digitallySigned) row.stamped = stamped;
  }
}

async function setup(viewer: Viewer | null, options: { erp?: Partial<ErpAdapter> | null } = {}) {
  const originals: Record<string, Buffer> = {
    'invoice:INV-A': await pdf(3, 'Invoice INV-A'),
    'invoice:INV-S': Buffer.concat([await pdf(1, 'Signed'), Buffer.from('\n% /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 1 2 3]\n')]),
    'deliveryNote:DN-A': await pdf(1, 'Delivery note DN-A'),
    'orderConfirmation:SO-1': await pdf(1, 'Confirmation SO-1'),
    'creditNote:CR-A': await pdf(1, 'Credit note CR-A'),
  };
  const fetchDocument = jest.fn(async (kind: ErpDocumentKind, number: string) => {
    const found = originals[`${kind}:${number}`];
    if (!found) throw new ErpError('VALIDATION', `no ${kind} ${number}`);
    return found;
  });
  const erp = options.erp === null ? null : ({ fetchDocument, ...options.erp } as unknown as ErpAdapter);
  const records: DocumentRecords = {
    invoice: async (id) =>
      ({ [INVOICE_A]: { number: 'INV-A', companyId: A, digitallySigned: false }, [SIGNED_A]: { number: 'INV-S', companyId: A, digitallySigned: false }, [INVOICE_B]: { number: 'INV-B', companyId: B, digitallySigned: false } })[id] ?? null,
    deliveryNote: async (id) => (id === NOTE_A ? { number: 'DN-A', companyId: A } : null),
    creditNote: async (number) => ({ 'CR-A': { number: 'CR-A', companyId: A }, 'CR-B': { number: 'CR-B', companyId: B } })[number] ?? null,
  };
  const store = new MemoryStore();
  const links = new FileLinks('finance', secrets, () => 'http://gateway.example');
  return { service: new DocumentService(viewer, records, store, () => erp, links), store, fetchDocument, originals };
}

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  throw new Error('expected a refusal');
}

describe('DocumentService', () => {
  it('issues links for the viewer naming the document, only with invoices.view', async () => {
    const { service } = await setup(reader);
    const url = await service.linkTo({ k: 'invoice', id: INVOICE_A });
    expect(url).toMatch(/^http:\/\/gateway\.example\/files\/finance\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = await verifyFileLink(url.split('/').pop()!, secrets, { userId: 'u-r', subgraph: 'finance' });
    expect(claims).toMatchObject({ route: 'documents', ref: { k: 'invoice', id: INVOICE_A } });
    expect(await codeOf((await setup(buyer)).service.linkTo({ k: 'invoice', id: INVOICE_A }))).toBe('FORBIDDEN');
    expect(await codeOf((await setup(null)).service.linkTo({ k: 'invoice', id: INVOICE_A }))).toBe('UNAUTHENTICATED');
  });

  it('gives no confirmation link before the ERP has the order, still after the permission check', async () => {
    const { service } = await setup(reader);
    expect(await service.confirmationLink({ id: ORDER, erpNumber: null, companyId: A })).toBeNull();
    expect(await service.confirmationLink({ id: ORDER, erpNumber: 'SO-1', companyId: A })).toMatch(/\/files\/finance\//);
    expect(await codeOf((await setup(buyer)).service.confirmationLink({ id: ORDER, erpNumber: null, companyId: A }))).toBe('FORBIDDEN');
  });

  it('fetches an unsigned original once, keeps it, and serves it stamped DUPLICATE on every page', async () => {
    const { service, store, fetchDocument, originals } = await setup(reader);
    const first = await service.serve({ k: 'invoice', id: INVOICE_A });
    expect(first).toMatchObject({ contentType: 'application/pdf', fileName: 'Invoice INV-A.pdf', disposition: 'inline' });
    const body = first.body as Buffer;
    expect((await PDFDocument.load(body)).getPageCount()).toBe(3);
    for (const page of [1, 2, 3]) {
      expect(textOf(body, page)).toContain('DUPLICATE');
      expect(textOf(body, page)).toContain(`Invoice INV-A page ${page}`);
    }
    expect(store.rows.get('invoice:INV-A')).toMatchObject({ original: originals['invoice:INV-A'], digitallySigned: false, stamped: body });
    const again = await service.serve({ k: 'invoice', id: INVOICE_A });
    expect((again.body as Buffer).equals(body)).toBe(true);
    expect(fetchDocument).toHaveBeenCalledTimes(1);
  });

  it('serves a document with a signature byte for byte, even where the hub record says unsigned, and never stamps it', async () => {
    const { service, store, originals } = await setup(reader);
    const served = await service.serve({ k: 'invoice', id: SIGNED_A });
    expect((served.body as Buffer).equals(originals['invoice:INV-S'])).toBe(true);
    expect(store.rows.get('invoice:INV-S')).toMatchObject({ digitallySigned: true, stamped: null });
  });

  it('serves kept documents while the ERP is down, and UNAVAILABLE for one not kept; NOT_FOUND for one the ERP has not', async () => {
    const { service, store } = await setup(reader);
    await service.serve({ k: 'invoice', id: INVOICE_A });
    const down = new ErpError('TRANSIENT', 'connect ECONNREFUSED');
    const broken = new DocumentService(reader, (service as any).records, store, () => ({ fetchDocument: async () => { throw down; } }) as unknown as ErpAdapter, (service as any).links);
    expect(((await broken.serve({ k: 'invoice', id: INVOICE_A })).body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await codeOf(broken.serve({ k: 'deliveryNote', id: NOTE_A }))).toBe('UNAVAILABLE');
    const noErp = new DocumentService(reader, (service as any).records, store, () => null, (service as any).links);
    expect(await codeOf(noErp.serve({ k: 'deliveryNote', id: NOTE_A }))).toBe('UNAVAILABLE');
    expect(await codeOf(service.serve({ k: 'orderConfirmation', id: ORDER, n: 'SO-404', c: A }))).toBe('NOT_FOUND');
  });

  it("answers NOT_FOUND for another company's documents and malformed references, FORBIDDEN without invoices.view", async () => {
    const { service, fetchDocument } = await setup(reader);
    expect(await codeOf(service.serve({ k: 'invoice', id: INVOICE_B }))).toBe('NOT_FOUND');
    expect(await codeOf(service.serve({ k: 'orderConfirmation', id: ORDER, n: 'SO-1', c: B }))).toBe('NOT_FOUND');
    expect(await codeOf(service.serve({ k: 'invoice', id: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect(await codeOf(service.serve({ k: 'payslip', id: INVOICE_A }))).toBe('NOT_FOUND');
    expect(await codeOf(service.serve('INV-A'))).toBe('NOT_FOUND');
    expect(fetchDocument).not.toHaveBeenCalled();
    expect(await codeOf((await setup(buyer)).service.serve({ k: 'invoice', id: INVOICE_A }))).toBe('FORBIDDEN');
    expect((await service.serve({ k: 'deliveryNote', id: NOTE_A })).fileName).toBe('Delivery note DN-A.pdf');
    expect((await service.serve({ k: 'orderConfirmation', id: ORDER, n: 'SO-1', c: A })).fileName).toBe('Order confirmation SO-1.pdf');
  });

  it('serves credit notes by their number, stamped, and NOT_FOUND for another company\'s or a malformed one', async () => {
    const { service, fetchDocument } = await setup(reader);
    const served = await service.serve({ k: 'creditNote', n: 'CR-A' });
    expect(served.fileName).toBe('Credit note CR-A.pdf');
    expect(textOf(served.body as Buffer, 1)).toContain('DUPLICATE');
    expect(fetchDocument).toHaveBeenCalledWith('creditNote', 'CR-A');
    expect(await codeOf(service.serve({ k: 'creditNote', n: 'CR-B' }))).toBe('NOT_FOUND');
    expect(await codeOf(service.serve({ k: 'creditNote', n: '' }))).toBe('NOT_FOUND');
    expect(await codeOf(service.serve({ k: 'creditNote', n: 'x'.repeat(65) }))).toBe('NOT_FOUND');
    expect(await service.linkTo({ k: 'creditNote', n: 'CR-A' })).toMatch(/\/files\/finance\//);
  });
});
