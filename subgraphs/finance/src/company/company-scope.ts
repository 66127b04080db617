import { isUuid } from '@hub/subgraph-kit';
import { Viewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';

/**
 * The company a finance query reads: a customer user's own (naming another company gives
 * NOT_FOUND, the same answer as a company that does not exist), or the one staff name. Null:
 * staff named none (every company, where the query allows it).
 */
export function financeCompanyScope(viewer: Viewer, companyId: string | null | undefined): string | null {
  if (companyId !== null && companyId !== undefined && !isUuid(companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
  if (viewer.kind === 'STAFF') return companyId ?? null;
  if (viewer.kind !== 'CUSTOMER' || !viewer.companyId) throw forbidden('Only customer users and staff have company accounts.');
  if (companyId && companyId !== viewer.companyId) throw notFound('Company', companyId);
  return viewer.companyId;
}

/** As financeCompanyScope, for queries about one company's account: staff must name it. */
export function requireFinanceCompany(viewer: Viewer, companyId: string | null | undefined): string {
  const scope = financeCompanyScope(viewer, companyId);
  if (!scope) throw badUserInput('Staff name the company (companyId).', 'companyId');
  return scope;
}
