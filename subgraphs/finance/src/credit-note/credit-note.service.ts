import { EntityManager } from '@mikro-orm/postgresql';
import { canSeeCompany, companyRowsFilter, requirePermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { checkPageSize } from '@hub/subgraph-kit';
import { CreditNoteEntity } from './credit-note.entity';

/** Credit notes are accounting documents: whoever may see the company's invoices sees them. */
export const CREDIT_NOTES_PERMISSION = 'invoices.view';

/** The synced credit notes, each visible to its own company (with invoices.view) and to staff. */
export class CreditNoteService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  /** The viewer's company's credit notes (staff: all), newest first. */
  async list(first: number | null | undefined): Promise<CreditNoteEntity[]> {
    requirePermission(this.viewer, CREDIT_NOTES_PERMISSION);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    const scope = companyRowsFilter(this.viewer);
    if (!scope) return [];
    return this.em.find(CreditNoteEntity, scope, { orderBy: { issuedAt: 'desc', number: 'desc' }, limit });
  }

  async get(number: string): Promise<CreditNoteEntity> {
    requirePermission(this.viewer, CREDIT_NOTES_PERMISSION);
    const trimmed = number.trim();
    if (trimmed === '' || trimmed.length > 64) throw badUserInput('Give a credit note number of 1 to 64 characters.', 'number');
    const note = await this.em.findOne(CreditNoteEntity, { number: trimmed });
    // The same answer for "absent" and "another company's".
    if (!note || !canSeeCompany(this.viewer, note.companyId)) throw notFound('Credit note', trimmed);
    return note;
  }
}
