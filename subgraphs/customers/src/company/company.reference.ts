import { CustomersContext } from '../context';
import { CompanyObject } from './company.object';

/** `_entities` for Company: the same tenant rule as the `company` query, without the error. */
export async function resolveCompanyReference(reference: { id: string }, ctx: CustomersContext): Promise<CompanyObject | null> {
  const company = await ctx.services.companies.findVisible(ctx.viewer, reference.id);
  return company ? CompanyObject.from(company) : null;
}
