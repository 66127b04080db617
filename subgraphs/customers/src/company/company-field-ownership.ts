import { HubError } from '@hub/errors';

export type FieldOwner = 'ERP' | 'HUB';

/**
 * Field ownership of the customer company (feature I5): who is the master of each field. This is
 * the default split; a deployment may move the fields in CONFIGURABLE_COMPANY_FIELDS to the other
 * side with HUB_FIELD_OWNERSHIP (e.g. `company.name=HUB,company.documentPreference=ERP`). The sync
 * writes ERP-owned fields on every run and a hub-owned one only when the company first arrives
 * (customers.ingest.ts); the hub's mutations change only hub-owned fields.
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
} as const satisfies Record<string, FieldOwner>;

export type CompanyField = keyof typeof COMPANY_FIELD_OWNERSHIP;

/**
 * The fields a deployment may give to the other side. The key, the currency and the financial
 * state stay with the ERP (orders and credit checks rest on them); users and branches exist only
 * in the hub.
 */
export const CONFIGURABLE_COMPANY_FIELDS = ['name', 'customerGroup', 'invoiceAddress', 'deliveryAddresses', 'documentPreference'] as const satisfies readonly CompanyField[];

/** The ingest column of each ERP-delivered configurable field (documentPreference is not delivered by ERPs). */
export const COMPANY_FIELD_COLUMNS: Partial<Record<CompanyField, string>> = {
  name: 'name',
  customerGroup: 'customer_group',
  invoiceAddress: 'invoice_address',
  deliveryAddresses: 'delivery_addresses',
};

export const FIELD_OWNERSHIP_ENV = 'HUB_FIELD_OWNERSHIP';

/**
 * Parses HUB_FIELD_OWNERSHIP (comma-separated `company.<field>=ERP|HUB`) over the default split.
 * Throws a message naming the bad entry: the launcher stops the start with it.
 */
export function parseCompanyFieldOwnership(value: string | undefined): Record<CompanyField, FieldOwner> {
  const ownership: Record<CompanyField, FieldOwner> = { ...COMPANY_FIELD_OWNERSHIP };
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^company\.([A-Za-z]+)\s*=\s*(ERP|HUB)$/.exec(entry);
    if (!match) throw new Error(`${FIELD_OWNERSHIP_ENV}: "${entry}" is not of the form company.<field>=ERP|HUB.`);
    const field = match[1] as CompanyField;
    if (!(CONFIGURABLE_COMPANY_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`${FIELD_OWNERSHIP_ENV}: company.${field} cannot be configured; configurable fields: ${CONFIGURABLE_COMPANY_FIELDS.join(', ')}.`);
    }
    ownership[field] = match[2] as FieldOwner;
  }
  return ownership;
}

/** This deployment's ownership (read from the environment each time: cheap, and tests may change it). */
export function companyFieldOwnership(env: NodeJS.ProcessEnv = process.env): Record<CompanyField, FieldOwner> {
  return parseCompanyFieldOwnership(env[FIELD_OWNERSHIP_ENV]);
}

/** Ingest columns of configurable fields this deployment gives to the hub: the sync keeps the hub's value. */
export function hubOwnedCompanyColumns(ownership = companyFieldOwnership()): string[] {
  return Object.entries(COMPANY_FIELD_COLUMNS)
    .filter(([field]) => ownership[field as CompanyField] === 'HUB')
    .map(([, column]) => column!);
}

/** Refuses a mutation of an ERP-owned field with a coded error (FORBIDDEN, reason ERP_OWNED_FIELD). */
export function requireHubOwned(field: CompanyField, ownership = companyFieldOwnership()): void {
  if (ownership[field] !== 'HUB') {
    throw new HubError('FORBIDDEN', `company.${field} is owned by the ERP in this deployment: change it in the ERP, the next sync brings it.`, {
      reason: 'ERP_OWNED_FIELD',
      field: `company.${field}`,
    });
  }
}
