import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpContactRecord, ErpCustomerRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';
import { hubOwnedCompanyColumns } from '../company/company-field-ownership';

export const COMPANY_TARGET = defineMergeTarget({
  schema: 'customers',
  table: 'company',
  columns: {
    id: 'uuid',
    erp_number: 'text',
    name: 'text',
    currency: 'char(3)',
    country: 'char(2)',
    customer_group: 'text',
    credit_limit: 'numeric',
    balance: 'numeric',
    blocked: 'boolean',
    payment_terms_days: 'integer',
    invoice_address: 'jsonb',
    delivery_addresses: 'jsonb',
    active: 'boolean',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  key: ['id'],
  // Hub-owned: what the customer chose on the web.
  notFromErp: ['document_preference'],
  // The timestamps have no default: written on insert, then kept by onChange/onDelete.
  insertOnly: ['created_at', 'updated_at'],
  // Users and history stay; the account is retired.
  onDelete: { set: { active: 'false', updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
});

/**
 * ERP customer accounts: ERP-owned by default (the hub owns the users, in its own table). A field
 * the deployment gives to the hub (HUB_FIELD_OWNERSHIP) is written when the company first arrives
 * and never overwritten after: it becomes insert-only for this merge.
 */
export async function ingestCustomers(client: PoolClient, page: IngestPage<ErpCustomerRecord>): Promise<MergeResult> {
  const now = new Date();
  const hubOwned = hubOwnedCompanyColumns() as Array<keyof typeof COMPANY_TARGET.columns>;
  const target = hubOwned.length ? { ...COMPANY_TARGET, insertOnly: [...(COMPANY_TARGET.insertOnly ?? []), ...hubOwned] } : COMPANY_TARGET;
  return mergeRows(
    client,
    target,
    page.rows.map(
      (c): RowOf<typeof COMPANY_TARGET> => ({
        id: erpEntityId('customer', c.customerNumber),
        erp_number: c.customerNumber,
        name: c.name,
        currency: c.currency,
        country: c.country,
        customer_group: c.customerGroup,
        credit_limit: c.creditLimit,
        balance: c.balance,
        blocked: c.blocked,
        payment_terms_days: c.paymentTermsDays,
        invoice_address: c.invoiceAddress,
        delivery_addresses: c.deliveryAddresses,
        active: true,
        created_at: now,
        updated_at: now,
      }),
    ),
    page.deletions.map((n) => ({ id: erpEntityId('customer', n) })),
  );
}

export const CONTACT_TARGET = defineMergeTarget({
  schema: 'customers',
  table: 'contact',
  columns: { id: 'uuid', contact_number: 'text', company_id: 'uuid', name: 'text', email: 'text', phone: 'text' },
  key: ['id'],
  notFromErp: [],
  onDelete: 'delete',
});

export function ingestContacts(client: PoolClient, page: IngestPage<ErpContactRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    CONTACT_TARGET,
    page.rows.map(
      (c): RowOf<typeof CONTACT_TARGET> => ({
        id: erpEntityId('contact', c.contactNumber),
        contact_number: c.contactNumber,
        company_id: erpEntityId('customer', c.customerNumber),
        name: c.name,
        email: c.email,
        phone: c.phone,
      }),
    ),
    page.deletions.map((n) => ({ id: erpEntityId('contact', n) })),
  );
}
