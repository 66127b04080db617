import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { MergeResult, mergeRows, MergeTarget } from '@hub/ingest';

export interface IngestPage<T> {
  rows: T[];
  deletions: string[];
}

interface Address {
  code: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

/** Mirrors the ERP contract's customer record. The hub owns users; the ERP owns everything here. */
export interface CustomerIngestRow {
  customerNumber: string;
  name: string;
  currency: string;
  country: string;
  customerGroup: string | null;
  creditLimit: string;
  balance: string;
  blocked: boolean;
  paymentTermsDays: number;
  invoiceAddress: Address;
  deliveryAddresses: Address[];
}

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

export async function ingestCustomers(client: PoolClient, page: IngestPage<CustomerIngestRow>): Promise<MergeResult> {
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

export interface ContactIngestRow {
  contactNumber: string;
  customerNumber: string;
  name: string;
  email: string;
  phone: string | null;
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

export function ingestContacts(client: PoolClient, page: IngestPage<ContactIngestRow>): Promise<MergeResult> {
  return mergeRows(
    client,
    CONTACT,
    page.rows.map((c) => [erpEntityId('contact', c.contactNumber), c.contactNumber, erpEntityId('customer', c.customerNumber), c.name, c.email, c.phone]),
    page.deletions.map((n) => [erpEntityId('contact', n)]),
  );
}
