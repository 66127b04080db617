import { canSeeCompany } from '@hub/auth';
import { isUuid } from '@hub/subgraph-kit';
import { FinanceContext } from '../context';
import { CompanyReference } from './company-reference.object';

/**
 * `_entities` for Company: only a company the viewer may see. The invoices.view permission is
 * checked by `Company.invoices` itself, so a viewer without it gets FORBIDDEN rather than a silent null.
 */
export function resolveCompanyReference(reference: { id: string }, ctx: FinanceContext): CompanyReference | null {
  return isUuid(reference.id) && canSeeCompany(ctx.viewer, reference.id) ? CompanyReference.of(reference.id) : null;
}
