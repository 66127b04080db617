import { canSeeCompany, requireStaff, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { CustomersContext } from '../context';
import { CompanyEntity } from './company.entity';
import { companyFieldOwnership, CONFIGURABLE_COMPANY_FIELDS } from './company-field-ownership';
import { FieldOwnershipObject, FieldOwnerValue } from './company-field-ownership.object';

export class CompanyService {
  constructor(private readonly ctx: CustomersContext) {}

  /** The company if the viewer may see it; null otherwise (used by references, which must not leak). */
  async findVisible(viewer: Viewer | null, id: string): Promise<CompanyEntity | null> {
    if (!isUuid(id) || !canSeeCompany(viewer, id)) return null;
    return this.ctx.loaders.companyById.load(id);
  }

  async getVisible(viewer: Viewer, id: string): Promise<CompanyEntity> {
    if (!isUuid(id)) throw badUserInput('Company id must be a UUID.', 'id');
    const company = await this.findVisible(viewer, id);
    // The same answer for "absent" and "someone else's": ids of other tenants are not confirmed.
    if (!company) throw notFound('Company', id);
    return company;
  }

  async listAll(viewer: Viewer): Promise<CompanyEntity[]> {
    requireStaff(viewer);
    return this.ctx.em.find(CompanyEntity, {}, { orderBy: { name: 'asc' } });
  }

  /** This deployment's field ownership, for staff. */
  fieldOwnership(viewer: Viewer): FieldOwnershipObject[] {
    requireStaff(viewer);
    return Object.entries(companyFieldOwnership()).map(([field, owner]) =>
      Object.assign(new FieldOwnershipObject(), {
        entity: 'Company',
        field,
        owner: owner as FieldOwnerValue,
        configurable: (CONFIGURABLE_COMPANY_FIELDS as readonly string[]).includes(field),
      }),
    );
  }
}
