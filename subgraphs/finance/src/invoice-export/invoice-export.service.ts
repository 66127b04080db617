import { Readable } from 'node:stream';
import { requirePermission, Viewer, DEFAULT_FILE_LINK_TTL_SECONDS, FileLinkRef } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { Decimal } from '@hub/money';
import { FileLinks, FileRoute, ServedFile } from '@hub/subgraph-kit';
import { EntityManager } from '@mikro-orm/postgresql';
import { isoDay } from '../period/day.inputs';
import { InvoiceFilterInput, InvoiceSortField, InvoiceSortInput, SortDirectionEnum } from '../invoice/invoice.inputs';
import { InvoiceRepository } from '../invoice/invoice.repository';
import { invoiceQueryOf } from '../invoice/invoice.service';
import { InvoiceStatus } from '../invoice/invoice-status';
import { exportLanguage, ExportHeadings, ExportLanguage, exportLanguageFor, headingsIn } from '../export/export-headings';
import { CONTENT_TYPES, ExportFormat, EXTENSIONS } from '../export/export-format';
import { invoicesPdf } from './invoice-pdf.writer';
import { ExportBranding } from '../export/export-branding';
import { invoicesXlsx } from './invoice-xlsx.writer';

export const INVOICE_EXPORT_ROUTE = 'invoice-exports';
/**
 * Rows read per statement while a file is written: bounds memory whatever the list's length. Small
 * on purpose: the rows of a batch outlive the young-generation collections while it is written, and
 * what survives them is what makes V8 grow its young generation (up to the hub's 64 MiB semi-spaces).
 */
export const EXPORT_BATCH_SIZE = 250;

/** What an export link names: the request itself (filter, sort, format, language); the file is built when it is opened. */
interface ExportRef {
  fmt: ExportFormat;
  lang: ExportLanguage;
  filter: { [K in keyof InvoiceFilterInput]?: string | null };
  sort: { field: InvoiceSortField; direction: keyof typeof SortDirectionEnum };
}

function refOf(filter: InvoiceFilterInput | null | undefined, sort: InvoiceSortInput | null | undefined, format: ExportFormat, language: ExportLanguage): ExportRef {
  const f = filter ?? {};
  const text = (v: Decimal | string | null | undefined) => (v === null || v === undefined ? null : v.toString());
  return {
    fmt: format,
    lang: language,
    filter: {
      issuedFrom: f.issuedFrom ?? null, issuedTo: f.issuedTo ?? null, status: f.status ?? null, minTotal: text(f.minTotal), maxTotal: text(f.maxTotal),
      orderId: f.orderId ?? null, companyId: f.companyId ?? null,
    },
    sort: { field: sort?.field ?? InvoiceSortField.ISSUED_AT, direction: sort?.direction ?? 'DESC' },
  };
}

/** The filter and sort back from a link (signed by this hub, yet read as carefully as client input). */
function requestOf(ref: FileLinkRef): { filter: InvoiceFilterInput; sort: InvoiceSortInput; format: ExportFormat; language: ExportLanguage } {
  const r = ref as unknown as ExportRef;
  if (!r || typeof r !== 'object' || !Object.values(ExportFormat).includes(r.fmt) || typeof r.filter !== 'object' || typeof r.sort !== 'object') {
    throw badUserInput('This export link is not valid.');
  }
  const f = r.filter;
  const decimal = (v: string | null | undefined) => (typeof v === 'string' ? new Decimal(v) : null);
  const filter = Object.assign(new InvoiceFilterInput(), {
    issuedFrom: f.issuedFrom, issuedTo: f.issuedTo, status: Object.values(InvoiceStatus).includes(f.status as InvoiceStatus) ? (f.status as InvoiceStatus) : null,
    minTotal: decimal(f.minTotal), maxTotal: decimal(f.maxTotal), orderId: f.orderId, companyId: f.companyId,
  });
  const field = Object.values(InvoiceSortField).includes(r.sort.field) ? r.sort.field : InvoiceSortField.ISSUED_AT;
  const sort = Object.assign(new InvoiceSortInput(), { field, direction: r.sort.direction === 'ASC' ? 'ASC' : 'DESC' });
  return { filter, sort, format: r.fmt, language: exportLanguage(r.lang) };
}

