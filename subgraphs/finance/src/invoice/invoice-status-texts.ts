import { HubTextKindDeclaration } from '@hub/subgraph-kit';
import { EXPORT_LANGUAGES, headingsIn } from '../export/export-headings';
import { InvoiceStatus } from './invoice-status';

export const INVOICE_STATUS_TEXTS = 'INVOICE_STATUS';

/** An invoice status's built-in label per language: the one the exports print. */
export function invoiceStatusLabels(status: InvoiceStatus): Record<string, string> {
  return Object.fromEntries(EXPORT_LANGUAGES.map((language) => [language, headingsIn(language).statuses[status]]));
}

export const invoiceStatusTexts: HubTextKindDeclaration = {
  kind: INVOICE_STATUS_TEXTS,
  description: 'Invoice statuses as users read them, on screen and in the invoice exports (key: OPEN or PAID).',
  entries: async () => Object.values(InvoiceStatus).map((status) => ({ key: status, texts: invoiceStatusLabels(status), fallback: invoiceStatusLabels(status).en })),
};
