import { DEFAULT_FILE_LINK_TTL_SECONDS, FileLinkRef, requirePermission, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { FileLinks, FileRoute, ServedFile } from '@hub/subgraph-kit';
import { exportLanguage, exportLanguageFor, headingsIn } from '../export/export-headings';
import { ExportBranding } from '../export/export-branding';
import { CONTENT_TYPES, ExportFormat, EXTENSIONS } from '../export/export-format';
import { StatementService } from './statement.service';
import { statementPdf, statementXlsx } from './statement-file.writer';

export const STATEMENT_EXPORT_ROUTE = 'statement-exports';

interface StatementRef {
  fmt: ExportFormat;
  lang: string;
  from: string;
  to: string;
  companyId: string | null;
}

const fileNameOf = (r: { from: string; to: string; fmt: ExportFormat }) => `statement-${r.from}-${r.to}.${EXTENSIONS[r.fmt]}`;

/** The statement as a file behind a signed link, by the same mechanism as the invoice list's exports. */
export class StatementExportService {
  constructor(
    private readonly statements: StatementService,
    private readonly links: FileLinks | null,
    private readonly ttlSeconds: number = DEFAULT_FILE_LINK_TTL_SECONDS,
    private readonly now: () => Date = () => new Date(),
    /** The deployment's branding for the file (see export-branding.ts); none: an unbranded file. */
    private readonly branding: () => Promise<ExportBranding | undefined> = async () => undefined,
    /** The viewer's languages (ViewerTexts), for headings when none is asked for. */
    private readonly viewerLanguages: () => Promise<readonly string[]> = async () => [],
  ) {}

  /** Refuses what the statement itself would refuse (bad period, another company) before a link exists. */
  async issue(viewer: Viewer, from: string, to: string, companyId: string | null | undefined, format: ExportFormat, language: string | null | undefined) {
    const lang = await exportLanguageFor(language, this.viewerLanguages);
    await this.statements.check(viewer, from, to, companyId);
    if (!this.links) throw new Error('File links are not configured in this process.');
    const ref: StatementRef = { fmt: format, lang, from, to, companyId: companyId ?? null };
    const url = await this.links.url(viewer, STATEMENT_EXPORT_ROUTE, ref as unknown as FileLinkRef);
    return { url, fileName: fileNameOf(ref), format, expiresAt: new Date(this.now().getTime() + this.ttlSeconds * 1000) };
  }

  /** Reads the statement again as the user opening the link (permission and tenant checked again). */
  async serve(viewer: Viewer | null, ref: FileLinkRef): Promise<ServedFile> {
    const v = requirePermission(viewer, 'invoices.view');
    const r = ref as unknown as StatementRef;
    if (!r || typeof r !== 'object' || !Object.values(ExportFormat).includes(r.fmt) || typeof r.from !== 'string' || typeof r.to !== 'string') {
      throw badUserInput('This export link is not valid.');
    }
    const statement = await this.statements.statement(v, r.from, r.to, r.companyId);
    const headings = headingsIn(exportLanguage(r.lang));
    const branding = await this.branding();
    return {
      body: r.fmt === ExportFormat.PDF ? statementPdf(statement, headings, branding) : statementXlsx(statement, headings, branding),
      contentType: CONTENT_TYPES[r.fmt],
      fileName: fileNameOf(r),
      disposition: 'attachment',
    };
  }
}

export const statementExportRoute: FileRoute<any> = {
  name: STATEMENT_EXPORT_ROUTE,
  serve: (ref, context) => context.services.statementExports.serve(context.viewer, ref),
};