const fileNameOf = (format: ExportFormat, at: Date) => `invoices-${isoDay(at)}.${EXTENSIONS[format]}`;

export class InvoiceExportService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: FileLinks | null,
    private readonly ttlSeconds: number = DEFAULT_FILE_LINK_TTL_SECONDS,
    private readonly now: () => Date = () => new Date(),
    /** The deployment's branding for the file (see export-branding.ts); none: an unbranded file. */
    private readonly branding: () => Promise<ExportBranding | undefined> = async () => undefined,
    /** The viewer's languages (ViewerTexts), for headings when none is asked for. */
    private readonly viewerLanguages: () => Promise<readonly string[]> = async () => [],
    /** Staff's texts of invoice statuses (hub texts, INVOICE_STATUS): key → language → text. */
    private readonly statusTexts: () => Promise<ReadonlyMap<string, ReadonlyMap<string, string>>> = async () => new Map(),
  ) {}

  /** A link to the filtered list as a file; bad input is refused now, before any link exists. */
  async issue(
    viewer: Viewer, filter: InvoiceFilterInput | null | undefined, sort: InvoiceSortInput | null | undefined, format: ExportFormat, language: string | null | undefined,
  ): Promise<{ url: string; fileName: string; format: ExportFormat; expiresAt: Date }> {
    const lang = await exportLanguageFor(language, this.viewerLanguages);
    invoiceQueryOf(viewer, filter, sort);
    if (!this.links) throw new Error('File links are not configured in this process.');
    const at = this.now();
    const url = await this.links.url(viewer, INVOICE_EXPORT_ROUTE, refOf(filter, sort, format, lang) as unknown as FileLinkRef);
    return { url, fileName: fileNameOf(format, at), format, expiresAt: new Date(at.getTime() + this.ttlSeconds * 1000) };
  }

  /** The headings in `language`, the status column as staff worded it there (the same label as Invoice.statusLabel). */
  private async headingsWithStatusTexts(language: ExportLanguage): Promise<ExportHeadings> {
    const headings = headingsIn(language);
    const texts = await this.statusTexts();
    const statuses = { ...headings.statuses };
    for (const status of Object.values(InvoiceStatus)) statuses[status] = texts.get(status)?.get(language) ?? statuses[status];
    return { ...headings, statuses };
  }

  /** The file behind a link, built as it is sent: the permission and tenant are checked again for the user opening it. */
  async serve(viewer: Viewer | null, ref: FileLinkRef): Promise<ServedFile> {
    const v = requirePermission(viewer, 'invoices.view');
    const request = requestOf(ref);
    const query = invoiceQueryOf(v, request.filter, request.sort);
    const branding = await this.branding();
    const batches = new InvoiceRepository(this.em).all(query, EXPORT_BATCH_SIZE);
    const headings = await this.headingsWithStatusTexts(request.language);
    const at = this.now();
    const body: Readable = request.format === ExportFormat.PDF ? invoicesPdf(batches, headings, at, branding) : invoicesXlsx(batches, headings, branding);
    return {
      body,
      contentType: CONTENT_TYPES[request.format],
      fileName: fileNameOf(request.format, at),
      disposition: 'attachment',
    };
  }
}

/** The finance subgraph's export downloads (GET /files/finance/<token> on the gateway). */
export const invoiceExportRoute: FileRoute<any> = {
  name: INVOICE_EXPORT_ROUTE,
  async serve(ref, context) {
    return context.services.invoiceExports.serve(context.viewer, ref);
  },
};
