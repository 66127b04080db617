import { DebtorDetails } from '@hub/subgraph-kit';
import { Decimal } from '@hub/money';
import { CaseDunningStep, CaseOpenItem } from './debt-collection.repository';
import { DebtCollectionCaseEntity } from './debt-collection-case.entity';

/** The export's format name and version; a change that breaks readers bumps the version. */
export const DEBT_COLLECTION_FORMAT = 'erp-hub.debt-collection-case/1';

/**
 * A case as the agency receives it: one JSON document (format in README.md, "Debt collection").
 * Amounts are decimal strings, dates ISO 8601; totals per currency.
 */
export function debtCollectionCaseFile(c: DebtCollectionCaseEntity, debtor: DebtorDetails, openItems: readonly CaseOpenItem[], dunning: readonly CaseDunningStep[], today: string) {
  const totals = new Map<string, Decimal>();
  for (const item of openItems) totals.set(item.currency, (totals.get(item.currency) ?? new Decimal(0)).plus(item.openAmount));
  const dayMs = 86_400_000;
  return {
    format: DEBT_COLLECTION_FORMAT,
    caseNumber: c.number,
    agency: c.agency,
    handedOverAt: c.handedOverAt.toISOString(),
    debtor: {
      companyId: debtor.companyId,
      customerNumber: debtor.erpCustomerNumber,
      name: debtor.name,
      country: debtor.country,
      customerGroup: debtor.customerGroup,
      invoiceAddress: debtor.invoiceAddress,
      contacts: debtor.contacts,
    },
    openItems: openItems.map((i) => ({
      documentNumber: i.documentNumber,
      documentType: i.documentType,
      dueDate: i.dueDate,
      daysOverdue: Math.max(0, Math.round((Date.parse(today) - Date.parse(i.dueDate)) / dayMs)),
      amount: i.amount,
      openAmount: i.openAmount,
      currency: i.currency,
    })),
    totalOpen: [...totals].map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) })),
    dunningHistory: dunning.map((d) => ({ documentNumber: d.documentNumber, level: d.level, lastLevel: d.lastLevel, dunnedOn: d.dunnedOn, daysOverdue: d.daysOverdue })),
  };
}
