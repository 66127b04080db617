/**
 * Field ownership of the customer company (feature I5): who is the master of each field. The sync
 * overwrites ERP-owned fields on every run (customers.ingest.ts lists exactly these columns) and
 * never touches hub-owned ones; the hub's API changes only hub-owned fields.
 */
export const COMPANY_FIELD_OWNERSHIP = {
  erpNumber: 'ERP',
  name: 'ERP',
  currency: 'ERP',
  country: 'ERP',
  customerGroup: 'ERP',
  creditLimit: 'ERP',
  balance: 'ERP',
  blocked: 'ERP',
  paymentTermsDays: 'ERP',
  invoiceAddress: 'ERP',
  deliveryAddresses: 'ERP',
  active: 'ERP',
  documentPreference: 'HUB',
  branches: 'HUB',
  users: 'HUB',
} as const satisfies Record<string, 'ERP' | 'HUB'>;

export type CompanyField = keyof typeof COMPANY_FIELD_OWNERSHIP;
