import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCustomerRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const COMPANY_ACCOUNT_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'company_account',
  columns: {
    company_id: 'uuid',
    customer_number: 'text',
    currency: 'char(3)',
    credit_limit: 'numeric',
    balance: 'numeric',
    blocked: 'boolean',
    tax_rate_percent: 'numeric',
    delivery_address_codes: 'text[]',
  },
  key: ['company_id'],
  notFromErp: [],
  onDelete: 'delete',
});

/**
 * The orders subgraph's share of the ERP's customers (declared with alsoIngests): credit limit,
 * balance, block, tax rate, customer number and delivery address codes.
 */
export function ingestCompanyAccounts(
  client: PoolClient,
  page: IngestPage<Pick<ErpCustomerRecord, 'customerNumber' | 'currency' | 'creditLimit' | 'balance' | 'blocked' | 'taxRatePercent' | 'deliveryAddresses'>>,
): Promise<MergeResult> {
  return mergeRows(
    client,
    COMPANY_ACCOUNT_TARGET,
    page.rows.map(
      (c): RowOf<typeof COMPANY_ACCOUNT_TARGET> => ({
        company_id: erpEntityId('customer', c.customerNumber),
        customer_number: c.customerNumber,
        currency: c.currency,
        credit_limit: c.creditLimit,
        balance: c.balance,
        blocked: c.blocked,
        tax_rate_percent: c.taxRatePercent ?? null,
        delivery_address_codes: c.deliveryAddresses.map((a) => a.code),
      }),
    ),
    page.deletions.map((customerNumber) => ({ company_id: erpEntityId('customer', customerNumber) })),
  );
}
