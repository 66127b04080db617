import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpContactRecord, ErpCustomerRecord } from '@hub/erp-contract';
import { IngestPage, MergeResult, mergeRows, MergeTarget } from '@hub/ingest';

const COMPANY: MergeTarget = {
  schema: 'customers',
  table: 'company',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'erp_number', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'currency', type: 'char(3)' },
    { name: 'country', type: 'char(2)' },
    { name: 'customer_group', type: 'text' },
    { name: 'credit_limit', type: 'numeric' },
    { name: 'balance', type: 'numeric' },
    { name: 'blocked', type: 'boolean' },
    { name: 'payment_terms_days', type: 'integer' },
    { name: 'invoice_address', type: 'jsonb' },
    { name: 'delivery_addresses', type: 'jsonb' },
    { name: 'active', type: 'boolean' },
    { name: 'created_at', type: 'timestamptz' },
  ],
  key: ['id'],
  insertOnly: ['created_at'],
  // Users and history stay; the account is retired.
  onDelete: { set: { active: 'false', updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
};

/** ERP customer accounts: everything here is ERP-owned (the hub owns the users, in its own table). */
export async function ingestCustomers(client: PoolClient, page: IngestPage<ErpCustomerRecord>): Promise<MergeResult> {
  const now = new Date();
  return mergeRows(
    client,
    { ...COMPANY, columns: [...COMPANY.columns, { name: 'updated_at', type: 'timestamptz' }], insertOnly: ['created_at', 'updated_at'] },
    page.rows.map((c) => [
      erpEntityId('customer', c.customerNumber), c.customerNumber, c.name, c.currency, c.country, c.customerGroup, c.creditLimit, c.balance,
      c.blocked, c.paymentTermsDays, c.invoiceAddress, c.deliveryAddresses, true, now, now,
    ]),
    page.deletions.map((n) => [erpEntityId('customer', n)]),
  );
}

const CONTACT: MergeTarget = {
  schema: 'customers',
  table: 'contact',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'contact_number', type: 'text' },
    { name: 'company_id', type: 'uuid' },
    { name: 'name', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'phone', type: 'text' },
  ],
  key: ['id'],
  onDelete: 'delete',
};

export function ingestContacts(client: PoolClient, page: IngestPage<ErpContactRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    CONTACT,
    page.rows.map((c) => [erpEntityId('contact', c.contactNumber), c.contactNumber, erpEntityId('customer', c.customerNumber), c.name, c.email, c.phone]),
    page.deletions.map((n) => [erpEntityId('contact', n)]),
  );
}
