import { OperationDefinitionNode } from 'graphql';
import { hasPermission, Viewer } from '@hub/auth';
import { utcToday } from '../price/price.service';
import { CompanySettings } from '../customer/customer-profile.service';

/** The root fields whose answers the catalogue cache keeps: the catalogue's pages, its items and its category tree. */
const CACHED_ROOT_FIELDS = new Set(['products', 'product', 'categories', 'category']);

/** Whether an operation asks only for catalogue pages, items or categories (no mutation, no entity look-up, no other root field). */
export function isCatalogueOperation(operation: OperationDefinitionNode | undefined): boolean {
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === 'Field' && (CACHED_ROOT_FIELDS.has(s.name.value) || s.name.value === '__typename'));
}

/**
 * Everything that decides a catalogue answer besides the query, and nothing that names a user:
 * the caller's kind, its company's ERP customer group and currency, the company itself only where
 * the ERP gives it prices of its own, its stock display policy, whether it may see prices, the
 * languages it reads in, and the day (price validity and availability dates are by day).
 * Null: not cached (staff and suppliers, who see what the rules for customers do not decide).
 */
export function catalogueDecision(viewer: Viewer | null, company: CompanySettings, languages: readonly string[], now = new Date()): string | null {
  if (viewer && viewer.kind !== 'CUSTOMER') return null;
  const profile = company.profile;
  return JSON.stringify([
    viewer ? 'CUSTOMER' : 'ANONYMOUS',
    profile?.customerGroup ?? null,
    profile?.currency ?? null,
    company.ownPrices ? profile?.companyId ?? null : null,
    viewer ? company.stockDisplayPolicy : null,
    viewer ? hasPermission(viewer, 'prices.view') : true,
    languages,
    utcToday(now),
  ]);
}

/** The key a catalogue answer is kept under: its decision and the question (operation, text, variables). */
export function catalogueAnswerKey(decision: string, operationName: string | null | undefined, source: string, variables: unknown): string {
  return `${decision}\n${operationName ?? ''}\n${source}\n${JSON.stringify(variables ?? {})}`;
}
