import { requireHubOwned } from './company-field-ownership';
import { companyScope, hasPermission, requirePermission, requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { recordAudit } from '../audit/audit.service';
import { CustomersContext } from '../context';
import { CompanyBranchEntity } from './company-branch.entity';
import { CompanyEntity, DocumentPreference } from './company.entity';
import { BranchInput } from './company-structure.objects';

/** Who may see a company's ERP financial state (credit limit, balance, blocked): the same users as its invoices. */
export const FINANCIAL_STATE_PERMISSION = 'invoices.view';

const text = (value: string, field: string, max = 200): string => {
  const v = (value ?? '').trim();
  if (v.length === 0 || v.length > max) throw badUserInput(`${field} must be 1 to ${max} characters.`, field);
  return v;
};

/** The hub-owned parts of a company's structure: branches and the document preference. */
export class CompanyStructureService {
  constructor(private readonly ctx: CustomersContext) {}

  canSeeFinancialState(viewer: Viewer | null): boolean {
    return hasPermission(viewer, FINANCIAL_STATE_PERMISSION);
  }

  /** The company a manager changes: a customer admin's own (users.manage), or the one staff (staff.users) name. */
  private async managedCompany(viewerInput: Viewer | null, companyId?: string | null): Promise<{ viewer: Viewer; company: CompanyEntity }> {
    const viewer = requireViewer(viewerInput);
    if (viewer.kind === 'STAFF') requireStaffPermission(viewer, 'staff.users');
    else requirePermission(viewer, 'users.manage');
    if (companyId !== undefined && companyId !== null && !isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    const id = companyScope(viewer, companyId ?? null);
    if (!id) throw badUserInput('Staff must name the company.', 'companyId');
    const company = await this.ctx.em.findOne(CompanyEntity, { id });
    if (!company) throw notFound('Company', id);
    return { viewer, company };
  }

  async setDocumentPreference(viewerInput: Viewer | null, preference: DocumentPreference, companyId?: string | null): Promise<CompanyEntity> {
    const { viewer, company } = await this.managedCompany(viewerInput, companyId);
    requireHubOwned('documentPreference');
    await this.ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(CompanyEntity, { id: company.id });
      row.documentPreference = preference;
      recordAudit(tx, viewer, 'company.documentPreference', { companyId: company.id, details: { preference } });
    });
    return company;
  }

  async addBranch(viewerInput: Viewer | null, input: BranchInput): Promise<CompanyBranchEntity> {
    const { viewer, company } = await this.managedCompany(viewerInput, input.companyId);
    const name = text(input.name, 'name');
    const country = text(input.address.country, 'address.country', 2).toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw badUserInput('country must be an ISO 3166 code of two letters.', 'address.country');
    const address = { street: text(input.address.street, 'address.street'), postalCode: text(input.address.postalCode, 'address.postalCode', 20), city: text(input.address.city, 'address.city'), country };
    const code = input.deliveryAddressCode?.trim() || null;
    if (code && !company.deliveryAddresses.some((a) => a.code === code)) throw badUserInput('The company has no delivery address with this code.', 'deliveryAddressCode');
    return this.ctx.em.transactional(async (tx) => {
      const branch = tx.create(CompanyBranchEntity, { companyId: company.id, name, address, deliveryAddressCode: code });
      recordAudit(tx, viewer, 'company.branch.add', { companyId: company.id, details: { branchId: branch.id, name } });
      return branch;
    });
  }

  async removeBranch(viewerInput: Viewer | null, branchId: string): Promise<boolean> {
    if (!isUuid(branchId)) throw badUserInput('Branch id must be a UUID.', 'id');
    const viewer = requireViewer(viewerInput);
    const branch = await this.ctx.em.findOne(CompanyBranchEntity, { id: branchId });
    // Another company's branch is NOT_FOUND, as one that does not exist.
    if (!branch || (viewer.kind !== 'STAFF' && branch.companyId !== viewer.companyId)) throw notFound('Branch', branchId);
    const { company } = await this.managedCompany(viewer, viewer.kind === 'STAFF' ? branch.companyId : null);
    if (company.id !== branch.companyId) throw forbidden('You can only change your own company.');
    await this.ctx.em.transactional(async (tx) => {
      await tx.nativeDelete(CompanyBranchEntity, { id: branch.id });
      recordAudit(tx, viewer, 'company.branch.remove', { companyId: company.id, details: { branchId: branch.id, name: branch.name } });
    });
    return true;
  }
}
